import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { listItems } from '../../helpers/list';
import { rawQueryOption } from '../common.description';

import { buildTicketQuery, ticketFilterOptions, ticketIncludeOptions } from './filters';

export const option = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many tickets',
	description: 'List tickets by status, department, connection, contact or period',
};

export const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: ticketFilterOptions,
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [...ticketIncludeOptions, rawQueryOption],
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const { query, qs } = buildTicketQuery(this, i, filters, options);
	return await listItems(this, i, '/api/v1/tickets', query, qs);
}
