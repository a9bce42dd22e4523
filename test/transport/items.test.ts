import type { INodeParameters } from 'n8n-workflow';

import { DigisacFake } from '../fakes/digisac';
import type { RecordedRequest } from '../fakes/fakeServer';
import { runNode } from '../harness';
import { TransportProbe } from '../harness/transportProbe';

const fake = new DigisacFake();
const probe = new TransportProbe();

beforeAll(() => fake.start());
afterAll(() => fake.stop());
beforeEach(() => {
	fake.reset();
	fake.state.contacts = [];
});

/** Most requests the fake was working on at the same moment. */
function maxInFlight(requests: RecordedRequest[]): number {
	const events = requests.flatMap((r) => [
		[r.time, 1],
		[r.answeredAt ?? r.time, -1],
	]);
	events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
	let current = 0;
	let max = 0;
	for (const [, delta] of events) max = Math.max(max, (current += delta));
	return max;
}

async function getContacts(
	count: number,
	requestOptions: INodeParameters,
	continueOnFail = false,
	failIndex?: number,
) {
	const contacts = fake.addContacts(count);
	if (failIndex !== undefined) {
		const failing = `/api/v1/contacts/${contacts[failIndex].id}`;
		fake.failNext(
			{ status: 404, body: { error: 'NotFoundHttpError', message: 'gone', status: 404 } },
			1,
			(r) => r.path === failing,
		);
	}
	const result = await runNode({
		nodeType: probe,
		parameters: {
			service: 'digisac',
			method: 'GET',
			mode: 'single',
			path: '={{ "/api/v1/contacts/" + $json.id }}',
			qs: '{}',
			body: '',
			form: '',
			binaryPropertyName: '',
			limit: 0,
			requestOptions,
		},
		credentials: { digisacApi: { accountUrl: fake.url, apiToken: fake.token } },
		items: contacts.map((c) => ({ json: { id: c.id } })),
		continueOnFail,
	});
	return { contacts, result };
}

describe('Request Options → Batching', () => {
	it('keeps N items in flight, never more, and output in input order with pairedItem', async () => {
		fake.latencyMs = 40;
		const { contacts, result } = await getContacts(30, {
			batching: { batch: { batchSize: 5, batchInterval: 0 } },
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.id)).toEqual(contacts.map((c) => c.id));
		expect(result.items.map((i) => i.pairedItem)).toEqual(contacts.map((_, k) => ({ item: k })));
		const inFlight = maxInFlight(fake.requests);
		expect(inFlight).toBeLessThanOrEqual(5);
		expect(inFlight).toBeGreaterThanOrEqual(4);
	});

	it('with no interval, starts the next item when one finishes instead of waiting for the batch', async () => {
		// Every 5th contact is slow to answer. Fixed batches of 5 would each wait for it: 6 × 300 ms.
		const contacts = fake.addContacts(30);
		const slow = new Set(contacts.filter((_, k) => k % 5 === 0).map((c) => c.id));
		fake.latencyFor = (request) => (slow.has(request.path.split('/').pop() ?? '') ? 300 : 20);
		const started = Date.now();
		const result = await runNode({
			nodeType: probe,
			parameters: {
				service: 'digisac',
				method: 'GET',
				mode: 'single',
				path: '={{ "/api/v1/contacts/" + $json.id }}',
				qs: '{}',
				body: '',
				form: '',
				binaryPropertyName: '',
				limit: 0,
				requestOptions: { batching: { batch: { batchSize: 5, batchInterval: 0 } } },
			},
			credentials: { digisacApi: { accountUrl: fake.url, apiToken: fake.token } },
			items: contacts.map((c) => ({ json: { id: c.id } })),
		});
		expect(result.items.map((i) => i.json.id)).toEqual(contacts.map((c) => c.id));
		expect(Date.now() - started).toBeLessThan(6 * 300);
	});

	it('with an interval, sends batches of N separated by the interval', async () => {
		const { result } = await getContacts(9, {
			batching: { batch: { batchSize: 3, batchInterval: 200 } },
		});
		expect(result.items).toHaveLength(9);
		const times = fake.requests.map((r) => r.time);
		expect(times[3] - times[2]).toBeGreaterThanOrEqual(190);
		expect(times[6] - times[5]).toBeGreaterThanOrEqual(190);
		expect(times[2] - times[0]).toBeLessThan(150);
	});

	it('without Continue On Fail, stops starting items after a failure and reports the first failing item', async () => {
		fake.latencyMs = 20;
		const { result } = await getContacts(
			40,
			{ batching: { batch: { batchSize: 4, batchInterval: 0 } } },
			false,
			3,
		);
		expect(result.error?.message).toBe('gone');
		expect(result.error?.context?.itemIndex).toBe(3);
		expect(fake.requests.length).toBeLessThan(12);
	});

	it('with Continue On Fail, the failing item becomes an error item in its place', async () => {
		fake.latencyMs = 10;
		const { contacts, result } = await getContacts(
			8,
			{ batching: { batch: { batchSize: 3, batchInterval: 0 } } },
			true,
			2,
		);
		expect(result.items).toHaveLength(8);
		expect(result.items.map((i) => i.pairedItem)).toEqual(contacts.map((_, k) => ({ item: k })));
		expect(result.items.map((i) => (i.json.error ? 'error' : i.json.id))).toEqual(
			contacts.map((c, k) => (k === 2 ? 'error' : c.id)),
		);
	});
});
