import { DateTime } from 'luxon';
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { firstObjectOf } from '../../shared/json';
import { collect } from '../../shared/paging';
import { toList } from '../../shared/parameters';
import { LAST_UPDATE_MAX_DAYS } from '../helpers/constants';
import { formatTomTicketDate, parseTomTicketDate } from '../helpers/dates';
import { apiRequest, apiRequestPages, listData, TOMTICKET_PAGE_SIZE } from '../transport';

type TicketEvent = 'ticketCreated' | 'ticketUpdated';

/**
 * Each poll lists again what changed this long before the previous poll started, so a ticket
 * changed while a poll ran, or indexed late by TomTicket's list, is still seen. Duplicates are
 * dropped by id (+ last update time).
 */
export const OVERLAP_MS = 5 * 60_000;
/** At most this many remembered tickets; the oldest are forgotten first. */
export const MAX_SEEN = 5_000;
/** How many pages the manual test looks through for a sample. */
const SAMPLE_PAGES = 3;
const DAY_MS = 86_400_000;

interface PollState {
	/** Event and filters the state belongs to; a change starts over without emitting the backlog. */
	configKey: string;
	/** When the previous poll started (ms). */
	cursor: number;
	/** Tickets already emitted or present at activation: key → their time (ms) for pruning. */
	seen: Record<string, number>;
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

function dateField(event: TicketEvent): 'creation_date' | 'last_update' {
	return event === 'ticketCreated' ? 'creation_date' : 'last_update';
}

/** A ticket's identity for "emit once": a new ticket once, an update once per last-update time. */
function ticketKey(event: TicketEvent, ticket: IDataObject): string {
	return event === 'ticketCreated'
		? String(ticket.id)
		: `${String(ticket.id)}|${String(ticket.last_update ?? '')}`;
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

function timeOf(config: Settings, ticket: IDataObject, fallback: number): number {
	return parseTomTicketDate(ticket[dateField(config.event)]) ?? fallback;
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
	const previous = staticData[STATE_KEY] as PollState | undefined;
	const fresh =
		!previous || previous.configKey !== configKey || typeof previous.cursor !== 'number';

	// last_update_ge may not reach further back than 90 days; an hour of margin for clock skew.
	// The same bound keeps a trigger that was off for months from replaying all of it.
	const floor = pollStart - LAST_UPDATE_MAX_DAYS * DAY_MS + 60 * 60_000;
	const since = fresh ? pollStart - OVERLAP_MS : Math.max(previous.cursor - OVERLAP_MS, floor);
	const tickets = await ticketsSince(context, config, since);

	const seen: Record<string, number> = fresh ? {} : { ...(previous.seen ?? {}) };
	const emitted: IDataObject[] = [];
	for (const ticket of tickets) {
		const key = ticketKey(config.event, ticket);
		if (Object.prototype.hasOwnProperty.call(seen, key)) continue;
		seen[key] = timeOf(config, ticket, pollStart);
		if (!fresh) emitted.push(ticket);
	}

	// What the next poll cannot list again (older than its window) need not be remembered.
	const nextSince = pollStart - OVERLAP_MS;
	let entries = Object.entries(seen).filter(([, time]) => time >= nextSince - 60_000);
	if (entries.length > MAX_SEEN) entries = entries.sort((a, b) => b[1] - a[1]).slice(0, MAX_SEEN);

	emitted.sort(
		(a, b) =>
			timeOf(config, a, pollStart) - timeOf(config, b, pollStart) ||
			Number(a.protocol) - Number(b.protocol),
	);
	const output = await withDetails(context, config, emitted);

	// Saved only once everything succeeded: a failed poll is repeated in full next time.
	staticData[STATE_KEY] = {
		configKey,
		cursor: pollStart,
		seen: Object.fromEntries(entries),
	} satisfies PollState;
	if (output.length === 0) return null;
	return [output.map((json) => ({ json }))];
}
