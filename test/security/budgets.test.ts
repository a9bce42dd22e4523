/**
 * Budgets that keep one request, or one Return All, from running for ever: a total wait per
 * request across its retries, and a cap on pages plus loop detection for paged lists. The limits
 * are lowered here (this file's copy of the policy module) so each test runs in seconds; the real
 * values are checked at the end.
 */
import type { INodeParameters } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { DigisacFake } from '../fakes/digisac';
import type { RecordedRequest } from '../fakes/fakeServer';
import { json, queryText } from '../fakes/fakeServer';
import { PlugChatFake } from '../fakes/plugchat';
import { TomTicketFake } from '../fakes/tomticket';
import { runNode } from '../harness';
import { TransportProbe } from '../harness/transportProbe';

jest.mock('../../nodes/shared/retry', () => {
	const actual = jest.requireActual<typeof import('../../nodes/shared/retry')>(
		'../../nodes/shared/retry',
	);
	return {
		...actual,
		DEFAULT_RETRY_POLICY: Object.freeze({
			...actual.DEFAULT_RETRY_POLICY,
			baseDelayMs: 5,
			maxDelayMs: 20,
			maxTotalWaitMs: 2_500,
		}),
		PAGING_POLICY: Object.freeze({ ...actual.PAGING_POLICY, maxPages: 40 }),
	};
});

const digisac = new DigisacFake();
const plugChat = new PlugChatFake();
const tomTicket = new TomTicketFake();
const probe = new TransportProbe();

const page = (request: RecordedRequest) => Number(queryText(request, 'page'));

// A Digisac list that announces one more page every time it is asked.
digisac.route('GET', '/api/v1/endless', (request) =>
	json({
		data: [{ id: `record-${page(request)}` }],
		currentPage: page(request),
		lastPage: page(request) + 1,
		total: page(request) + 1,
	}),
);
// A PlugChat list that serves its two pages in turn, for ever: A, B, A, B...
plugChat.route('GET', '/api/whatsapp/cycle', (request) =>
	json(
		page(request) % 2 === 1
			? [{ phone: '5511900000001' }, { phone: '5511900000002' }]
			: [{ phone: '5511900000003' }],
	),
);
// A PlugChat list that ignores the page number: every page is the same.
plugChat.route('GET', '/api/whatsapp/unpaged', () =>
	json([{ phone: '5511900000001' }, { phone: '5511900000002' }]),
);
// A TomTicket list whose next_page never runs out.
tomTicket.route('GET', '/ticket/endless', (request) =>
	json({ data: [{ id: `t-${page(request)}` }], next_page: page(request) + 1, pages: null }),
);

beforeAll(async () => {
	await Promise.all([digisac.start(), plugChat.start(), tomTicket.start()]);
});
afterAll(async () => {
	await Promise.all([digisac.stop(), plugChat.stop(), tomTicket.stop()]);
});
beforeEach(() => {
	digisac.reset();
	plugChat.reset();
	tomTicket.reset();
});

async function probeRun(parameters: INodeParameters) {
	return await runNode({
		nodeType: probe,
		parameters: {
			method: 'GET',
			mode: 'single',
			qs: '{}',
			body: '',
			form: '',
			binaryPropertyName: '',
			requestOptions: {},
			limit: 0,
			...parameters,
		},
		credentials: {
			digisacApi: { apiToken: digisac.token, accountUrl: digisac.url },
			plugChatApi: { apiToken: plugChat.token, baseUrl: plugChat.url },
			tomTicketApi: { apiToken: tomTicket.token, baseUrl: tomTicket.url },
		},
	});
}

