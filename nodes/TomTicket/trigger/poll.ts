import { createHash } from 'crypto';

import { DateTime } from 'luxon';
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { firstObjectOf, isObject } from '../../shared/json';
import { collect } from '../../shared/paging';
import { toList } from '../../shared/parameters';
import { LAST_UPDATE_MAX_DAYS } from '../helpers/constants';
import { formatTomTicketDate, parseTomTicketDate } from '../helpers/dates';
import { apiRequest, apiRequestPages, listData, TOMTICKET_PAGE_SIZE } from '../transport';

type TicketEvent = 'ticketCreated' | 'ticketUpdated';

/**
 * Each poll lists again what changed this long before the previous poll started, so a ticket
 * changed while a poll ran, or indexed late by TomTicket's list, is still seen. What was already
 * emitted is recognised by its digest (see `ticketDigest`).
 */
export const OVERLAP_MS = 5 * 60_000;
/**
 * The most tickets remembered: 8 bytes each, so at most 160 KB of static data. Only more changes
 * than this within one window (the overlap plus the poll interval) can make a ticket come back.
 */
export const MAX_REMEMBERED = 20_000;
/** The cap as the poll reads it (tests lower it). */
export const pollLimits = { maxRemembered: MAX_REMEMBERED };
/** Characters per remembered ticket: 48 bits of a SHA-256, base64url. */
const DIGEST_CHARS = 8;
/** How many pages the manual test looks through for a sample. */
const SAMPLE_PAGES = 3;
const DAY_MS = 86_400_000;

interface PollState {
	/** Event and filters the state belongs to; a change starts over without emitting the backlog. */
	configKey: string;
	/** When the previous poll started (ms). */
	cursor: number;
	/**
	 * The digests of the tickets the previous poll listed, DIGEST_CHARS characters each, one
	 * string: what the next poll may list again. Anything it did not list cannot come back unchanged.
	 */
	remembered: string;
}

/** What earlier versions saved: `<id>|<last_update>` keys. */
interface LegacyPollState {
	configKey: string;
	cursor: number;
	seen?: Record<string, number>;
}

const STATE_KEY = 'tomTicketPoll';

interface Settings {
	event: TicketEvent;
	departmentIds: string[];
	situations: string[];
	includeDetails: boolean;
}

function settings(context: IPollFunctions): Settings {
	const event = context.getNodeParameter('event', 'ticketCreated') as TicketEvent;
	const options = (context.getNodeParameter('options', {}) ?? {}) as IDataObject;
	return {
		event: event === 'ticketUpdated' ? 'ticketUpdated' : 'ticketCreated',
		departmentIds: toList(context.getNodeParameter('departmentIds', [])).sort(),
		situations: toList(context.getNodeParameter('situations', [])).sort(),
		includeDetails: options.includeDetails === true,
	};
}

/**
 * The fields of a list item that a change moves. TomTicket's list items carry no update time
 * (no third-party ticket model has a `last_update` field, e.g. github.com/carlosguilhermeklein/
 * painel-tomticket `src/types/index.ts`; the name exists only as the `last_update_ge` filter), so
 * a change is recognised by what it does to these. Left out: counters that move with the clock
 * alone (`elapsed_time`, `work_time`, `sla`), which would emit a ticket again on every poll.
 */
const CHANGE_FIELDS = [
	'situation',
	'status',
	'operator',
	'department',
	'category',
	'priority',
	'subject',
	'first_reply_date',
	'end_date',
	'schedule_date',
	'evaluation',
] as const;

/** JSON with object keys sorted, so the same value always gives the same text. */
function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	if (value !== null && typeof value === 'object') {
		const entries = Object.keys(value as object)
			.sort()
			.map((key) => `${JSON.stringify(key)}:${canonical((value as IDataObject)[key])}`);
		return `{${entries.join(',')}}`;
	}
	return JSON.stringify(value ?? null);
}

