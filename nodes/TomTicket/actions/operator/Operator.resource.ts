import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';

export { getAll };

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
				description: 'List operators, of one department or of all',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
