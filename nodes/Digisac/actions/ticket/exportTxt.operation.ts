import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { requireString } from '../../../shared/parameters';
import { exportToItem } from '../../helpers/files';
import { apiRequestFull } from '../../transport';
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
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [outputBinaryOption],
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const protocol = requireString(this, 'protocol', i);
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const response = await apiRequestFull<unknown>(this, 'POST', '/api/v1/tickets/export', {
		body: { protocol },
		binary: true,
		// An export changes nothing, so a retry after a dropped connection is safe.
		idempotent: true,
		itemIndex: i,
	});
	const propertyName = String(options.binaryPropertyName || 'data');
	const safeProtocol = protocol.replace(/[^\w.-]+/g, '_');
	return [
		await exportToItem(
			this,
			i,
			response,
			{ fileName: `ticket-${safeProtocol}.txt`, mimeType: 'text/plain' },
			propertyName,
			{ protocol },
		),
	];
}
