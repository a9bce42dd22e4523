import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { PlugChatTrigger } from '../../nodes/PlugChat/PlugChatTrigger.node';
import { deliverWebhook, runWebhookMethod, webhookUrlFor } from '../harness';
import type { NodeSetup } from '../harness';

import { usePlugChat } from './harness';

const { fake, credentials } = usePlugChat();

const WEBHOOK_A = '5f0c2d7e-1111-4b7a-9c11-plugchat000a';
const WEBHOOK_B = '5f0c2d7e-2222-4b7a-9c11-plugchat000b';

function triggerSetup(
	parameters: INodeParameters,
	options: {
		staticData?: IDataObject;
		webhookId?: string;
		workflowId?: string;
		credentials?: Record<string, string>;
	} = {},
): NodeSetup {
	return {
		nodeType: new PlugChatTrigger(),
		parameters,
		credentials: credentials(options.credentials),
		staticData: options.staticData ?? {},
		webhookId: options.webhookId ?? WEBHOOK_A,
		workflowId: options.workflowId ?? 'wf-a',
	};
}

const message = {
	phone: '5544999999999',
	fromMe: false,
	type: 'ReceivedCallback',
	text: { message: 'Oi' },
};

function secretOf(url: string | undefined): string | null {
	return url ? new URL(url).searchParams.get('secret') : null;
}

/** What PlugChat would POST to the URL registered for the event. */
async function deliverAs(
	setup: NodeSetup,
	event: Parameters<typeof fake.deliveryFor>[0],
	payload: unknown,
	mode: 'webhook' | 'manual' = 'webhook',
) {
	const { query, body } = fake.deliveryFor(event, payload);
	return await deliverWebhook(setup, { body, query }, { mode });
}

beforeEach(() => {
	// n8n under test serves plain http; PlugChat's HTTPS rule has its own test.
	fake.requireHttps = false;
});

