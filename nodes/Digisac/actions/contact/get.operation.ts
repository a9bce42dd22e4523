import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/descriptions';
import { pathSegment, requireString } from '../../../shared/parameters';
import { apiRequest } from '../../transport';
import { contactLocator } from '../common.description';

export const option = {
	name: 'Get',
	value: 'get',
	action: 'Get a contact',
};

export const properties: INodeProperties[] = [
	contactLocator('The contact (contato) to get'),
	optionsCollection([
		{
			displayName: 'Include Custom Fields',
			name: 'includeCustomFields',
			type: 'boolean',
			default: true,
			description: "Whether to include the contact's custom field values (on unless switched off)",
		},
		{
			displayName: 'Include Tags',
			name: 'includeTags',
			type: 'boolean',
			default: true,
			description: "Whether to include the contact's tags (on unless switched off)",
		},
	]),
];

export async function execute(this: IExecuteFunctions, i: number) {
	const contactId = requireString(this, 'contactId', i);
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const include: string[] = [];
	// Both are on unless switched off: they are what people look a contact up for.
	if (options.includeTags !== false) include.push('tags');
	if (options.includeCustomFields !== false) include.push('customFieldValues');
	const contact = await apiRequest<IDataObject>(
		this,
		'GET',
		`/api/v1/contacts/${pathSegment(this, contactId, 'contactId', i)}`,
		{
			qs: include.length ? { include } : undefined,
			itemIndex: i,
		},
	);
	return [{ json: contact }];
}
