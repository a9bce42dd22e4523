import type { INodeProperties } from 'n8n-workflow';

import * as getAttendance from './getAttendance.operation';
import * as getRealtime from './getRealtime.operation';

export { getAttendance, getRealtime };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['statistics'] } },
		options: [
			{
				name: 'Get Attendance',
				value: 'getAttendance',
				action: 'Get attendance statistics',
				description: 'Ticket and service statistics for a period',
			},
			{
				name: 'Get Realtime',
				value: 'getRealtime',
				action: 'Get real time statistics',
				description: 'The "Now" (Agora) dashboard: agents and queues right now',
			},
		],
		default: 'getAttendance',
	},
	...getAttendance.description,
	...getRealtime.description,
];
