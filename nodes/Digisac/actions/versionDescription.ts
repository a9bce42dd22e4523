import type { INodeProperties } from 'n8n-workflow';

import { requestOptionsProperty } from '../../shared/descriptions';

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
 * Every parameter of the Digisac node: the resource, each resource's operations and their fields,
 * and the Request Options every action node ends with. The node class (Digisac.node.ts) holds the
 * rest of the description.
 */
export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Account', value: 'account', description: 'Log-in tokens' },
			{ name: 'Bot', value: 'bot', description: 'Bots (robôs) and their flows' },
			{
				name: 'Connection',
				value: 'connection',
				description: 'Connections (conexões): WhatsApp numbers and other channels',
			},
			{ name: 'Contact', value: 'contact', description: 'Contacts (contatos)' },
			{
				name: 'Custom Field',
				value: 'customField',
				description: 'Custom fields (campos personalizados)',
			},
			{ name: 'Department', value: 'department', description: 'Departments (departamentos)' },
			{ name: 'Group', value: 'group', description: 'WhatsApp groups (grupos)' },
			{
				name: 'Integration',
				value: 'integration',
				description: 'Sites embedded in Digisac (integrações)',
			},
			{ name: 'Message', value: 'message', description: 'Messages (mensagens)' },
			{
				name: 'Statistic',
				value: 'statistics',
				description: 'Service statistics (estatísticas) and the real-time dashboard',
			},
			{ name: 'Tag', value: 'tag', description: 'Tags (etiquetas)' },
			{ name: 'Ticket', value: 'ticket', description: 'Tickets (chamados)' },
			{
				name: 'Ticket Topic',
				value: 'ticketTopic',
				description: 'Ticket closing topics (assuntos de chamado)',
			},
			{ name: 'User', value: 'user', description: 'Users (usuários, atendentes)' },
			{
				name: 'Webhook',
				value: 'webhook',
				description: 'Webhooks that send Digisac events to a URL',
			},
		],
		default: 'message',
	},
	...message.description,
	...contact.description,
	...group.description,
	...ticket.description,
	...connection.description,
	...department.description,
	...user.description,
	...tag.description,
	...ticketTopic.description,
	...customField.description,
	...bot.description,
	...webhook.description,
	...integration.description,
	...statistics.description,
	...account.description,
	requestOptionsProperty,
];