describe('retry budget per request', () => {
	it('stops waiting once the next Retry-After would pass the budget, and says so', async () => {
		digisac.failNext(
			{ status: 429, body: { message: 'slow down' }, headers: { 'Retry-After': '1' } },
			20,
		);
		const started = Date.now();
		const result = await probeRun({ service: 'digisac', path: '/api/v1/me' });
		const elapsed = Date.now() - started;
		// 1 s + 1 s waited; a third wait would make 3 s, over the 2.5 s budget.
		expect(digisac.requests).toHaveLength(3);
		expect(elapsed).toBeLessThan(4_000);
		expect(result.error?.httpCode).toBe('429');
		expect(result.error?.description).toMatch(
			/Gave up after 3 attempt\(s\) and 2 s of waiting.*retry budget of 2\.5 s per request/,
		);
	}, 15_000);

	it('counts backoff waits too: a 429 with no Retry-After goes again until the budget, not 8 times', async () => {
		digisac.failNext({ status: 429, body: { message: 'slow down' } }, 100_000);
		const result = await probeRun({ service: 'digisac', path: '/api/v1/me' });
		// Backoff is 5-20 ms here: a 429 (refused unprocessed) is retried past the 8 attempts, for
		// as long as the 2.5 s of waiting allow.
		expect(digisac.requests.length).toBeGreaterThan(8);
		expect(digisac.requests.every((r) => r.status === 429)).toBe(true);
		expect(result.error?.httpCode).toBe('429');
		expect(result.error?.description).toMatch(/retry budget of 2\.5 s per request/);
	}, 15_000);

	it('other failures keep their 8 attempts', async () => {
		digisac.failNext('503', 20);
		const result = await probeRun({ service: 'digisac', path: '/api/v1/me' });
		expect(digisac.requests).toHaveLength(8);
		expect(result.error?.httpCode).toBe('503');
	});

	it('still refuses a single Retry-After longer than a minute at once', async () => {
		digisac.failNext({
			status: 429,
			body: { message: 'slow down' },
			headers: { 'Retry-After': '86400' },
		});
		const started = Date.now();
		const result = await probeRun({ service: 'digisac', path: '/api/v1/me' });
		expect(Date.now() - started).toBeLessThan(1_000);
		expect(result.error?.description).toMatch(/asked to wait 86400 s/);
	});
});

describe('Return All page budget', () => {
	it('stops a Digisac list that keeps moving its last page, with the page count', async () => {
		const result = await probeRun({ service: 'digisac', path: '/api/v1/endless', mode: 'all' });
		expect(digisac.requests).toHaveLength(40);
		expect(result.error?.message).toBe(
			'Digisac kept announcing more pages: stopped after 40 pages',
		);
		expect(result.error?.description).toMatch(/40 pages/);
	}, 15_000);

	it('stops a TomTicket list whose next_page never runs out', async () => {
		const result = await probeRun({ service: 'tomTicket', path: '/ticket/endless', mode: 'all' });
		expect(tomTicket.requests).toHaveLength(40);
		expect(result.error?.message).toBe(
			'TomTicket kept announcing more pages: stopped after 40 pages',
		);
	}, 15_000);

	it('stops a PlugChat list that serves its pages over and over (A, B, A)', async () => {
		const result = await probeRun({
			service: 'plugChat',
			path: '/api/whatsapp/cycle',
			mode: 'all',
		});
		expect(plugChat.requests.map(page)).toEqual([1, 2, 3]);
		expect(result.error?.message).toBe('PlugChat sent page 1 again as page 3');
		expect(result.items).toHaveLength(0);
	}, 15_000);

	it('ends quietly when every page is the first one (the API ignores the page number)', async () => {
		const result = await probeRun({
			service: 'plugChat',
			path: '/api/whatsapp/unpaged',
			mode: 'all',
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.phone)).toEqual(['5511900000001', '5511900000002']);
		expect(plugChat.requests).toHaveLength(2);
	});

	it('the error is a NodeApiError', async () => {
		const result = await probeRun({
			service: 'plugChat',
			path: '/api/whatsapp/cycle',
			mode: 'all',
		});
		expect(result.error?.name).toBe(NodeApiError.name);
	}, 15_000);
});

describe('the real limits', () => {
	it('are 90 s of waiting per request and 10 000 pages per list', () => {
		const actual = jest.requireActual<typeof import('../../nodes/shared/retry')>(
			'../../nodes/shared/retry',
		);
		expect(actual.DEFAULT_RETRY_POLICY.maxTotalWaitMs).toBe(90_000);
		expect(actual.DEFAULT_RETRY_POLICY.maxRetryAfterMs).toBeLessThanOrEqual(
			actual.DEFAULT_RETRY_POLICY.maxTotalWaitMs,
		);
		expect(actual.PAGING_POLICY.maxPages).toBe(10_000);
	});
});
