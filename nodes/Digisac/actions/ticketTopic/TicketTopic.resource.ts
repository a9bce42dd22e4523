import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';

export { getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['ticketTopic'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many ticket topics',
				description: 'List closing topics (assuntos de chamado)',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
