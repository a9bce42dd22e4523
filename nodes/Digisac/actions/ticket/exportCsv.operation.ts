import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { filtersCollection, optionsCollection } from '../../../shared/descriptions';
import { exportFile } from '../../helpers/files';
import { mergeQuery, queryParameter, readRawQuery } from '../../helpers/query';
import { outputBinaryOption, rawQueryOption } from '../common.description';

import { buildTicketQuery, ticketFilterOptions } from './filters';

export const option = {
	name: 'Export CSV',
	value: 'exportCsv',
	action: 'Export tickets as CSV',
	description: 'Export the ticket history to a CSV file',
};

export const properties: INodeProperties[] = [
	filtersCollection(ticketFilterOptions),
	optionsCollection([outputBinaryOption, rawQueryOption]),
];

export async function execute(this: IExecuteFunctions, i: number) {
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	// The export lists the same related records as Digisac's own export request.
	const built = buildTicketQuery(this, i, filters, { includeRelated: true });
	const query = mergeQuery(
		built.query,
		readRawQuery(this, i, 'options.query', { keepPaging: true }),
	);
	return await exportFile(
		this,
		i,
		{
			method: 'POST',
			path: '/api/v1/tickets/export-history',
			qs: { ...built.qs, ...queryParameter(query) },
		},
		{ fileName: 'tickets.csv', mimeType: 'text/csv' },
	);
}
