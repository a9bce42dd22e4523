import type { IDataObject } from 'n8n-workflow';

import { isObject } from '../../shared/json';
import {
	addIsoTimes,
	messagesFromMap,
	normalizeAttendancePayload,
	normalizeStatus,
	trimKeys,
} from '../helpers/normalize';
import { isGroupId } from '../helpers/phone';
import type { WebhookEvent } from '../helpers/webhooks';

/** Z-API callback types PlugChat puts in `type`. */
const EVENT_BY_TYPE: Record<string, WebhookEvent> = {
	receivedcallback: 'receiveMessage',
	deliverycallback: 'sendingMessage',
	messagestatuscallback: 'messageStatus',
	disconnectedcallback: 'whenDisconnecting',
};

/**
 * Not documented by PlugChat: a public third-party receiver of its attendance webhooks tells
 * them apart by `event_type` ("atendimento_iniciado" / "atendimento_encerrado"). If real payloads
 * carry it, it is the surest hint after our own `?event=`.
 */
const EVENT_BY_EVENT_TYPE: Record<string, WebhookEvent> = {
	atendimento_iniciado: 'startAttendance',
	atendimento_encerrado: 'finishAttendance',
};

/**
 * Tells the event of a delivery that came without the `event` query parameter (a URL set by
 * hand): by the callback `type`, an `event_type`, or for attendances by their status / end time.
 */
export function inferEvent(payload: IDataObject): WebhookEvent | undefined {
	const type = typeof payload.type === 'string' ? payload.type.trim().toLowerCase() : '';
	if (Object.hasOwn(EVENT_BY_TYPE, type)) return EVENT_BY_TYPE[type];
	const eventType =
		typeof payload.event_type === 'string' ? payload.event_type.trim().toLowerCase() : '';
	if (Object.hasOwn(EVENT_BY_EVENT_TYPE, eventType)) return EVENT_BY_EVENT_TYPE[eventType];
	const attendance = isObject(payload.attendance) ? trimKeys(payload.attendance) : undefined;
	if (attendance) {
		const status = String(attendance.status ?? '').toUpperCase();
		return status === 'FINISH' || attendance.endTime !== undefined
			? 'finishAttendance'
			: 'startAttendance';
	}
	return undefined;
}

/**
 * The payload as a workflow wants it: keys trimmed (`"operatorReport "`), statuses upper case
 * (original kept in `statusOriginal`), id-keyed `chat` maps as `messages` in time order, and a
 * message status's ids always as an `ids` array. Undocumented payloads pass through.
 */
export function normalizeEventPayload(
	event: WebhookEvent,
	payload: IDataObject,
	timeZone?: string,
): IDataObject {
	switch (event) {
		case 'startAttendance':
		case 'finishAttendance':
			return normalizeAttendancePayload(payload, timeZone);
		case 'messageStatus': {
			const status = addIsoTimes({ ...normalizeStatus(trimKeys(payload)) }, timeZone);
			if (!Array.isArray(status.ids)) {
				const single = status.ids ?? status.id ?? status.messageId;
				status.ids = single === undefined || single === null ? [] : [single as string];
			}
			return status;
		}
		case 'receiveMessage':
		case 'sendingMessage':
		case 'whenDisconnecting': {
			const message = addIsoTimes({ ...normalizeStatus(trimKeys(payload)) }, timeZone);
			if (isObject(message.chat)) message.messages = messagesFromMap(message.chat, timeZone);
			return message;
		}
		default:
			return trimKeys(payload);
	}
}

export function isSentByMe(payload: IDataObject): boolean {
	return payload.fromMe === true || payload.fromMe === 'true';
}

export function isGroupPayload(payload: IDataObject): boolean {
	if (payload.isGroup === true || payload.isGroup === 'true') return true;
	return typeof payload.phone === 'string' && isGroupId(payload.phone);
}
