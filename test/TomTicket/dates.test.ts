import { DateTime } from 'luxon';

import {
	formatTomTicketDate,
	parseDateInput,
	parseTomTicketDate,
} from '../../nodes/TomTicket/helpers/dates';

function tomTicket(value: unknown, zone = 'America/Sao_Paulo'): string | undefined {
	const date = parseDateInput(value, zone);
	return date ? formatTomTicketDate(date) : undefined;
}

describe('dates sent to TomTicket', () => {
	it('converts an ISO date with an offset to Brasília time', () => {
		expect(tomTicket('2026-11-21T13:15:00Z')).toBe('2026-11-21 10:15:00-0300');
		expect(tomTicket('2026-11-21T10:15:00+01:00')).toBe('2026-11-21 06:15:00-0300');
		expect(tomTicket('2026-01-01T01:00:00.000Z')).toBe('2025-12-31 22:00:00-0300');
	});

	it("reads a date without an offset in the workflow's time zone", () => {
		expect(tomTicket('2026-07-01T09:00:00', 'Europe/Lisbon')).toBe('2026-07-01 05:00:00-0300');
		expect(tomTicket('2026-07-01T09:00:00', 'America/Sao_Paulo')).toBe('2026-07-01 09:00:00-0300');
		expect(tomTicket('2026-07-01', 'America/Manaus')).toBe('2026-07-01 01:00:00-0300');
	});

	it("takes Luxon and JS dates, epoch milliseconds, and TomTicket's own format", () => {
		const instant = Date.UTC(2026, 4, 4, 15, 0, 0);
		expect(tomTicket(DateTime.fromMillis(instant, { zone: 'Asia/Tokyo' }))).toBe(
			'2026-05-04 12:00:00-0300',
		);
		expect(tomTicket(new Date(instant))).toBe('2026-05-04 12:00:00-0300');
		expect(tomTicket(instant)).toBe('2026-05-04 12:00:00-0300');
		expect(tomTicket('2026-05-04 12:00:00-03')).toBe('2026-05-04 12:00:00-0300');
		expect(tomTicket('2026-05-04 12:00:00-0300')).toBe('2026-05-04 12:00:00-0300');
		expect(tomTicket('2026-05-04 15:00:00', 'UTC')).toBe('2026-05-04 12:00:00-0300');
	});

	it('gives nothing for empty or non-date input', () => {
		expect(tomTicket('')).toBeUndefined();
		expect(tomTicket(null)).toBeUndefined();
		expect(tomTicket('amanhã')).toBeUndefined();
		expect(tomTicket('2026-13-45T00:00:00Z')).toBeUndefined();
	});
});

describe('dates read from TomTicket', () => {
	it('parses "YYYY-MM-DD HH:MM:SS-03" into an instant', () => {
		expect(parseTomTicketDate('2026-11-21 10:15:00-03')).toBe(Date.UTC(2026, 10, 21, 13, 15, 0));
		expect(parseTomTicketDate('2026-11-21 10:15:00-0300')).toBe(Date.UTC(2026, 10, 21, 13, 15, 0));
		expect(parseTomTicketDate(null)).toBeUndefined();
		expect(parseTomTicketDate('')).toBeUndefined();
		expect(parseTomTicketDate('quando?')).toBeUndefined();
	});
});
