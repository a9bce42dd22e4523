/* eslint-disable n8n-nodes-base/node-filename-against-convention -- the rule wants a node
   description only in a *.node.ts file; the project layout keeps it here (Airtable v2 style). */
import type { INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { requestOptionsProperty } from '../../shared/descriptions';

import * as attendance from './attendance/Attendance.resource';
import * as chat from './chat/Chat.resource';
import * as contact from './contact/Contact.resource';
import * as department from './department/Department.resource';
import * as group from './group/Group.resource';
import * as instance from './instance/Instance.resource';
import * as message from './message/Message.resource';
import * as operator from './operator/Operator.resource';
import * as queue from './queue/Queue.resource';
import * as webhook from './webhook/Webhook.resource';

/**
 * The node's description, without the three keys n8n's community lint rules read off the node
 * class itself (icon, subtitle, usableAsTool): PlugChat.node.ts adds them.
 */
export const versionDescription: INodeTypeDescription = {
	displayName: 'PlugChat',
	name: 'plugChat',
	group: ['transform'],
	version: 1,
	subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
	description:
		'Send WhatsApp messages and manage attendances, chats, groups and the instance in PlugChat',
	defaults: { name: 'PlugChat' },
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	credentials: [{ name: 'plugChatApi', required: true }],
	properties: [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'Attendance',
					value: 'attendance',
					description: 'Attendances (atendimentos) of customers with operators',
				},
				{ name: 'Chat', value: 'chat', description: 'WhatsApp chats of the connected number' },
				{ name: 'Contact', value: 'contact', description: 'WhatsApp contacts' },
				{
					name: 'Department',
					value: 'department',
					description: 'Departments (departamentos) of the account',
				},
				{ name: 'Group', value: 'group', description: 'WhatsApp groups' },
				{
					name: 'Instance',
					value: 'instance',
					description: 'The connection of the WhatsApp number',
				},
				{ name: 'Message', value: 'message', description: 'WhatsApp messages' },
				{
					name: 'Operator',
					value: 'operator',
					description: 'Operators (atendentes) of the account',
				},
				{ name: 'Queue', value: 'queue', description: 'Messages waiting to be sent' },
				{
					name: 'Webhook',
					value: 'webhook',
					description: 'Addresses PlugChat calls for its events',
				},
			],
			default: 'message',
		},
		...attendance.description,
		...department.description,
		...operator.description,
		...message.description,
		...chat.description,
		...contact.description,
		...group.description,
		...instance.description,
		...queue.description,
		...webhook.description,
		requestOptionsProperty,
	],
};
