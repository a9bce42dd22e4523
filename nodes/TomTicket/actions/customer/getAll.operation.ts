import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit, optionsCollection } from '../../../shared/descriptions';
import { toItems } from '../../../shared/items';
import { readLimit } from '../../../shared/parameters';
import { apiRequestAllItems } from '../../transport';

export const option = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many customers',
	description: 'List customers',
};

export const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	optionsCollection([
		{
			displayName: 'Include Custom Fields',
			name: 'includeCustomFields',
			type: 'boolean',
			default: false,
			description: "Whether to include each customer's custom fields",
		},
	]),
];

export async function execute(this: IExecuteFunctions, i: number) {
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const qs: IDataObject = {};
	if (options.includeCustomFields) qs.show_custom_fields = 1;
	const customers = await apiRequestAllItems(this, '/customer/list', qs, readLimit(this, i), i);
	return toItems(customers);
}
