import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { exportToItem } from '../../helpers/files';
import { mergeQuery, readRawQuery } from '../../helpers/query';
import { apiRequestFull } from '../../transport';
import { outputBinaryOption, rawQueryOption } from '../common.description';

import { buildContactQuery, contactFilterOptions } from './fields';

export const option = {
	name: 'Export CSV',
	value: 'exportCsv',
	action: 'Export contacts as CSV',
	description: 'Export contacts to a CSV file',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: contactFilterOptions,
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
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
		],
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const built = buildContactQuery(filters);
	built.where = { visible: true, ...(built.where ?? {}) };
	built.order = [['name', 'ASC']];
	// Export takes the whole query in the body; the user's page/perPage, if any, are kept.
	const query = mergeQuery(built, readRawQuery(this, i, 'options.query', { keepPaging: true }));
	const body: IDataObject = {
		...query,
		type: String(options.separator ?? 'comma'),
		serviceType: String(options.serviceType ?? 'whatsapp'),
	};
	const response = await apiRequestFull<unknown>(this, 'POST', '/api/v1/contacts/export/csv', {
		body,
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
			{ fileName: 'contacts.csv', mimeType: 'text/csv' },
			propertyName,
		),
	];
}
