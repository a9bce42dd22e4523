/**
 * Two n8n processes (queue-mode workers) on one TomTicket token: each has its own module memory,
 * so its own rate limiter, and together they ask for twice the 3 requests per second the token
 * allows. The fake answers nginx's HTML 429 above the limit, as TomTicket does. Every item must
 * still succeed, and nothing may be sent again once it succeeded.
 */
import type { INodeType } from 'n8n-workflow';

import { ADAPTIVE_PACING, RateLimiter } from '../../nodes/shared/rateLimiter';
import type * as Retry from '../../nodes/shared/retry';
import type { RecordedRequest } from '../fakes/fakeServer';
import { formText } from '../fakes/fakeServer';
import { TomTicketFake } from '../fakes/tomticket';
import type * as Harness from '../harness';

const fake = new TomTicketFake();
beforeAll(async () => await fake.start());
afterAll(async () => await fake.stop());
beforeEach(() => {
	fake.reset();
	fake.resetState();
	fake.enforceRateLimit = true;
	fake.rateLimitMode = 'refuse';
});

/** A process of its own: fresh copies of the node, the transport and its limiters. */
function workerProcess() {
	let harness!: typeof Harness;
	let node!: INodeType;
	let retry!: typeof Retry;
	jest.isolateModules(() => {
		retry = require('../../nodes/shared/retry') as typeof Retry;
		harness = require('../harness') as typeof Harness;
		const { TomTicket } = require('../../nodes/TomTicket/TomTicket.node') as {
			TomTicket: new () => INodeType;
		};
		node = new TomTicket();
	});
	return {
		/** This process's retry policy with the shipped waits instead of the tests' (setup-env.ts). */
		useShippedRetryWaits: () => {
			const shipped = jest.requireActual<typeof Retry>('../../nodes/shared/retry');
			return jest.replaceProperty(retry, 'DEFAULT_RETRY_POLICY', shipped.DEFAULT_RETRY_POLICY)
				.restore;
		},
		createTickets: async (prefix: string, count: number, inFlight = 1) =>
			await harness.runNode({
				nodeType: node,
				parameters: {
					resource: 'ticket',
					operation: 'create',
					customerId: harness.byId('CPF-123'),
					departmentId: 'dep-suporte',
					subject: '={{ $json.subject }}',
					message: 'Preciso de ajuda',
					additionalFields: {},
					requestOptions:
						inFlight > 1 ? { batching: { batch: { batchSize: inFlight, batchInterval: 0 } } } : {},
				},
				credentials: { tomTicketApi: { apiToken: fake.token, baseUrl: fake.url } },
				items: Array.from({ length: count }, (_, k) => ({ json: { subject: `${prefix} ${k}` } })),
			}),
	};
}

/** Each subject's attempts, in order of arrival. */
function attemptsBySubject(requests: RecordedRequest[]): Map<string, number[]> {
	const attempts = new Map<string, number[]>();
	for (const request of requests) {
		const subject = formText(request, 'subject');
		if (subject === undefined) continue;
		attempts.set(subject, [...(attempts.get(subject) ?? []), request.status ?? 0]);
	}
	return attempts;
}

it('a second process on the token while the first keeps it busy: all created, none twice', async () => {
	// The shipped waits (250 ms doubling to 4 s, 8 attempts in ~16 s), as the queue-mode e2e ran.
	const [a, b] = [workerProcess(), workerProcess()];
	const replaced = [a, b].map((worker) => worker.useShippedRetryWaits());
	// A creates 36 tickets (72 requests, 24 s at 3/s) with all its items in flight, so its limiter
	// always has a request waiting for the next free slot; B starts once A is at full pace. A
	// limiter that paces at the full rate and a retry that stops after 8 attempts starve B.
	const counts = { 'Worker A': 36, 'Worker B': 6 };
	const first = a.createTickets('Worker A', counts['Worker A'], counts['Worker A']);
	while (fake.requests.filter((r) => r.status === 200).length < 6)
		await new Promise((resolve) => setTimeout(resolve, 20));
	const [runA, runB] = await Promise.all([first, b.createTickets('Worker B', counts['Worker B'])]);
	expect(runA.error?.message).toBeUndefined();
	expect(runB.error?.message).toBeUndefined();
	expect(runA.items.filter((item) => item.json.error !== undefined)).toEqual([]);
	expect(runB.items.filter((item) => item.json.error !== undefined)).toEqual([]);
	const subjects = fake.state.tickets.map((ticket) => ticket.subject).sort();
	const wanted = Object.entries(counts)
		.flatMap(([prefix, count]) => Array.from({ length: count }, (_, k) => `${prefix} ${k}`))
		.sort();
	expect(subjects).toEqual(wanted);
	// Each subject: refused (429) any number of times, then created once, never sent after that.
	const problems = [...attemptsBySubject(fake.requests)].filter(
		([, statuses]) =>
			statuses.at(-1) !== 200 || statuses.slice(0, -1).some((status) => status !== 429),
	);
	expect(problems).toEqual([]);
	for (const restore of replaced) restore();
}, 150_000);