describe('PlugChat Trigger authenticity: a secret only the registered URL carries', () => {
	it('registers each event with a random secret of its own, kept in static data, never output', async () => {
		const setup = triggerSetup({ events: ['receiveMessage', 'messageStatus'] });
		const url = webhookUrlFor(setup);
		await runWebhookMethod(setup, 'create');

		const registered = fake.state.webhooks.receiveMessage;
		const secret = secretOf(registered);
		expect(secret).toMatch(/^[A-Za-z0-9_-]{32,}$/);
		expect(registered).toBe(`${url}?event=receiveMessage&secret=${secret}`);
		expect(secretOf(fake.state.webhooks.messageStatus)).toBe(secret);
		expect(JSON.stringify(setup.staticData)).toContain(secret);

		const { response, http } = await deliverAs(setup, 'receiveMessage', message);
		expect(http.statusCode).toBe(200);
		expect(response.workflowData?.[0]).toHaveLength(1);
		expect(JSON.stringify(response.workflowData)).not.toContain(secret);
	});

	it('starts nothing for a forged delivery and answers 401, whatever the body or ?event= says', async () => {
		const setup = triggerSetup({ events: ['receiveMessage', 'finishAttendance'] });
		await runWebhookMethod(setup, 'create');
		const secret = secretOf(fake.state.webhooks.receiveMessage) ?? '';
		const wrongSameLength = secret.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));

		for (const query of [
			{},
			{ event: 'receiveMessage' },
			{ event: 'finishAttendance' },
			{ event: 'receiveMessage', secret: '' },
			{ event: 'receiveMessage', secret: 'short' },
			{ event: 'receiveMessage', secret: wrongSameLength },
			{ event: 'receiveMessage', secret: `${secret}x` },
		]) {
			const { response, http } = await deliverWebhook(setup, {
				body: { attendance: { status: 'FINISH', attendanceNumber: 7 }, chat: {}, ...message },
				query: query as Record<string, string>,
			});
			expect([query, response.workflowData]).toEqual([query, undefined]);
			expect(response.noWebhookResponse).toBe(true);
			expect(http.statusCode).toBe(401);
			expect(JSON.stringify(http.body)).not.toContain(secret);
		}
		// A repeated parameter (an array in n8n's query data) is no secret either.
		const repeated = await deliverWebhook(setup, {
			body: message,
			query: { event: 'receiveMessage', secret: [secret, secret] } as never,
		});
		expect(repeated.http.statusCode).toBe(401);
	});

	it('gives a new secret on every activation: the previous URL is refused afterwards', async () => {
		const setup = triggerSetup({ events: ['receiveMessage'] });
		await runWebhookMethod(setup, 'create');
		const first = fake.deliveryFor('receiveMessage', message);
		await runWebhookMethod(setup, 'delete');
		await runWebhookMethod(setup, 'create');
		const second = fake.deliveryFor('receiveMessage', message);
		expect(second.query.secret).not.toBe(first.query.secret);

		const stale = await deliverWebhook(setup, { body: message, query: first.query });
		expect(stale.http.statusCode).toBe(401);
		const fresh = await deliverWebhook(setup, { body: message, query: second.query });
		expect(fresh.response.workflowData?.[0]).toHaveLength(1);
	});

	it('a registration stored before the secret existed is registered again, with one', async () => {
		const setup = triggerSetup({ events: ['receiveMessage'] });
		const url = webhookUrlFor(setup);
		setup.staticData!['node:PlugChat Trigger'] = { registrations: { [url]: ['receiveMessage'] } };
		fake.state.webhooks.receiveMessage = `${url}?event=receiveMessage`;

		// The old URL had no secret: its deliveries start nothing now.
		const old = await deliverWebhook(setup, { body: message, query: { event: 'receiveMessage' } });
		expect(old.http.statusCode).toBe(401);
		// n8n restarts with the new version: checkExists says no, create registers a secret.
		expect((await runWebhookMethod(setup, 'checkExists', { activation: 'init' })).result).toBe(
			false,
		);
		expect((await runWebhookMethod(setup, 'checkExists')).result).toBe(false);
		await runWebhookMethod(setup, 'create', { activation: 'init' });
		expect(secretOf(fake.state.webhooks.receiveMessage)).toMatch(/^[A-Za-z0-9_-]{32,}$/);
		const { response } = await deliverAs(setup, 'receiveMessage', message);
		expect(response.workflowData?.[0]).toHaveLength(1);
	});

	it('"Listen for test event": the test URL gets its own secret, with static data kept apart as n8n does', async () => {
		// n8n 2.40 builds the test run's workflow with empty static data and keeps what create()
		// stored with the test registration (cli/src/webhooks/test-webhooks.ts, toWorkflow).
		const testRun = triggerSetup({ events: ['receiveMessage'] });
		const testUrl = webhookUrlFor(testRun, 'manual');
		expect((await runWebhookMethod(testRun, 'checkExists', { mode: 'manual' })).result).toBe(false);
		await runWebhookMethod(testRun, 'create', { mode: 'manual' });
		expect(fake.state.webhooks.receiveMessage).toMatch(
			new RegExp(`^${testUrl}\\?event=receiveMessage&secret=[A-Za-z0-9_-]{32,}$`),
		);

		const { response } = await deliverAs(testRun, 'receiveMessage', message, 'manual');
		expect(response.workflowData?.[0][0].json).toMatchObject({ event: 'receiveMessage' });
		const forged = await deliverWebhook(
			testRun,
			{ body: message, query: { event: 'receiveMessage' } },
			{ mode: 'manual' },
		);
		expect(forged.http.statusCode).toBe(401);

		await runWebhookMethod(testRun, 'delete', { mode: 'manual' });
		expect(fake.state.webhooks.receiveMessage).toBe('');
	});
});

