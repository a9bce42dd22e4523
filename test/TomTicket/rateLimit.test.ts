import { tomTicketService } from '../../nodes/TomTicket/transport';
import type { RecordedRequest } from '../fakes/fakeServer';
import { byId } from '../harness';

import { byProtocol, useTomTicket } from './harness';

// The real limit (3 requests per second per token) and the fake's enforcement, which answers
// nginx's HTML 429 to a fourth request within one second.
const { fake, run } = useTomTicket({ realRateLimit: true });

/** The most requests that arrived within any one second. */
function busiestSecond(requests: RecordedRequest[]): number {
	const times = requests.map((r) => r.time).sort((a, b) => a - b);
	let most = 0;
	for (let start = 0; start < times.length; start++) {
		let end = start;
		while (end + 1 < times.length && times[end + 1] - times[start] < 1000) end++;
		most = Math.max(most, end - start + 1);
	}
	return most;
}

beforeEach(() => {
	expect(tomTicketService.requestsPerSecond).toBe(3);
	expect(fake.enforceRateLimit).toBe(true);
});

it('keeps 7 items under 3 requests per second: no 429, nothing dropped', async () => {
	const tickets = fake.addTickets(7);
	const started = Date.now();
	const result = await run(
		{ resource: 'ticket', operation: 'get', ticketId: '={{ $json.id }}' },
		{ items: tickets.map((t) => ({ json: { id: t.id } })) },
	);
	expect(result.error).toBeUndefined();
	expect(result.items.map((i) => i.json.id)).toEqual(tickets.map((t) => t.id));
	expect(fake.requests).toHaveLength(7);
	expect(fake.requests.every((r) => r.status === 200)).toBe(true);
	expect(busiestSecond(fake.requests)).toBeLessThanOrEqual(3);
	expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
});

it('holds the limit when items run concurrently in batches, and across a multi-request operation', async () => {
	const tickets = fake.addTickets(4);
	for (const ticket of tickets) ticket.operator = { id: 'op-ana', name: 'Ana Souza' };
	// Each item: protocol lookup, operator check, reply = 3 requests; 4 items at once.
	const result = await run(
		{
			resource: 'ticket',
			operation: 'replyAsOperator',
			ticketId: byProtocol('={{ $json.protocol }}'),
			message: 'Recebemos seu chamado.',
			options: {},
			requestOptions: { batching: { batch: { batchSize: 4, batchInterval: 0 } } },
		},
		{ items: tickets.map((t) => ({ json: { protocol: t.protocol } })) },
	);
	expect(result.error).toBeUndefined();
	expect(result.items).toHaveLength(4);
	expect(fake.requests).toHaveLength(12);
	expect(fake.requests.filter((r) => r.status !== 200)).toEqual([]);
	expect(busiestSecond(fake.requests)).toBeLessThanOrEqual(3);
	expect(tickets.every((t) => t.replies.length === 1 && t.replies[0].sender_type === 'A')).toBe(
		true,
	);
}, 20_000);

it('pages a Get Many under the limit', async () => {
	fake.addTickets(160);
	const result = await run({
		resource: 'ticket',
		operation: 'getAll',
		returnAll: true,
		filters: {},
	});
	expect(result.items).toHaveLength(160);
	expect(fake.requests.map((r) => [r.query.page, r.status])).toEqual([
		['1', 200],
		['2', 200],
		['3', 200],
		['4', 200],
	]);
	expect(busiestSecond(fake.requests)).toBeLessThanOrEqual(3);
});

it("retries TomTicket's HTML 429 page (another client sharing the token) and shows no HTML", async () => {
	const [ticket] = fake.addTickets(1);
	fake.failNext('429', 2);
	const result = await run({
		resource: 'ticket',
		operation: 'get',
		ticketId: byId(ticket.id),
	});
	expect(result.error).toBeUndefined();
	expect(fake.requests.map((r) => r.status)).toEqual([429, 429, 200]);
	expect(result.items[0].json.id).toBe(ticket.id);
});

it("after too many 429s reports the rate limit in words, not nginx's page", async () => {
	fake.failNext('429', 10);
	const result = await run({
		resource: 'department',
		operation: 'getAll',
		returnAll: true,
		options: {},
	});
	expect(result.error?.message).toBe(
		'TomTicket rate limit reached (3 requests per second per token)',
	);
	expect(`${result.error?.message} ${result.error?.description}`).not.toMatch(/<html|nginx/i);
});
