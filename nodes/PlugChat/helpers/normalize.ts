import type { IDataObject } from 'n8n-workflow';

import { isObject } from '../../shared/json';

/**
 * Copies an object with its keys trimmed: PlugChat's finish webhook sends `"operatorReport "`
 * with a trailing space. When both spellings exist, the non-empty value wins.
 */
export function trimKeys(object: IDataObject): IDataObject {
	const result: IDataObject = {};
	for (const [key, value] of Object.entries(object)) {
		const trimmed = key.trim();
		const existing = result[trimmed];
		if (existing === undefined || existing === null || existing === '') result[trimmed] = value;
	}
	return result;
}

/**
 * PlugChat spells one status three ways ("PROGRESS" in webhooks, "progress" from
 * start-attendance, "FINISH" elsewhere): `status` becomes upper case so a workflow compares one
 * form; the original is kept in `statusOriginal` when it differed.
 */
export function normalizeStatus(object: IDataObject): IDataObject {
	if (typeof object.status !== 'string') return object;
	const upper = object.status.trim().toUpperCase();
	if (upper === object.status) return object;
	return { ...object, status: upper, statusOriginal: object.status };
}

function timeOf(message: IDataObject): number {
	const value = Number(message.momment ?? message.moment ?? message.timestamp);
	return Number.isFinite(value) ? value : Number.POSITIVE_INFINITY;
}

/**
 * A `chat` map keyed by message id (`{"<messageId>": Message}`) → an array of messages in time
 * order (`momment`, sic). An array is accepted as well; entries that are not objects are dropped.
 */
export function messagesFromMap(chat: unknown): IDataObject[] {
	let entries: Array<[string | undefined, unknown]>;
	if (Array.isArray(chat)) entries = chat.map((message) => [undefined, message]);
	else if (isObject(chat)) entries = Object.entries(chat);
	else return [];
	const messages = entries
		.filter((entry): entry is [string | undefined, IDataObject] => isObject(entry[1]))
		.map(([key, message]) =>
			normalizeStatus({
				...(key !== undefined && !message.messageId ? { messageId: key } : {}),
				...message,
			}),
		);
	// Array.prototype.sort is stable, so messages with the same time keep the API's order.
	return messages.sort((a, b) => {
		const difference = timeOf(a) - timeOf(b);
		return Number.isNaN(difference) ? 0 : difference;
	});
}

/**
 * An attendance as a workflow wants it: keys trimmed, status upper case, the `operators` set
 * (`{"<operatorId>": true}`) as an array of ids, and the category always available as the
 * `attendanceCategories` list (older accounts send a single `attendanceCategory`).
 */
export function normalizeAttendance(raw: unknown): IDataObject {
	if (!isObject(raw)) return {};
	const attendance = normalizeStatus(trimKeys(raw));
	if (isObject(attendance.operators)) {
		attendance.operators = Object.entries(attendance.operators)
			.filter(([, active]) => active !== false)
			.map(([id]) => id);
	}
	if (!Array.isArray(attendance.attendanceCategories) && isObject(attendance.attendanceCategory)) {
		const category = attendance.attendanceCategory;
		attendance.attendanceCategories = [
			{ categoryId: category.id, categoryName: category.name, color: category.color },
		];
	}
	return attendance;
}

/** `{attendance, chat}` (start and finish webhooks) → `{attendance, messages}`. */
export function normalizeAttendancePayload(payload: IDataObject): IDataObject {
	const { chat, attendance, ...rest } = payload;
	return {
		...trimKeys(rest),
		attendance: normalizeAttendance(attendance),
		messages: messagesFromMap(chat),
	};
}
