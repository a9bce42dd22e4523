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

const FLAG_KEYS = ['isMuted', 'isMarkedSpam', 'isMarkedAsUnread'];
const COUNT_KEYS = ['unread', 'unreadMessagesCount'];

/**
 * A shallow copy built key by key. Not `{ ...record }`: V8 does not cache the shape changes of a
 * spread copy, so every key added to one afterwards costs ~5,000 instructions, for each of
 * thousands of records in a Get Many (measured with callgrind, see bench/README.md). `__proto__`
 * stays a plain key, as in a spread copy.
 */
function copyRecord(record: IDataObject): IDataObject {
	const copy: IDataObject = {};
	for (const key of Object.keys(record)) {
		if (key === '__proto__')
			Object.defineProperty(copy, key, {
				value: record[key],
				enumerable: true,
				writable: true,
				configurable: true,
			});
		else copy[key] = record[key];
	}
	return copy;
}

/**
 * PlugChat's chat lists send flags and counters as strings ("0"/"1", "false", "1622991687").
 * `isMuted`, `isMarkedSpam`, `isMarkedAsUnread` become booleans, `unread` and
 * `unreadMessagesCount` numbers; `lastMessageAt` adds an ISO date for `lastMessageTime` (unix
 * seconds, kept as sent) and `isGroup` tells groups apart.
 */
export function normalizeChat(chat: IDataObject): IDataObject {
	const result = copyRecord(chat);
	for (const key of FLAG_KEYS) {
		const flag = toBoolean(chat[key]);
		if (flag !== undefined) result[key] = flag;
	}
	for (const key of COUNT_KEYS) {
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
