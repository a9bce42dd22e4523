import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as logout from './logout.operation';
import * as restart from './restart.operation';
import * as shutdown from './shutdown.operation';
import * as start from './start.operation';

export { get, getAll, logout, restart, shutdown, start };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['connection'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a connection',
				description: 'Get a connection and its status',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many connections',
				description: 'List connections (WhatsApp numbers and other channels)',
			},
			{
				name: 'Logout',
				value: 'logout',
				action: 'Log out a connection',
				description: 'Log the connection out so a new QR code can be read',
			},
			{ name: 'Restart', value: 'restart', action: 'Restart a connection' },
			{ name: 'Shutdown', value: 'shutdown', action: 'Shut down a connection' },
			{ name: 'Start', value: 'start', action: 'Start a connection' },
		],
		default: 'getAll',
	},
	...getAll.description,
	...get.description,
	...start.description,
	...restart.description,
	...shutdown.description,
	...logout.description,
];
