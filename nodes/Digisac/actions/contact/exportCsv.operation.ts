import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { filtersCollection, optionsCollection } from '../../../shared/descriptions';
import { exportFile } from '../../helpers/files';
import { mergeQuery, readRawQuery } from '../../helpers/query';
import { outputBinaryOption, rawQueryOption } from '../common.description';

import { buildContactQuery, contactFilterOptions } from './fields';

export const option = {
	name: 'Export CSV',
	value: 'exportCsv',
	action: 'Export contacts as CSV',
	description: 'Export contacts to a CSV file',
};

export const properties: INodeProperties[] = [
	filtersCollection(contactFilterOptions),
	optionsCollection([
		{
			displayName: 'Connection Type',
			name: 'serviceType',
			type: 'string',
			default: 'whatsapp',
			description:
				"Which kind of connection's contacts to export, as Digisac names it (whatsapp, telegram, email...)",
		},
		outputBinaryOption,
		rawQueryOption,
		{
			displayName: 'Separator',
			name: 'separator',
			type: 'options',
			options: [
				{ name: 'Comma', value: 'comma' },
				{ name: 'Semicolon', value: 'semiColon' },
			],
			default: 'comma',
			description: 'Column separator of the CSV file',
		},
	]),
];

export async function execute(this: IExecuteFunctions, i: number) {
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	// Accents as typed: the exported rows cannot be checked on our side, so no accent-blind pattern.
	const { query: built } = buildContactQuery(filters, { ignoreAccents: false });
	built.where = { visible: true, ...(built.where ?? {}) };
	built.order = [['name', 'ASC']];
	// Export takes the whole query in the body; the user's page/perPage, if any, are kept.
	const query = mergeQuery(built, readRawQuery(this, i, 'options.query', { keepPaging: true }));
	const body: IDataObject = {
		...query,
		type: String(options.separator ?? 'comma'),
		serviceType: String(options.serviceType ?? 'whatsapp'),
	};
	return await exportFile(
		this,
		i,
		{ method: 'POST', path: '/api/v1/contacts/export/csv', body },
		{ fileName: 'contacts.csv', mimeType: 'text/csv' },
	);
}
