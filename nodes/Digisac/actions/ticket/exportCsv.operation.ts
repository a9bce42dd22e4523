import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { exportToItem } from '../../helpers/files';
import { mergeQuery, queryParameter, readRawQuery } from '../../helpers/query';
import { apiRequestFull } from '../../transport';
import { outputBinaryOption, rawQueryOption } from '../common.description';

import { buildTicketQuery, ticketFilterOptions } from './filters';

export const option = {
	name: 'Export CSV',
	value: 'exportCsv',
	action: 'Export tickets as CSV',
	description: 'Export the ticket history to a CSV file',
};

export const properties: INodeProperties[] = [
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
		options: [outputBinaryOption, rawQueryOption],
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	// The export lists the same related records as Digisac's own export request.
	const built = buildTicketQuery(this, i, filters, { includeRelated: true });
	const query = mergeQuery(
		built.query,
		readRawQuery(this, i, 'options.query', { keepPaging: true }),
	);
	const response = await apiRequestFull<unknown>(this, 'POST', '/api/v1/tickets/export-history', {
		qs: { ...built.qs, ...queryParameter(query) },
		binary: true,
		// An export changes nothing, so a retry after a dropped connection is safe.
		idempotent: true,
		itemIndex: i,
	});
	const propertyName = String(options.binaryPropertyName || 'data');
	return [
		await exportToItem(
			this,
			i,
			response,
			{ fileName: 'tickets.csv', mimeType: 'text/csv' },
			propertyName,
		),
	];
}
