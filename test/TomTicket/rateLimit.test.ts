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

// Third-party clients disagree on what TomTicket does above the limit: nginx's HTML 429 page, or
// the request is held and answered late ("Estourar não devolve erro: o TomTicket enfileira"). Our
// limiter must keep every request under it either way: nothing refused, nothing held.
describe.each(['refuse', 'queue'] as const)(
	'when TomTicket would %s what exceeds the limit',
	(mode) => {
		beforeEach(() => {
			fake.rateLimitMode = mode;
		});
		afterEach(() => {
			expect(fake.requests.filter((r) => r.status === 429)).toEqual([]);
			expect(fake.queued).toEqual([]);
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

		it('still succeeds when another client of the same token crowds the second', async () => {
			const [ticket] = fake.addTickets(1);
			// Six requests of another program at once: TomTicket refuses three or holds them.
			const other = Array.from({ length: 6 }, () =>
				fetch(`${fake.url}/department/list`, {
					headers: { authorization: `Bearer ${fake.token}` },
				}),
			);
			await new Promise((resolve) => setTimeout(resolve, 50));
			const result = await run({ resource: 'ticket', operation: 'get', ticketId: byId(ticket.id) });
			const statuses = (await Promise.all(other)).map((response) => response.status);
			expect(result.error).toBeUndefined();
			expect(result.items[0].json.id).toBe(ticket.id);
			const ours = fake.requests.filter((r) => r.path === '/ticket/detail');
			if (mode === 'refuse') {
				expect(statuses.filter((status) => status === 429)).toHaveLength(3);
				// Refused with nginx's page, then sent again once the second had room.
				expect(ours.map((r) => r.status).pop()).toBe(200);
				expect(ours.slice(0, -1).every((r) => r.status === 429)).toBe(true);
				expect(ours.length).toBeGreaterThan(1);
			} else {
				expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
				expect(ours.map((r) => r.status)).toEqual([200]);
				expect(fake.queued.length).toBeGreaterThanOrEqual(4);
			}
			// What the other program got is its own business; the checks after each test are for ours.
			fake.requests.length = 0;
			fake.queued.length = 0;
		});
	},
);

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

it("when the 429s outlast the request's time budget, reports the rate limit in words, not nginx's page", async () => {
	// The same module object the transport reads its policy from; a 300 ms budget instead of 90 s.
	const retry = jest.requireMock<typeof import('../../nodes/shared/retry')>(
		'../../nodes/shared/retry',
	);
	const budget = jest.replaceProperty(retry, 'DEFAULT_RETRY_POLICY', {
		...retry.DEFAULT_RETRY_POLICY,
		maxTotalWaitMs: 300,
	});
	fake.failNext('429', 100_000);
	const result = await run({
		resource: 'department',
		operation: 'getAll',
		returnAll: true,
		options: {},
	});
	budget.restore();
	expect(result.error?.message).toBe(
		'TomTicket rate limit reached (3 requests per second per token)',
	);
	expect(result.error?.description).toMatch(/retry budget of 0\.3 s per request/);
	expect(fake.requests.length).toBeGreaterThan(8);
	expect(`${result.error?.message} ${result.error?.description}`).not.toMatch(/<html|nginx/i);
});
