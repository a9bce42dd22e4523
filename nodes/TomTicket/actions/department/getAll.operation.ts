import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit, optionsCollection } from '../../../shared/descriptions';
import { toItems } from '../../../shared/items';
import { readLimit } from '../../../shared/parameters';
import { apiRequestAllItems } from '../../transport';

export const option = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many departments',
	description: 'List the departments (departamentos)',
};

export const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	optionsCollection([
		{
			displayName: 'Include Nested Items',
			name: 'includeNestedItems',
			type: 'boolean',
			default: false,
			description: "Whether to include each department's categories, operators and custom fields",
		},
	]),
];

export async function execute(this: IExecuteFunctions, i: number) {
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const qs = { show_nested_items: options.includeNestedItems ? 1 : 0 };
	return toItems(await apiRequestAllItems(this, '/department/list', qs, readLimit(this, i), i));
}
