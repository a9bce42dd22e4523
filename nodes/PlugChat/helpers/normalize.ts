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

/** The fields in which PlugChat gives a time as a number since 1970. */
const EPOCH_FIELDS = [
	'requestTime',
	'startTime',
	'endTime',
	'momment',
	'createdAt',
	'lastChanged',
] as const;

function twoDigits(value: number): string {
	return String(value).padStart(2, '0');
}

/**
 * An instant as ISO 8601 with the offset of a time zone (`2022-04-20T15:40:01.521-03:00`), with
 * Intl.DateTimeFormat: no runtime dependency. An unknown zone falls back to UTC.
 */
export function isoInTimeZone(milliseconds: number, timeZone: string): string {
	let parts: Record<string, string>;
	try {
		const format = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		});
		parts = Object.fromEntries(
			format.formatToParts(new Date(milliseconds)).map((part) => [part.type, part.value]),
		);
	} catch {
		return isoInTimeZone(milliseconds, 'UTC');
	}
	const wholeSecond = Math.floor(milliseconds / 1000) * 1000;
	const local = Date.UTC(
		Number(parts.year),
		Number(parts.month) - 1,
		Number(parts.day),
		Number(parts.hour),
		Number(parts.minute),
		Number(parts.second),
	);
	const offset = Math.round((local - wholeSecond) / 60000);
	const sign = offset < 0 ? '-' : '+';
	const fraction = String(milliseconds - wholeSecond).padStart(3, '0');
	return (
		`${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}` +
		`.${fraction}${sign}${twoDigits(Math.floor(Math.abs(offset) / 60))}:${twoDigits(Math.abs(offset) % 60)}`
	);
}

/**
 * Adds `<field>Iso` next to each epoch field (`startTimeIso` beside `startTime`, kept as sent).
 * PlugChat sends milliseconds; Z-API's disconnect sample has seconds, told apart by size.
 */
export function addIsoTimes(object: IDataObject, timeZone: string | undefined): IDataObject {
	if (!timeZone) return object;
	for (const field of EPOCH_FIELDS) {
		const raw = object[field];
		const value =
			typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() ? Number(raw) : NaN;
		if (!Number.isFinite(value) || value <= 0) continue;
		const milliseconds = value < 1e11 ? value * 1000 : value;
		if (milliseconds > 8.64e15) continue;
		object[`${field}Iso`] = isoInTimeZone(Math.round(milliseconds), timeZone);
	}
	return object;
}

function timeOf(message: IDataObject): number {
	const value = Number(message.momment ?? message.moment ?? message.timestamp);
	return Number.isFinite(value) ? value : Number.POSITIVE_INFINITY;
}

/**
 * A `chat` map keyed by message id (`{"<messageId>": Message}`) → an array of messages in time
 * order (`momment`, sic). An array is accepted as well; entries that are not objects are dropped.
 */
export function messagesFromMap(chat: unknown, timeZone?: string): IDataObject[] {
	let entries: Array<[string | undefined, unknown]>;
	if (Array.isArray(chat)) entries = chat.map((message) => [undefined, message]);
	else if (isObject(chat)) entries = Object.entries(chat);
	else return [];
	const messages = entries
		.filter((entry): entry is [string | undefined, IDataObject] => isObject(entry[1]))
		.map(([key, message]) =>
			addIsoTimes(
				normalizeStatus({
					...(key !== undefined && !message.messageId ? { messageId: key } : {}),
					...message,
				}),
				timeZone,
			),
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
export function normalizeAttendance(raw: unknown, timeZone?: string): IDataObject {
	if (!isObject(raw)) return {};
	const attendance = addIsoTimes({ ...normalizeStatus(trimKeys(raw)) }, timeZone);
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

/** What a message says, for the transcript: its text, else its kind and caption or file name. */
const MEDIA_LABELS: Array<[string, string]> = [
	['image', 'imagem'],
	['audio', 'áudio'],
	['video', 'vídeo'],
	['document', 'documento'],
	['sticker', 'figurinha'],
	['location', 'localização'],
	['contact', 'contato'],
];

function textOf(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function messageSays(message: IDataObject): string {
	const text = isObject(message.text) ? textOf(message.text.message) : textOf(message.text);
	if (text) return text;
	for (const [key, label] of MEDIA_LABELS) {
		const media = message[key];
		if (media === undefined || media === null) continue;
		const detail = isObject(media)
			? (textOf(media.caption) ??
				textOf(media.fileName) ??
				textOf(media.title) ??
				textOf(media.name))
			: undefined;
		return detail ? `[${label}] ${detail}` : `[${label}]`;
	}
	return `[${textOf(message.type) ?? 'mensagem'}]`;
}

/**
 * The conversation as text, one line per message in time order, "Cliente: …" for the contact
 * and "Atendente: …" for messages sent from the account (`fromMe`), ready for a ticket or an
 * e-mail without an expression. Media read "[imagem] caption", "[áudio]", …
 */
export function transcriptOf(messages: IDataObject[]): string {
	return messages
		.map((message) => {
			const speaker =
				message.fromMe === true || message.fromMe === 'true' ? 'Atendente' : 'Cliente';
			return `${speaker}: ${messageSays(message)}`;
		})
		.join('\n');
}

/** `{attendance, chat}` (start and finish webhooks) → `{attendance, messages, transcript}`. */
export function normalizeAttendancePayload(payload: IDataObject, timeZone?: string): IDataObject {
	const { chat, attendance, ...rest } = payload;
	const messages = messagesFromMap(chat, timeZone);
	return {
		...trimKeys(rest),
		attendance: normalizeAttendance(attendance, timeZone),
		messages,
		transcript: transcriptOf(messages),
	};
}
