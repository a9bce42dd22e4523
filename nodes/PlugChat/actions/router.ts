import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { OperationMap } from '../../shared/router';
import { routeItems } from '../../shared/router';

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

export const operations: OperationMap = {
	attendance: {
		start: attendance.start,
		finish: attendance.finish,
		getByTicket: attendance.getByTicket,
		changeDepartment: attendance.changeDepartment,
		setCustomField: attendance.setCustomField,
	},
	department: { getAll: department.getAll },
	operator: { getAll: operator.getAll, getOnline: operator.getOnline },
	message: {
		sendText: message.sendText,
		sendImage: message.sendImage,
		sendAudio: message.sendAudio,
		sendVideo: message.sendVideo,
		sendDocument: message.sendDocument,
		sendLink: message.sendLink,
		sendLocation: message.sendLocation,
		sendContact: message.sendContact,
		sendButtonList: message.sendButtonList,
		sendOptionList: message.sendOptionList,
		markAsRead: message.markAsRead,
		delete: message.delete,
	},
	chat: { getAll: chat.getAll, get: chat.get, getPending: chat.getPending, modify: chat.modify },
	contact: {
		getAll: contact.getAll,
		get: contact.get,
		checkWhatsApp: contact.checkWhatsApp,
		getProfilePicture: contact.getProfilePicture,
	},
	group: {
		create: group.create,
		updateName: group.updateName,
		updateDescription: group.updateDescription,
		addParticipants: group.addParticipants,
		removeParticipants: group.removeParticipants,
		addAdmins: group.addAdmins,
		removeAdmins: group.removeAdmins,
		leave: group.leave,
		getMetadata: group.getMetadata,
	},
	instance: {
		getStatus: instance.getStatus,
		getQrCode: instance.getQrCode,
		restart: instance.restart,
		disconnect: instance.disconnect,
	},
	queue: { get: queue.get, clear: queue.clear, deleteMessage: queue.deleteMessage },
	webhook: { update: webhook.update },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeItems.call(this, operations);
}
