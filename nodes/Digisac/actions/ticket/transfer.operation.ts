import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/descriptions';
import { actionResult } from '../../../shared/json';
import { optionalString, pathSegment, requireString } from '../../../shared/parameters';
import { apiRequest } from '../../transport';
import { contactLocator, departmentSelect, userSelect } from '../common.description';

export const option = {
	name: 'Transfer',
	value: 'transfer',
	action: 'Transfer or open a ticket',
	description: "Transfer a contact's ticket to a department or user; opens one if none is open",
};

export const properties: INodeProperties[] = [
	contactLocator(
		'The contact (contato) whose ticket is transferred. Without an open ticket, one is opened.',
	),
	departmentSelect('The department (departamento) the ticket goes to', true),
	optionsCollection([
		{
			displayName: 'Comment',
			name: 'comments',
			type: 'string',
			typeOptions: { rows: 2 },
			default: '',
			description: 'Internal note kept with the transfer',
		},
		userSelect('Assign the ticket straight to this user (atendente) of the department'),
	]),
];

export async function execute(this: IExecuteFunctions, i: number) {
	const contactId = requireString(this, 'contactId', i);
	const body: IDataObject = { departmentId: requireString(this, 'departmentId', i) };
	const userId = optionalString(this, 'options.userId', i);
	if (userId) body.userId = userId;
	const comments = optionalString(this, 'options.comments', i);
	if (comments) body.comments = comments;
	// The answer is undocumented (the vendor's examples have none): pass on whatever comes back.
	const response = await apiRequest<unknown>(
		this,
		'POST',
		`/api/v1/contacts/${pathSegment(this, contactId, 'contactId', i)}/ticket/transfer`,
		{
			body,
			itemIndex: i,
		},
	);
	return [{ json: actionResult(response, { contactId, ...body }) }];
}
