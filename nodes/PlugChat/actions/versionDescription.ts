import type { INodeProperties } from 'n8n-workflow';

import { nodeProperties, resource } from '../../shared/router';

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
 * The node's resources by parameter value, in the order their fields are listed, each with its
 * Resource dropdown entry and its operations (the resource file's exports). The description is
 * derived from them and the router dispatches straight through them, so there is no other list.
 */
export const resources = {
	attendance: resource(attendance, {
		name: 'Attendance',
		description: 'Attendances (atendimentos) of customers with operators',
		defaultOperation: 'start',
	}),
	department: resource(department, {
		name: 'Department',
		description: 'Departments (departamentos) of the account',
		defaultOperation: 'getAll',
	}),
	operator: resource(operator, {
		name: 'Operator',
		description: 'Operators (atendentes) of the account',
		defaultOperation: 'getAll',
	}),
	message: resource(message, {
		name: 'Message',
		description: 'WhatsApp messages',
		defaultOperation: 'sendText',
	}),
	chat: resource(chat, {
		name: 'Chat',
		description: 'WhatsApp chats of the connected number',
		defaultOperation: 'getAll',
	}),
	contact: resource(contact, {
		name: 'Contact',
		description: 'WhatsApp contacts',
		defaultOperation: 'get',
	}),
	group: resource(group, {
		name: 'Group',
		description: 'WhatsApp groups',
		defaultOperation: 'getMetadata',
	}),
	instance: resource(instance, {
		name: 'Instance',
		description: 'The connection of the WhatsApp number',
		defaultOperation: 'getStatus',
	}),
	queue: resource(queue, {
		name: 'Queue',
		description: 'Messages waiting to be sent',
		defaultOperation: 'get',
	}),
	webhook: resource(webhook, {
		name: 'Webhook',
		description: 'Addresses PlugChat calls for its events',
		defaultOperation: 'update',
	}),
};

export type PlugChatResource = keyof typeof resources;
export type PlugChatOperation<R extends PlugChatResource = PlugChatResource> =
	keyof (typeof resources)[R]['operations'];

/**
 * Every parameter of the PlugChat node: the Resource dropdown, each resource's Operation dropdown and
 * fields, and the Request Options every action node ends with. PlugChat.node.ts holds the rest of the
 * description.
 */
export const properties: INodeProperties[] = nodeProperties(resources, 'message');
