import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/descriptions';
import { pathSegment, requireString } from '../../../shared/parameters';
import { exportFile } from '../../helpers/files';
import { outputBinaryOption, ticketLocator } from '../common.description';

export const option = {
	name: 'Export PDF',
	value: 'exportPdf',
	action: 'Export a ticket as PDF',
	description: "Export one ticket's conversation to a PDF file",
};

export const properties: INodeProperties[] = [
	ticketLocator,
	optionsCollection([
		{
			displayName: 'Language',
			name: 'language',
			type: 'string',
			default: 'pt-BR',
			description: "Language of the PDF's labels, as in Digisac's own PDF link (pt-BR by default)",
		},
		outputBinaryOption,
	]),
];

export async function execute(this: IExecuteFunctions, i: number) {
	const ticketId = requireString(this, 'ticketId', i);
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const language = String(options.language || 'pt-BR');
	// Not under /api: the PDF comes from the account's web root.
	return await exportFile(
		this,
		i,
		{
			method: 'GET',
			path: `/pdf/tickets/${pathSegment(this, ticketId, 'ticketId', i)}/${pathSegment(this, language, 'language', i)}`,
			qs: { pdf: 1, lng: language },
		},
		{ fileName: `ticket-${ticketId}.pdf`, mimeType: 'application/pdf' },
		{ ticketId },
	);
}
