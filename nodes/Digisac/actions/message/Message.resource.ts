import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as send from './send.operation';
import * as sendComment from './sendComment.operation';
import * as sendTemplate from './sendTemplate.operation';

export { get, getAll, send, sendComment, sendTemplate };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a message',
				description: 'Get a message, optionally with its file as binary data',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many messages',
				description: 'List messages of a contact, ticket or connection',
			},
			{
				name: 'Send',
				value: 'send',
				action: 'Send a message',
				description: 'Send a text or a file to a contact or a phone number',
			},
			{
				name: 'Send Comment',
				value: 'sendComment',
				action: 'Send a comment',
				description: "Add an internal comment to a contact's chat (not sent to the contact)",
			},
			{
				name: 'Send Template',
				value: 'sendTemplate',
				action: 'Send a template message',
				description: 'Send an approved WhatsApp Business template (HSM)',
			},
		],
		default: 'send',
	},
	...send.description,
	...sendComment.description,
	...sendTemplate.description,
	...get.description,
	...getAll.description,
];