describe('PlugChat Trigger and the one URL per event of an account', () => {
	it('re-asserts its URL when n8n starts (nothing can be read back), keeping its secret', async () => {
		const setup = triggerSetup({ events: ['receiveMessage'] });
		await runWebhookMethod(setup, 'create');
		const registered = fake.state.webhooks.receiveMessage;
		// While n8n was down, something else took the event.
		fake.state.webhooks.receiveMessage = 'https://crm.example.com/in';
		fake.reset();

		expect((await runWebhookMethod(setup, 'checkExists', { activation: 'init' })).result).toBe(
			false,
		);
		await runWebhookMethod(setup, 'create', { activation: 'init' });
		expect(fake.state.webhooks.receiveMessage).toBe(registered);
		expect(fake.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
		for (const activation of ['leadershipChange'] as const) {
			expect((await runWebhookMethod(setup, 'checkExists', { activation })).result).toBe(false);
		}
		// A plain activation with a matching record trusts it (n8n calls create only if false).
		expect((await runWebhookMethod(setup, 'checkExists')).result).toBe(true);
	});

	it('workflow B taking the event, then deactivated, leaves A deaf until n8n restarts, when A takes it back', async () => {
		const a = triggerSetup({ events: ['receiveMessage'] });
		const b = triggerSetup(
			{ events: ['receiveMessage'] },
			{ webhookId: WEBHOOK_B, workflowId: 'wf-b' },
		);
		await runWebhookMethod(a, 'create');
		await runWebhookMethod(b, 'create');
		expect(fake.state.webhooks.receiveMessage).toContain(WEBHOOK_B);
		await runWebhookMethod(b, 'delete');
		expect(fake.state.webhooks.receiveMessage).toBe('');

		// What cannot be known: A's own record still says it is registered.
		expect((await runWebhookMethod(a, 'checkExists')).result).toBe(true);
		// On the next start of n8n, A registers again instead of trusting that record.
		expect((await runWebhookMethod(a, 'checkExists', { activation: 'init' })).result).toBe(false);
		await runWebhookMethod(a, 'create', { activation: 'init' });
		expect(fake.state.webhooks.receiveMessage).toContain(WEBHOOK_A);
		const { response } = await deliverAs(a, 'receiveMessage', message);
		expect(response.workflowData?.[0]).toHaveLength(1);
	});

	it('a test run on an active workflow takes its events, as PlugChat allows one URL (a documented limit)', async () => {
		const production = triggerSetup({ events: ['receiveMessage'] });
		await runWebhookMethod(production, 'create');
		// n8n's test run sees none of the production static data, so it cannot hand the event back.
		const testRun = triggerSetup({ events: ['receiveMessage'] });
		await runWebhookMethod(testRun, 'create', { mode: 'manual' });
		await runWebhookMethod(testRun, 'delete', { mode: 'manual' });
		expect(fake.state.webhooks.receiveMessage).toBe('');
		// Activating the workflow again (or restarting n8n) registers production again.
		expect((await runWebhookMethod(production, 'checkExists', { activation: 'init' })).result).toBe(
			false,
		);
		await runWebhookMethod(production, 'create', { activation: 'init' });
		const { response } = await deliverAs(production, 'receiveMessage', message);
		expect(response.workflowData?.[0]).toHaveLength(1);
	});

	it('never clears an event that another registration of the same trigger set after it', async () => {
		const staticData: IDataObject = {};
		const production = triggerSetup(
			{ events: ['receiveMessage', 'messageStatus'] },
			{ staticData },
		);
		await runWebhookMethod(production, 'create');
		const test = triggerSetup({ events: ['receiveMessage'] }, { staticData });
		await runWebhookMethod(test, 'create', { mode: 'manual' });
		const testRegistered = fake.state.webhooks.receiveMessage;

		// Deactivating production leaves the event the test run took last alone.
		fake.reset();
		await runWebhookMethod(production, 'delete');
		expect(fake.requests.filter((r) => r.method === 'PUT').map((r) => r.json)).toEqual([
			{ messageStatus: '' },
		]);
		expect(fake.state.webhooks.receiveMessage).toBe(testRegistered);
	});

	it('after its credential was changed to another account, deactivation touches neither account', async () => {
		const staticData: IDataObject = {};
		const before = triggerSetup({ events: ['receiveMessage'] }, { staticData });
		await runWebhookMethod(before, 'create');
		fake.reset();

		const moved = triggerSetup(
			{ events: ['receiveMessage'] },
			{ staticData, credentials: { apiToken: 'pc-token-of-another-account-000' } },
		);
		expect((await runWebhookMethod(moved, 'checkExists')).result).toBe(false);
		await runWebhookMethod(moved, 'delete');
		expect(fake.requests).toHaveLength(0);
		expect(staticData).toEqual({ 'node:PlugChat Trigger': {} });
	});
});

describe('PlugChat Trigger parameters and bodies of the wrong type', () => {
	it.each([
		['a number', 5],
		['an object', { on: true }],
		['a word', 'yes'],
	])(
		'Ignore Groups given as %s is a clear error, at activation and on delivery',
		async (_, value) => {
			const good = triggerSetup({ events: ['receiveMessage'] });
			await runWebhookMethod(good, 'create');
			const { query } = fake.deliveryFor('receiveMessage', message);
			fake.reset();

			const bad = triggerSetup(
				{ events: ['receiveMessage'], ignoreGroups: value as never },
				{ staticData: good.staticData },
			);
			await expect(runWebhookMethod(bad, 'create')).rejects.toThrow(
				/"Ignore Groups" must be true or false/,
			);
			expect(fake.requests).toHaveLength(0);
			const delivered = deliverWebhook(bad, { body: message, query });
			await expect(delivered).rejects.toThrow(/"Ignore Groups" must be true or false/);
			await expect(delivered).rejects.toHaveProperty('name', 'NodeOperationError');
		},
	);

	it('takes "true"/"false" text and a comma-separated event list from an expression', async () => {
		const setup = triggerSetup({
			events: 'receiveMessage, messageStatus' as never,
			ignoreFromMe: 'false' as never,
			ignoreGroups: ' TRUE ' as never,
		});
		await runWebhookMethod(setup, 'create');
		expect(fake.state.webhooks.messageStatus).toContain('event=messageStatus');
		const mine = await deliverAs(setup, 'receiveMessage', { ...message, fromMe: true });
		expect(mine.response.workflowData?.[0]).toHaveLength(1);
		const group = await deliverAs(setup, 'receiveMessage', {
			...message,
			phone: '120363019502650977-group',
		});
		expect(group.response.workflowData).toBeUndefined();
	});

	it('Options saved by version 1: an odd collection is ignored, an odd value is a clear error', async () => {
		const setup = triggerSetup({ events: ['receiveMessage'], options: 'oops' as never });
		setup.typeVersion = 1;
		await runWebhookMethod(setup, 'create');
		const { query } = fake.deliveryFor('receiveMessage', message);
		const { response } = await deliverWebhook(setup, { body: message, query });
		expect(response.workflowData?.[0]).toHaveLength(1);

		const odd = {
			...setup,
			parameters: { events: ['receiveMessage'], options: { ignoreFromMe: {} } },
		};
		await expect(deliverWebhook(odd as NodeSetup, { body: message, query })).rejects.toThrow(
			/"Ignore Messages Sent by Me \(Earlier Setting\)" must be true or false/,
		);
	});

	it('a JSON array of more than 1,000 payloads starts nothing and says why (413)', async () => {
		const setup = triggerSetup({ events: ['receiveMessage'] });
		await runWebhookMethod(setup, 'create');
		const { query } = fake.deliveryFor('receiveMessage', message);
		const many = await deliverWebhook(setup, { body: Array(1001).fill(message), query });
		expect(many.response.workflowData).toBeUndefined();
		expect(many.http.statusCode).toBe(413);
		expect(JSON.stringify(many.http.body)).toMatch(/at most 1000 payloads.*1001/);
		const allowed = await deliverWebhook(setup, { body: Array(1000).fill(message), query });
		expect(allowed.response.workflowData?.[0]).toHaveLength(1000);
	});
});
