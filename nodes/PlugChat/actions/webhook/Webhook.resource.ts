import type { INodeProperties } from 'n8n-workflow';

import * as update from './update.operation';

export { update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['webhook'] } },
		options: [
			{
				name: 'Update',
				value: 'update',
				action: 'Update the webhook addresses',
				description: 'Set the URLs PlugChat calls for its events',
			},
		],
		default: 'update',
	},
	...update.description,
];
