import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getPending from './getPending.operation';
import * as modify from './modify.operation';

export { get, getAll, getPending, modify };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['chat'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a chat',
				description: 'Get the details of a WhatsApp chat',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many chats',
				description: 'List the WhatsApp chats of the number',
			},
			{
				name: 'Get Pending',
				value: 'getPending',
				action: 'Get pending chats',
				description: 'List chats waiting for an operator (pendentes)',
			},
			{
				name: 'Modify',
				value: 'modify',
				action: 'Modify a chat',
				description: 'Archive, unarchive, pin, unpin or delete a chat',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
	...get.description,
	...getPending.description,
	...modify.description,
];
