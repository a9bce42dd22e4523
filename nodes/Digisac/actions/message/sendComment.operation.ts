import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/descriptions';
import { optionalString, requireString } from '../../../shared/parameters';
import { apiRequest } from '../../transport';
import { contactLocator, originOption, userOption } from '../common.description';

export const option = {
	name: 'Send Comment',
	value: 'sendComment',
	action: 'Send a comment',
	description: "Add an internal comment to a contact's chat (not sent to the contact)",
};

export const properties: INodeProperties[] = [
	contactLocator('The contact (contato) whose chat gets the comment'),
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		description: 'The internal comment. Only agents see it; it is not sent to the contact.',
	},
	optionsCollection([originOption, userOption]),
];

/** The text as typed (not trimmed: line breaks are content), but never empty. */
function requireText(context: IExecuteFunctions, i: number): string {
	requireString(context, 'text', i);
	return String(context.getNodeParameter('text', i));
}

export async function execute(this: IExecuteFunctions, i: number) {
	const body: IDataObject = {
		type: 'comment',
		contactId: requireString(this, 'contactId', i),
		text: requireText(this, i),
	};
	const userId = optionalString(this, 'options.userId', i);
	if (userId) body.userId = userId;
	const origin = optionalString(this, 'options.origin', i);
	if (origin) body.origin = origin;
	const message = await apiRequest<IDataObject>(this, 'POST', '/api/v1/messages', {
		body,
		itemIndex: i,
	});
	return [{ json: message }];
}
