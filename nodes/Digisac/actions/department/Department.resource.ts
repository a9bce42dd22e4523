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
		displayOptions: { show: { resource: ['department'] } },
		options: [
			{ name: 'Get', value: 'get', action: 'Get a department' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many departments' },
		],
		default: 'getAll',
	},
	...getAll.description,
	...get.description,
];
