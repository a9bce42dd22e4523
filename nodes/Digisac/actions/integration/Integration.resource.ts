import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';

export { getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['integration'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many integrations',
				description: 'List integrations (sites embedded in Digisac)',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
