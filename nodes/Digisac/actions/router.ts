import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { OperationMap } from '../../shared/router';
import { routeItems } from '../../shared/router';

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

export const operations: OperationMap = {
	message: {
		send: message.send,
		sendComment: message.sendComment,
		sendTemplate: message.sendTemplate,
		get: message.get,
		getAll: message.getAll,
	},
	contact: {
		create: contact.create,
		createMany: contact.createMany,
		update: contact.update,
		get: contact.get,
		getAll: contact.getAll,
		delete: contact.delete,
		block: contact.block,
		unblock: contact.unblock,
		checkWhatsApp: contact.checkWhatsApp,
		exportCsv: contact.exportCsv,
	},
	group: {
		create: group.create,
		addMembers: group.addMembers,
		promoteMembers: group.promoteMembers,
		demoteMembers: group.demoteMembers,
	},
	ticket: {
		transfer: ticket.transfer,
		close: ticket.close,
		get: ticket.get,
		getAll: ticket.getAll,
		exportPdf: ticket.exportPdf,
		exportTxt: ticket.exportTxt,
		exportCsv: ticket.exportCsv,
	},
	connection: {
		getAll: connection.getAll,
		get: connection.get,
		start: connection.start,
		restart: connection.restart,
		shutdown: connection.shutdown,
		logout: connection.logout,
	},
	department: { getAll: department.getAll, get: department.get },
	user: { getAll: user.getAll, get: user.get },
	tag: { getAll: tag.getAll, create: tag.create, update: tag.update, delete: tag.delete },
	ticketTopic: { getAll: ticketTopic.getAll },
	customField: { getAll: customField.getAll },
	bot: { getAll: bot.getAll, triggerSignal: bot.triggerSignal },
	webhook: {
		create: webhook.create,
		get: webhook.get,
		getAll: webhook.getAll,
		update: webhook.update,
		delete: webhook.delete,
	},
	integration: { getAll: integration.getAll },
	statistics: { getAttendance: statistics.getAttendance, getRealtime: statistics.getRealtime },
	account: { getAccessToken: account.getAccessToken },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeItems.call(this, operations);
}
