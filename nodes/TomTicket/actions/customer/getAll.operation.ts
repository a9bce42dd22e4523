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

const show = { resource: ['customer'], operation: ['getAll'] };

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
				displayName: 'Include Custom Fields',
				name: 'includeCustomFields',
				type: 'boolean',
				default: false,
				description: "Whether to include each customer's custom fields",
			},
		],
	},
];

export const description = updateDisplayOptions({ show }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const qs: IDataObject = {};
	if (options.includeCustomFields) qs.show_custom_fields = 1;
	const customers = await apiRequestAllItems(this, '/customer/list', qs, getManyLimit(this, i), i);
	return toItems(customers);
}
