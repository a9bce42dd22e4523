import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	returnAllOrLimit,
	filtersCollection,
	optionsCollection,
} from '../../../shared/descriptions';
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
	filtersCollection(ticketFilterOptions),
	optionsCollection([...ticketIncludeOptions, rawQueryOption]),
];

export async function execute(this: IExecuteFunctions, i: number) {
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const { query, qs } = buildTicketQuery(this, i, filters, options);
	return await listItems(this, i, '/api/v1/tickets', query, qs);
}
