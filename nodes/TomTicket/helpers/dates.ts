import { DateTime } from 'luxon';
import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * TomTicket reads and writes dates in Brasília time. The zone (not a fixed -03:00) keeps the
 * conversion right should Brazil bring daylight saving time back; today it is UTC-3 all year.
 */
const TOMTICKET_ZONE = 'America/Sao_Paulo';

/** TomTicket answers with "YYYY-MM-DD HH:MM:SS-03" and accepts "YYYY-MM-DD HH:MM:SS-0300". */
const TOMTICKET_DATE =
	/^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2})(?::?(\d{2}))?$/;

/**
 * Reads a date as n8n hands it over: an ISO string from a date picker (without an offset it means
 * the workflow's time zone), a Luxon DateTime or JS Date from an expression, epoch milliseconds,
 * or a date in TomTicket's own format copied from an earlier answer.
 */
export function parseDateInput(value: unknown, timezone: string): DateTime | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (DateTime.isDateTime(value)) return value.isValid ? value : undefined;
	if (value instanceof Date) {
		const date = DateTime.fromJSDate(value);
		return date.isValid ? date : undefined;
	}
	if (typeof value === 'number') {
		const date = DateTime.fromMillis(value);
		return date.isValid ? date : undefined;
	}
	const text = String(value).trim();
	if (!text) return undefined;
	const tomTicket = TOMTICKET_DATE.exec(text);
	if (tomTicket) {
		const [, day, time, hours, minutes] = tomTicket;
		const offset = hours === 'Z' ? 'Z' : `${hours}:${minutes ?? '00'}`;
		const date = DateTime.fromISO(`${day}T${time}${offset}`, { setZone: true });
		return date.isValid ? date : undefined;
	}
	const iso = DateTime.fromISO(text, { zone: timezone });
	if (iso.isValid) return iso;
	const sql = DateTime.fromSQL(text, { zone: timezone });
	return sql.isValid ? sql : undefined;
}

/** "2026-11-21 10:15:00-0300": the form TomTicket's filters and reply dates expect. */
export function formatTomTicketDate(date: DateTime): string {
	return date.setZone(TOMTICKET_ZONE).toFormat('yyyy-MM-dd HH:mm:ssZZZ');
}

/** Milliseconds since the epoch of a date TomTicket sent, or undefined when there is none. */
export function parseTomTicketDate(value: unknown): number | undefined {
	if (typeof value !== 'string' || !value.trim()) return undefined;
	// TomTicket's own form, read without Luxon: the trigger reads several dates of each ticket.
	const tomTicket = TOMTICKET_DATE.exec(value.trim());
	if (tomTicket) {
		const [, day, time, hours, minutes] = tomTicket;
		const offset = hours === 'Z' ? 'Z' : `${hours}:${minutes ?? '00'}`;
		const millis = Date.parse(`${day}T${time}${offset}`);
		return Number.isNaN(millis) ? undefined : millis;
	}
	const date = parseDateInput(value, TOMTICKET_ZONE);
	return date ? date.toMillis() : undefined;
}

/**
 * A date parameter converted for TomTicket, or undefined when empty. A value that is not a date
 * fails the item with a message naming the field, before anything is sent.
 */
export function dateParameter(
	context: IExecuteFunctions,
	value: unknown,
	label: string,
	itemIndex: number,
): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const date = parseDateInput(value, context.getTimezone());
	if (!date) {
		throw new NodeOperationError(context.getNode(), `"${label}" is not a valid date`, {
			itemIndex,
			description: `Item ${itemIndex} gave ${JSON.stringify(value)}. Use the date picker or an ISO date such as 2026-11-21T10:15:00.`,
		});
	}
	return formatTomTicketDate(date);
}
