import type { IDataObject } from 'n8n-workflow';

import { isGroupId } from './phone';

function toBoolean(value: unknown): boolean | undefined {
	if (typeof value === 'boolean') return value;
	if (value === 1 || value === '1' || value === 'true') return true;
	if (value === 0 || value === '0' || value === 'false') return false;
	return undefined;
}

function toNumber(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
		return Number(value);
	return undefined;
}

/**
 * PlugChat's chat lists send flags and counters as strings ("0"/"1", "false", "1622991687").
 * `isMuted`, `isMarkedSpam`, `isMarkedAsUnread` become booleans, `unread` and
 * `unreadMessagesCount` numbers; `lastMessageAt` adds an ISO date for `lastMessageTime` (unix
 * seconds, kept as sent) and `isGroup` tells groups apart.
 */
export function normalizeChat(chat: IDataObject): IDataObject {
	const result: IDataObject = { ...chat };
	for (const key of ['isMuted', 'isMarkedSpam', 'isMarkedAsUnread']) {
		const flag = toBoolean(chat[key]);
		if (flag !== undefined) result[key] = flag;
	}
	for (const key of ['unread', 'unreadMessagesCount']) {
		const count = toNumber(chat[key]);
		if (count !== undefined) result[key] = count;
	}
	const seconds = toNumber(chat.lastMessageTime);
	// Documented as unix seconds; a value in milliseconds is recognised by its size.
	if (seconds !== undefined && seconds > 0)
		result.lastMessageAt = new Date(seconds < 1e12 ? seconds * 1000 : seconds).toISOString();
	if (typeof chat.phone === 'string')
		result.isGroup = chat.isGroup === true || isGroupId(chat.phone);
	return result;
}
