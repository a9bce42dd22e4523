import type { INodeProperties } from 'n8n-workflow';

import * as clear from './clear.operation';
import * as deleteMessage from './deleteMessage.operation';
import * as get from './get.operation';

export { clear, deleteMessage, get };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['queue'] } },
		options: [
			{
				name: 'Clear',
				value: 'clear',
				action: 'Clear the send queue',
				description: 'Delete every message waiting to be sent',
			},
			{
				name: 'Delete Message',
				value: 'deleteMessage',
				action: 'Delete a message from the send queue',
				description: 'Delete one message waiting to be sent',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get the send queue',
				description: 'Get the messages waiting to be sent',
			},
		],
		default: 'get',
	},
	...get.description,
	...clear.description,
	...deleteMessage.description,
];
