import type { INodeProperties } from 'n8n-workflow';

import * as disconnect from './disconnect.operation';
import * as getQrCode from './getQrCode.operation';
import * as getStatus from './getStatus.operation';
import * as restart from './restart.operation';

export { disconnect, getQrCode, getStatus, restart };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['instance'] } },
		options: [
			{
				name: 'Disconnect',
				value: 'disconnect',
				action: 'Disconnect the instance',
				description: 'Disconnect the number from PlugChat; reading the QR code connects it again',
			},
			{
				name: 'Get QR Code',
				value: 'getQrCode',
				action: 'Get the QR code',
				description: 'Get the QR code that connects a WhatsApp number, as an image',
			},
			{
				name: 'Get Status',
				value: 'getStatus',
				action: 'Get the instance status',
				description: 'Whether the WhatsApp number and the phone are connected',
			},
			{
				name: 'Restart',
				value: 'restart',
				action: 'Restart the instance',
				description: 'Restart the WhatsApp instance (keeps the session)',
			},
		],
		default: 'getStatus',
	},
	...getStatus.description,
	...getQrCode.description,
	...restart.description,
	...disconnect.description,
];