/**
 * A ticket as "emit once" sees it: a new ticket by its id alone, an update by its id and what a
 * change moves. 48 bits: among 20,000 remembered tickets, a new state is taken for a known one
 * about once in 10^10 checks.
 */
function ticketDigest(event: TicketEvent, ticket: IDataObject): string {
	const parts: unknown[] = [String(ticket.id)];
	if (event === 'ticketUpdated') for (const field of CHANGE_FIELDS) parts.push(ticket[field]);
	return createHash('sha256').update(canonical(parts)).digest('base64url').slice(0, DIGEST_CHARS);
}

function unpack(remembered: unknown): Set<string> {
	const digests = new Set<string>();
	if (typeof remembered !== 'string') return digests;
	for (let at = 0; at + DIGEST_CHARS <= remembered.length; at += DIGEST_CHARS)
		digests.add(remembered.slice(at, at + DIGEST_CHARS));
	return digests;
}

/** Ticket ids the previous version remembered (its keys were `<id>` or `<id>|<last_update>`). */
function legacyIds(state: LegacyPollState): Set<string> | undefined {
	if (!isObject(state.seen)) return undefined;
	return new Set(Object.keys(state.seen).map((key) => key.split('|')[0]));
}

function baseQuery(config: Settings): IDataObject {
	const qs: IDataObject = {};
	// One department is filtered by the API; several are filtered here (a comma list is not documented).
	if (config.departmentIds.length === 1) qs.department_id = config.departmentIds[0];
	if (config.situations.length) qs.situation = config.situations.join(',');
	return qs;
}

function accepts(config: Settings, ticket: IDataObject): boolean {
	if (ticket.id === undefined || ticket.id === null || ticket.id === '') return false;
	if (config.departmentIds.length <= 1) return true;
	return config.departmentIds.includes(String(firstObjectOf(ticket.department).id ?? ''));
}

/** Every ticket changed (or created) since `since`, all pages. */
async function ticketsSince(
	context: IPollFunctions,
	config: Settings,
	since: number,
): Promise<IDataObject[]> {
	const qs = baseQuery(config);
	qs[config.event === 'ticketCreated' ? 'creation_date_ge' : 'last_update_ge'] =
		formatTomTicketDate(DateTime.fromMillis(since));
	const tickets = await collect(apiRequestPages(context, '/ticket/list', qs));
	return tickets.filter((ticket) => accepts(config, ticket));
}

/** The list item replaced by the full ticket (replies, custom fields) when asked for. */
async function withDetails(
	context: IPollFunctions,
	config: Settings,
	tickets: IDataObject[],
): Promise<IDataObject[]> {
	if (!config.includeDetails) return tickets;
	const detailed: IDataObject[] = [];
	for (const ticket of tickets) {
		const body = await apiRequest(context, 'GET', '/ticket/detail', {
			qs: { ticket_id: String(ticket.id) },
			acceptStatus: [404],
		});
		// A ticket deleted since it was listed keeps its list data rather than blocking the trigger.
		detailed.push(
			body.error === true || body.error === 'true'
				? ticket
				: { ...ticket, ...firstObjectOf(body.data) },
		);
	}
	return detailed;
}

/**
 * When the ticket last changed, as far as its list item tells: its creation for a new ticket; for
 * an update, the latest of the dates it carries (a change that sets none of them, like a comment,
 * is dated by an earlier one). Used for the order of what is emitted and for the cap.
 */
function timeOf(config: Settings, ticket: IDataObject, fallback: number): number {
	const created = parseTomTicketDate(ticket.creation_date);
	if (config.event === 'ticketCreated') return created ?? fallback;
	const dates = [
		created,
		parseTomTicketDate(firstObjectOf(ticket.situation).apply_date),
		parseTomTicketDate(ticket.first_reply_date),
		parseTomTicketDate(ticket.end_date),
	].filter((time): time is number => time !== undefined);
	return dates.length ? Math.max(...dates) : fallback;
}

