import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/descriptions';
import { requireString } from '../../../shared/parameters';
import { exportFile } from '../../helpers/files';
import { outputBinaryOption } from '../common.description';

export const option = {
	name: 'Export TXT',
	value: 'exportTxt',
	action: 'Export a ticket as text',
	description: "Export one ticket's conversation, by protocol, to a text file",
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Protocol',
		name: 'protocol',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 2024070100001',
		description: "The ticket's protocol number (número de protocolo)",
	},
	optionsCollection([outputBinaryOption]),
];

export async function execute(this: IExecuteFunctions, i: number) {
	const protocol = requireString(this, 'protocol', i);
	const safeProtocol = protocol.replace(/[^\w.-]+/g, '_');
	return await exportFile(
		this,
		i,
		{ method: 'POST', path: '/api/v1/tickets/export', body: { protocol } },
		{ fileName: `ticket-${safeProtocol}.txt`, mimeType: 'text/plain' },
		{ protocol },
	);
}
