import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	returnAllOrLimit,
	filtersCollection,
	optionsCollection,
} from '../../../shared/descriptions';
import { listItems } from '../../helpers/list';
import { addInclude } from '../../helpers/query';
import { rawQueryOption } from '../common.description';

import { buildContactQuery, contactFilterOptions } from './fields';

export const option = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many contacts',
	description: 'List contacts, filtered by connection, tag, custom field, name or number',
};

export const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	filtersCollection(contactFilterOptions),
	optionsCollection([
		{
			displayName: 'Include Custom Fields',
			name: 'includeCustomFields',
			type: 'boolean',
			default: false,
			description: "Whether to include each contact's custom field values",
		},
		{
			displayName: 'Include Tags',
			name: 'includeTags',
			type: 'boolean',
			default: false,
			description: "Whether to include each contact's tags",
		},
		rawQueryOption,
	]),
];

export async function execute(this: IExecuteFunctions, i: number) {
	const { query, keep } = buildContactQuery(this.getNodeParameter('filters', i, {}) as IDataObject);
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	if (options.includeTags) addInclude(query, 'tags');
	if (options.includeCustomFields) addInclude(query, 'customFieldValues');
	query.order = [['name', 'ASC']];
	return await listItems(this, i, '/api/v1/contacts', query, {}, keep);
}