/** The manual test: the most recent matching ticket, or a clear message when there is none. */
async function sample(context: IPollFunctions, config: Settings): Promise<INodeExecutionData[][]> {
	const qs = baseQuery(config);
	let newest: IDataObject | undefined;
	for (let page = 1; page <= SAMPLE_PAGES && !newest; page++) {
		const body = await apiRequest(context, 'GET', '/ticket/list', { qs: { ...qs, page } });
		const tickets = listData(body).filter((ticket) => accepts(config, ticket));
		for (const ticket of tickets) {
			if (!newest || timeOf(config, ticket, 0) > timeOf(config, newest, 0)) newest = ticket;
		}
		const more =
			'next_page' in body ? Boolean(body.next_page) : listData(body).length >= TOMTICKET_PAGE_SIZE;
		if (!more) break;
	}
	if (!newest) {
		throw new NodeOperationError(
			context.getNode(),
			'No TomTicket ticket matches this trigger yet',
			{
				description:
					'There is nothing to show as a sample: no ticket matches the chosen departments and situations. Create a ticket in TomTicket (or widen the filters) and test again. Once the workflow is active, only tickets created or changed after activation start it.',
			},
		);
	}
	const [ticket] = await withDetails(context, config, [newest]);
	return [[{ json: ticket }]];
}

/**
 * Polls TomTicket for new or changed tickets. The first poll only remembers what exists (no flood
 * of old tickets); each later poll lists the window since the previous one (with an overlap) and
 * emits each ticket change once, oldest first.
 */
export async function pollTickets(context: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const config = settings(context);
	if (context.getMode() === 'manual') return await sample(context, config);

	const pollStart = Date.now();
	const staticData = context.getWorkflowStaticData('node');
	const configKey = JSON.stringify([config.event, config.departmentIds, config.situations]);
	const previous = staticData[STATE_KEY] as (PollState & LegacyPollState) | undefined;
	const fresh =
		!previous || previous.configKey !== configKey || typeof previous.cursor !== 'number';

	// last_update_ge may not reach further back than 90 days; an hour of margin for clock skew.
	// The same bound keeps a trigger that was off for months from replaying all of it.
	const floor = pollStart - LAST_UPDATE_MAX_DAYS * DAY_MS + 60 * 60_000;
	const since = fresh ? pollStart - OVERLAP_MS : Math.max(previous.cursor - OVERLAP_MS, floor);
	const tickets = await ticketsSince(context, config, since);

	const known = fresh ? new Set<string>() : unpack(previous.remembered);
	const knownIds = fresh || previous.remembered !== undefined ? undefined : legacyIds(previous);
	// What this poll listed is what the next one may list again; the rest is forgotten.
	const listed = new Map<string, number>();
	const emitted: Array<{ ticket: IDataObject; time: number }> = [];
	for (const ticket of tickets) {
		const digest = ticketDigest(config.event, ticket);
		// A ticket can show up twice when the list moves between two pages.
		if (listed.has(digest)) continue;
		const time = timeOf(config, ticket, pollStart);
		listed.set(digest, time);
		if (fresh || known.has(digest) || knownIds?.has(String(ticket.id))) continue;
		emitted.push({ ticket, time });
	}

	let remembered = [...listed.keys()];
	if (remembered.length > pollLimits.maxRemembered) {
		// Over the cap, the tickets whose dates are oldest go first: the likeliest to have left the
		// next window. Any that has not may be emitted again.
		remembered = [...listed.entries()]
			.sort((a, b) => b[1] - a[1])
			.slice(0, pollLimits.maxRemembered)
			.map(([digest]) => digest);
	}

	emitted.sort((a, b) => a.time - b.time || Number(a.ticket.protocol) - Number(b.ticket.protocol));
	const output = await withDetails(
		context,
		config,
		emitted.map(({ ticket }) => ticket),
	);

	// Saved only once everything succeeded: a failed poll is repeated in full next time.
	staticData[STATE_KEY] = {
		configKey,
		cursor: pollStart,
		remembered: remembered.join(''),
	} satisfies PollState;
	if (output.length === 0) return null;
	return [output.map((json) => ({ json }))];
}
