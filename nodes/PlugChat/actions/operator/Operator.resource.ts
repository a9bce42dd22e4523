import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';
import * as getOnline from './getOnline.operation';

export { getAll, getOnline };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['operator'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many operators',
				description: 'List the operators (atendentes) of the account',
			},
			{
				name: 'Get Online',
				value: 'getOnline',
				action: 'Get online operators',
				description: 'List operators with their online or offline state',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
	...getOnline.description,
];