describe('adaptive pacing (one limiter)', () => {
	// The mechanics with fixed numbers (halve, a step after 6 answers); the shipped tuning is
	// ADAPTIVE_PACING, which the two-process test above runs with.
	const HALVING = { decrease: 0.5, floorPerSecond: 1, raiseAfter: 6, raiseByShareOfLimit: 1 / 12 };
	const limiterOf3 = () => new RateLimiter(() => 3, 20, HALVING);
	const answer = (statusCode: number) => async () => ({ statusCode });
	const is429 = (response: { statusCode: number }) => response.statusCode === 429;

	it('halves its pace on a 429 it did not expect, never below 1 request per second', async () => {
		const limiter = limiterOf3();
		expect(limiter.currentRate()).toBe(3);
		await limiter.run(answer(429), is429);
		expect(limiter.currentRate()).toBe(1.5);
		await limiter.run(answer(429), is429);
		expect(limiter.currentRate()).toBe(1);
		await limiter.run(answer(429), is429);
		expect(limiter.currentRate()).toBe(1);
	});

	it('halves once for 429s of requests let through together at the old pace', async () => {
		const limiter = limiterOf3();
		await Promise.all([1, 2, 3].map(() => limiter.run(answer(429), is429)));
		expect(limiter.currentRate()).toBe(1.5);
	});

	it('raises its pace step by step after runs of answered requests, up to the limit', async () => {
		const limiter = limiterOf3();
		await limiter.run(answer(429), is429);
		const rates: Array<number | undefined> = [];
		for (let k = 0; k < 40; k++) {
			await limiter.run(answer(200), is429);
			rates.push(limiter.currentRate());
		}
		// 1.5 → 3 in steps, never a jump, never above the limit.
		expect(rates.at(-1)).toBe(3);
		expect(Math.max(...(rates as number[]))).toBe(3);
		for (let k = 1; k < rates.length; k++)
			expect((rates[k] as number) - (rates[k - 1] as number)).toBeLessThanOrEqual(0.25 + 1e-9);
		expect(new Set(rates).size).toBeGreaterThan(3);
	});

	it('climbs in steps of a twelfth of its limit, so a high limit recovers as fast as 3', async () => {
		// Tests lift TomTicket's limit to 10 000/s; the injected 429s of the fault tests must not
		// leave it crawling back by 0.25/s.
		const limiter = new RateLimiter(() => 1200, 20, HALVING);
		await limiter.run(answer(429), is429);
		expect(limiter.currentRate()).toBe(600);
		for (let k = 0; k < 6; k++) await limiter.run(answer(200), is429);
		expect(limiter.currentRate()).toBe(700);
		for (let k = 0; k < 30; k++) await limiter.run(answer(200), is429);
		expect(limiter.currentRate()).toBe(1200);
	});

	it('ships a decrease below 1, a floor of 1 request/s and a climb that moves', () => {
		expect(ADAPTIVE_PACING.decrease).toBeGreaterThan(0);
		expect(ADAPTIVE_PACING.decrease).toBeLessThan(1);
		expect(ADAPTIVE_PACING.floorPerSecond).toBe(1);
		expect(ADAPTIVE_PACING.raiseByShareOfLimit).toBeGreaterThan(0);
	});

	it('a 429 in the middle of the climb starts it again from half', async () => {
		const limiter = limiterOf3();
		await limiter.run(answer(429), is429);
		for (let k = 0; k < 12; k++) await limiter.run(answer(200), is429);
		const climbed = limiter.currentRate() as number;
		expect(climbed).toBeGreaterThan(1.5);
		await limiter.run(answer(429), is429);
		expect(limiter.currentRate()).toBe(climbed / 2 < 1 ? 1 : climbed / 2);
	});
});
