/**
 * TomTicket allows 3 requests per second per token. Retries after faults and batched items are
 * requests too: the limiter must hold through both, and the fake (which answers nginx's 429 above
 * the limit, as the API does) must never have to refuse one.
 */
import type { IDataObject } from 'n8n-workflow';

import { formText } from '../fakes/fakeServer';
import { byId } from '../harness';

import { items, pairedIndex, TOMTICKET_RATE, useFakes } from './support';

const fakes = useFakes({ tomTicketLimit: true });

/** The most arrivals inside any window of `windowMs`. */
function maxInWindow(times: number[], windowMs = 1000): number {
	const sorted = [...times].sort((a, b) => a - b);
	let best = 0;
	for (let end = 0, start = 0; end < sorted.length; end++) {
		while (sorted[end] - sorted[start] >= windowMs) start++;
		best = Math.max(best, end - start + 1);
	}
	return best;
}

it('reads retried after faults stay within 3 requests per second', async () => {
	const tickets = fakes.tomTicket.addTickets(3);
	fakes.tomTicket.injectFaults({
		rate: 0.25,
		kinds: ['429', '502', 'drop'],
		retryAfterSeconds: 0,
		seed: 5,
		filter: (r) => r.path === '/ticket/detail',
	});
	const run = await fakes.run(
		'tomTicket',
		{ resource: 'ticket', operation: 'get', ticketId: byId('={{ $json.id }}'), options: {} },
		{ items: items(10, (k) => ({ id: tickets[k % 3].id })) },
	);

	expect(run.error?.message).toBeUndefined();
	expect(run.items.map((item) => item.json.id)).toEqual(
		Array.from({ length: 10 }, (_, k) => tickets[k % 3].id),
	);
	const arrivals = fakes.tomTicket.requests;
	expect(arrivals.filter((r) => r.fault).length).toBeGreaterThan(0);
	expect(maxInWindow(arrivals.map((r) => r.time))).toBeLessThanOrEqual(TOMTICKET_RATE);
	// Only injected faults: the fake's own limit never had to refuse a request.
	expect(arrivals.filter((r) => r.status === 429 && !r.fault)).toEqual([]);
}, 60_000);

it('batched creates (6 in flight) still go out at most 3 per second, in order', async () => {
	const run = await fakes.run(
		'tomTicket',
		{
			resource: 'ticket',
			operation: 'create',
			customerId: byId('CPF-123'),
			departmentId: 'dep-suporte',
			subject: '={{ $json.subject }}',
			message: 'Preciso de ajuda',
			additionalFields: {},
			requestOptions: { batching: { batch: { batchSize: 6, batchInterval: 0 } } },
		},
		{ items: items(9, (k) => ({ subject: `Chamado ${k}` })) },
	);

	expect(run.error?.message).toBeUndefined();
	expect(run.items.map(pairedIndex)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
	const subjects = run.items.map(
		(item) =>
			fakes.tomTicket.state.tickets.find((t) => t.id === (item.json as IDataObject).ticket_id)
				?.subject,
	);
	expect(subjects).toEqual(Array.from({ length: 9 }, (_, k) => `Chamado ${k}`));
	const arrivals = fakes.tomTicket.requests;
	expect(arrivals.map((r) => formText(r, 'subject')).sort()).toEqual(subjects.slice().sort());
	expect(maxInWindow(arrivals.map((r) => r.time))).toBeLessThanOrEqual(TOMTICKET_RATE);
	expect(arrivals.filter((r) => r.status === 429)).toEqual([]);
}, 60_000);
