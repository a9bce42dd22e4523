import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';
import * as triggerSignal from './triggerSignal.operation';

export { getAll, triggerSignal };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['bot'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many bots',
				description: 'List bots (robôs)',
			},
			{
				name: 'Trigger Signal',
				value: 'triggerSignal',
				action: 'Trigger a bot signal',
				description: 'Send a flag to a bot so its flow continues for a contact',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
	...triggerSignal.description,
];
