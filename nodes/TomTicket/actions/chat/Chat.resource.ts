import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getAll from './getAll.operation';

export { get, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['chat'] } },
		options: [
			{ name: 'Get', value: 'get', action: 'Get a chat', description: 'Get a chat conversation' },
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many chats',
				description: 'List chat conversations, with filters',
			},
		],
		default: 'getAll',
	},
	...get.description,
	...getAll.description,
];
