import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { requireString } from '../../../shared/parameters';
import { exportToItem } from '../../helpers/files';
import { apiRequestFull } from '../../transport';
import { outputBinaryOption, ticketLocator } from '../common.description';

export const option = {
	name: 'Export PDF',
	value: 'exportPdf',
	action: 'Export a ticket as PDF',
	description: "Export one ticket's conversation to a PDF file",
};

export const properties: INodeProperties[] = [
	ticketLocator,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Language',
				name: 'language',
				type: 'string',
				default: 'pt-BR',
				description:
					"Language of the PDF's labels, as in Digisac's own PDF link (pt-BR by default)",
			},
			outputBinaryOption,
		],
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const ticketId = requireString(this, 'ticketId', i);
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const language = String(options.language || 'pt-BR');
	// Not under /api: the PDF comes from the account's web root.
	const response = await apiRequestFull<unknown>(
		this,
		'GET',
		`/pdf/tickets/${encodeURIComponent(ticketId)}/${encodeURIComponent(language)}`,
		{
			qs: { pdf: 1, lng: language },
			binary: true,
			itemIndex: i,
		},
	);
	const propertyName = String(options.binaryPropertyName || 'data');
	return [
		await exportToItem(
			this,
			i,
			response,
			{ fileName: `ticket-${ticketId}.pdf`, mimeType: 'application/pdf' },
			propertyName,
			{ ticketId },
		),
	];
}
