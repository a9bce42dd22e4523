import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';

export { getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['customField'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many custom fields',
				description: 'List custom fields (campos personalizados)',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
