import type { INodeProperties } from 'n8n-workflow';

import { nodeProperties, resource } from '../../shared/router';

import * as account from './account/Account.resource';
import * as bot from './bot/Bot.resource';
import * as connection from './connection/Connection.resource';
import * as contact from './contact/Contact.resource';
import * as customField from './customField/CustomField.resource';
import * as department from './department/Department.resource';
import * as group from './group/Group.resource';
import * as integration from './integration/Integration.resource';
import * as message from './message/Message.resource';
import * as statistics from './statistics/Statistics.resource';
import * as tag from './tag/Tag.resource';
import * as ticket from './ticket/Ticket.resource';
import * as ticketTopic from './ticketTopic/TicketTopic.resource';
import * as user from './user/User.resource';
import * as webhook from './webhook/Webhook.resource';

/**
 * The node's resources by parameter value, in the order their fields are listed, each with its
 * Resource dropdown entry and its operations (the resource file's exports). The description is
 * derived from them and the router dispatches straight through them, so there is no other list.
 */
export const resources = {
	message: resource(message, {
		name: 'Message',
		description: 'Messages (mensagens)',
		defaultOperation: 'send',
	}),
	contact: resource(contact, {
		name: 'Contact',
		description: 'Contacts (contatos)',
		defaultOperation: 'get',
	}),
	group: resource(group, {
		name: 'Group',
		description: 'WhatsApp groups (grupos)',
		defaultOperation: 'create',
	}),
	ticket: resource(ticket, {
		name: 'Ticket',
		description: 'Tickets (chamados)',
		defaultOperation: 'transfer',
	}),
	connection: resource(connection, {
		name: 'Connection',
		description: 'Connections (conexões): WhatsApp numbers and other channels',
		defaultOperation: 'getAll',
	}),
	department: resource(department, {
		name: 'Department',
		description: 'Departments (departamentos)',
		defaultOperation: 'getAll',
	}),
	user: resource(user, {
		name: 'User',
		description: 'Users (usuários, atendentes)',
		defaultOperation: 'getAll',
	}),
	tag: resource(tag, {
		name: 'Tag',
		description: 'Tags (etiquetas)',
		defaultOperation: 'getAll',
	}),
	ticketTopic: resource(ticketTopic, {
		name: 'Ticket Topic',
		description: 'Ticket closing topics (assuntos de chamado)',
		defaultOperation: 'getAll',
	}),
	customField: resource(customField, {
		name: 'Custom Field',
		description: 'Custom fields (campos personalizados)',
		defaultOperation: 'getAll',
	}),
	bot: resource(bot, {
		name: 'Bot',
		description: 'Bots (robôs) and their flows',
		defaultOperation: 'getAll',
	}),
	webhook: resource(webhook, {
		name: 'Webhook',
		description: 'Webhooks that send Digisac events to a URL',
		defaultOperation: 'getAll',
	}),
	integration: resource(integration, {
		name: 'Integration',
		description: 'Sites embedded in Digisac (integrações)',
		defaultOperation: 'getAll',
	}),
	statistics: resource(statistics, {
		name: 'Statistic',
		description: 'Service statistics (estatísticas) and the real-time dashboard',
		defaultOperation: 'getAttendance',
	}),
	account: resource(account, {
		name: 'Account',
		description: 'Log-in tokens',
		defaultOperation: 'getAccessToken',
	}),
};

export type DigisacResource = keyof typeof resources;
export type DigisacOperation<R extends DigisacResource = DigisacResource> =
	keyof (typeof resources)[R]['operations'];

/**
 * Every parameter of the Digisac node: the Resource dropdown, each resource's Operation dropdown and
 * fields, and the Request Options every action node ends with. Digisac.node.ts holds the rest of the
 * description.
 */
export const properties: INodeProperties[] = nodeProperties(resources, 'message');
