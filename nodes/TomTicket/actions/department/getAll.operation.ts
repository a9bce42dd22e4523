import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { returnAllOrLimit, updateDisplayOptions } from '../../../shared/descriptions';
import { toItems } from '../../../shared/items';
import { getManyLimit } from '../../helpers/filters';
import { apiRequestAllItems } from '../../transport';

const show = { resource: ['department'], operation: ['getAll'] };

const properties: INodeProperties[] = [
	...returnAllOrLimit(show),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Include Nested Items',
				name: 'includeNestedItems',
				type: 'boolean',
				default: false,
				description: "Whether to include each department's categories, operators and custom fields",
			},
		],
	},
];

export const description = updateDisplayOptions({ show }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const qs = { show_nested_items: options.includeNestedItems ? 1 : 0 };
	return toItems(await apiRequestAllItems(this, '/department/list', qs, getManyLimit(this, i), i));
}
