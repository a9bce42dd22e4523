/**
 * The token never follows a redirect to another origin. n8n's HTTP client re-adds Authorization
 * on every redirect unless told otherwise (@n8n/backend-network, http/axios/request.js:
 * `sendCredentialsOnCrossOriginRedirect ?? true`; utils.js getBeforeRedirectFn), and n8n 1.123.0
 * does so without any option (n8n-core 1.122.0, request-helper-functions.js getBeforeRedirectFn).
 * The transport therefore asks n8n not to follow redirects and follows them itself: with the token
 * only on the origin the request began on, without it anywhere else.
 */
import { LoadOptionsContext } from 'n8n-core';
import type { IDataObject, INodeParameters, INodeType } from 'n8n-workflow';

import { Digisac } from '../../nodes/Digisac/Digisac.node';
import { DigisacTrigger } from '../../nodes/Digisac/DigisacTrigger.node';
import { downloadDigisacFile } from '../../nodes/Digisac/transport';
import { PlugChat } from '../../nodes/PlugChat/PlugChat.node';
import { PlugChatTrigger } from '../../nodes/PlugChat/PlugChatTrigger.node';
import { mayCarryCredentials } from '../../nodes/shared/transport';
import { TomTicket } from '../../nodes/TomTicket/TomTicket.node';
import { TomTicketTrigger } from '../../nodes/TomTicket/TomTicketTrigger.node';
import { DigisacFake, seedDigisac } from '../fakes/digisac';
import type { RecordedRequest } from '../fakes/fakeServer';
import { FakeServer, json } from '../fakes/fakeServer';
import { PlugChatFake } from '../fakes/plugchat';
import { TomTicketFake } from '../fakes/tomticket';
import { buildWorkflow, runNode, runPoll, runWebhookMethod } from '../harness';
import { runCredentialTest } from '../harness/credentialTester';
import { TransportProbe } from '../harness/transportProbe';

const digisac = new DigisacFake();
const plugChat = new PlugChatFake();
const tomTicket = new TomTicketFake();
/** A second origin (another port of 127.0.0.1) that records what reaches it. */
const elsewhere = new FakeServer('elsewhere');
for (const method of ['GET', 'POST', 'PUT', 'DELETE']) {
	elsewhere.route(method, '/steal', () => json({ data: [], ok: true }));
}

const TOKENS = () => [digisac.token, plugChat.token, tomTicket.token];

beforeAll(async () => {
	await Promise.all([digisac.start(), plugChat.start(), tomTicket.start(), elsewhere.start()]);
});
afterAll(async () => {
	await Promise.all([digisac.stop(), plugChat.stop(), tomTicket.stop(), elsewhere.stop()]);
});
beforeEach(() => {
	for (const fake of [digisac, plugChat, tomTicket, elsewhere] as FakeServer[]) fake.reset();
	digisac.state = seedDigisac();
	plugChat.resetState();
	tomTicket.resetState();
});

const credentials = () => ({
	digisacApi: { accountUrl: digisac.url, apiToken: digisac.token },
	plugChatApi: { baseUrl: plugChat.url, apiToken: plugChat.token },
	tomTicketApi: { baseUrl: tomTicket.url, apiToken: tomTicket.token },
});

function redirect(status: number, location: string) {
	return { status, headers: { Location: location }, body: { moved: true } };
}

/** Every header a request carried, as text, to search for a token in any form. */
function headersOf(requests: RecordedRequest[]): string {
	return JSON.stringify(requests.map((r) => r.headers));
}

function expectNoTokenElsewhere() {
	const seen = headersOf(elsewhere.requests);
	for (const token of TOKENS()) expect(seen).not.toContain(token);
	for (const request of elsewhere.requests) expect(request.headers.authorization).toBeUndefined();
}

async function run(nodeType: INodeType, parameters: INodeParameters) {
	return await runNode({ nodeType, parameters, credentials: credentials() });
}

describe('the rule', () => {
	it.each([
		['https://acme.digisac.app/api/v1/me', 'https://acme.digisac.app/api/v1/other', true],
		['https://acme.digisac.app/x', 'https://ACME.digisac.app:443/y', true],
		['http://127.0.0.1:8080/x', 'http://127.0.0.1:8080/y?z=1', true],
		['https://acme.digisac.app/x', 'http://acme.digisac.app/x', false],
		['https://acme.digisac.app/x', 'https://acme.digisac.app:8443/x', false],
		['https://acme.digisac.app/x', 'https://files.digisac.app/x', false],
		['https://acme.digisac.app/x', 'https://acme.digisac.app.evil.example/x', false],
		['http://127.0.0.1:8080/x', 'http://localhost:8080/x', false],
		['https://acme.digisac.app/x', 'not a url', false],
	])('%s → %s: token %p', (from, to, allowed) => {
		expect(mayCarryCredentials(from, to)).toBe(allowed);
	});
});

describe.each([
	{
		title: 'Digisac Department → Get Many (302)',
		fake: () => digisac as FakeServer,
		nodeType: new Digisac(),
		parameters: { resource: 'department', operation: 'getAll', returnAll: true },
		status: 302,
	},
	{
		title: 'PlugChat Department → Get Many (302)',
		fake: () => plugChat as FakeServer,
		nodeType: new PlugChat(),
		parameters: { resource: 'department', operation: 'getAll', returnAll: true },
		status: 302,
	},
	{
		title: 'TomTicket Department → Get Many (301)',
		fake: () => tomTicket as FakeServer,
		nodeType: new TomTicket(),
		parameters: { resource: 'department', operation: 'getAll', returnAll: true },
		status: 301,
	},
])('$title', ({ fake, nodeType, parameters, status }) => {
	it('follows a redirect to another origin without the token', async () => {
		fake().failNext(redirect(status, `${elsewhere.url}/steal`));
		const result = await run(nodeType, { requestOptions: {}, ...parameters });
		expect(elsewhere.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /steal']);
		expectNoTokenElsewhere();
		expect(JSON.stringify(result.error ?? '')).not.toMatch(/test-token/);
	});

	it('keeps the token on a redirect within the same origin', async () => {
		const first = fake();
		first.failNext(redirect(status, `${first.url}${'/moved-here'}`), 1);
		// The redirected request reaches the same fake (an unknown path: 404) with the token.
		await run(nodeType, { requestOptions: {}, ...parameters });
		const followed = first.requests.find((r) => r.path === '/moved-here');
		expect(followed?.headers.authorization).toMatch(/test-token/);
		expect(elsewhere.requests).toHaveLength(0);
	});
});

describe('every other way a request leaves', () => {
	it('Digisac load options (the Department dropdown)', async () => {
		digisac.failNext(redirect(302, `${elsewhere.url}/steal`));
		const nodeType = new Digisac();
		const { workflow, node, additionalData } = buildWorkflow({
			nodeType,
			parameters: {},
			credentials: credentials(),
		});
		const context = new LoadOptionsContext(workflow, node, additionalData, 'parameters.x');
		await nodeType.methods.loadOptions.getDepartments.call(context).catch(() => undefined);
		expect(elsewhere.requests).toHaveLength(1);
		expectNoTokenElsewhere();
	});

	it('PlugChat list search (the Phone list)', async () => {
		plugChat.failNext(redirect(307, `${elsewhere.url}/steal`));
		const nodeType = new PlugChat();
		const { workflow, node, additionalData } = buildWorkflow({
			nodeType,
			parameters: {},
			credentials: credentials(),
		});
		const context = new LoadOptionsContext(workflow, node, additionalData, 'parameters.phone');
		await nodeType.methods.listSearch.searchChats.call(context, '').catch(() => undefined);
		expect(elsewhere.requests).toHaveLength(1);
		expectNoTokenElsewhere();
	});

	it('Digisac Trigger activation (webhook lifecycle)', async () => {
		digisac.state.webhooks = [];
		digisac.failNext(redirect(302, `${elsewhere.url}/steal`));
		await runWebhookMethod(
			{
				nodeType: new DigisacTrigger(),
				parameters: { events: ['message.created'], filters: {}, options: {} },
				credentials: credentials(),
				staticData: {},
			},
			'create',
		).catch(() => undefined);
		expect(elsewhere.requests.length).toBeGreaterThanOrEqual(1);
		expectNoTokenElsewhere();
	});

	it('PlugChat Trigger activation: a 307 keeps the PUT and its body, not the token', async () => {
		plugChat.failNext(redirect(307, `${elsewhere.url}/steal`));
		await runWebhookMethod(
			{
				nodeType: new PlugChatTrigger(),
				parameters: { events: ['receiveMessage'], options: {} },
				credentials: credentials(),
				staticData: {},
			},
			'create',
		).catch(() => undefined);
		expect(elsewhere.requests.map((r) => r.method)).toEqual(['PUT']);
		expect(elsewhere.requests[0].rawBody.length).toBeGreaterThan(0);
		expectNoTokenElsewhere();
	});

	it('TomTicket Trigger polling', async () => {
		tomTicket.failNext(redirect(302, `${elsewhere.url}/steal`));
		await runPoll({
			nodeType: new TomTicketTrigger(),
			parameters: { event: 'ticketCreated', options: {} },
			credentials: credentials(),
			staticData: {},
		}).catch(() => undefined);
		expect(elsewhere.requests).toHaveLength(1);
		expectNoTokenElsewhere();
	});

	it('Digisac media download from the account host that redirects to storage', async () => {
		digisac.failNext(redirect(302, `${elsewhere.url}/steal`));
		const { workflow, node, additionalData } = buildWorkflow({
			nodeType: new Digisac(),
			parameters: {},
			credentials: credentials(),
		});
		const context = new LoadOptionsContext(workflow, node, additionalData, 'parameters.x');
		const file = await downloadDigisacFile(context, `${digisac.url}/api/v1/files/abc`);
		expect(JSON.parse(file.data.toString('utf8'))).toEqual({ data: [], ok: true });
		expect(digisac.requests[0].headers.authorization).toBe(`Bearer ${digisac.token}`);
		expectNoTokenElsewhere();
	});
});

describe('redirect semantics (through the shared transport)', () => {
	const probe = new TransportProbe();
	async function probeRun(parameters: IDataObject) {
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
				service: 'digisac',
				...parameters,
			} as INodeParameters,
			credentials: credentials(),
		});
	}

	it.each([301, 302, 303])(
		'a POST answered %i is followed with a GET, without its body',
		async (status) => {
			digisac.failNext(redirect(status, `${elsewhere.url}/steal`));
			await probeRun({ method: 'POST', path: '/api/v1/messages', body: '{"text":"Olá"}' });
			expect(elsewhere.requests.map((r) => r.method)).toEqual(['GET']);
			expect(elsewhere.requests[0].rawBody.length).toBe(0);
			expect(elsewhere.requests[0].headers['content-type']).toBeUndefined();
			expectNoTokenElsewhere();
		},
	);

	it.each([307, 308])('a POST answered %i is repeated as a POST with its body', async (status) => {
		digisac.failNext(redirect(status, `${elsewhere.url}/steal`));
		await probeRun({ method: 'POST', path: '/api/v1/messages', body: '{"text":"Olá"}' });
		expect(elsewhere.requests.map((r) => r.method)).toEqual(['POST']);
		expect(elsewhere.requests[0].json).toEqual({ text: 'Olá' });
		expectNoTokenElsewhere();
	});

	it('a relative Location stays on the origin, with the token', async () => {
		digisac.failNext(redirect(302, '/api/v1/me'));
		const result = await probeRun({ path: '/api/v1/departments' });
		expect(result.error).toBeUndefined();
		expect(digisac.requests.map((r) => r.path)).toEqual(['/api/v1/departments', '/api/v1/me']);
		expect(digisac.requests[1].headers.authorization).toBe(`Bearer ${digisac.token}`);
	});

	it('once the chain has left the origin, coming back does not bring the token back', async () => {
		elsewhere.failNext(redirect(302, `${digisac.url}/api/v1/me`));
		digisac.failNext(redirect(302, `${elsewhere.url}/bounce`));
		await probeRun({ path: '/api/v1/departments' });
		expect(digisac.requests.map((r) => r.path)).toEqual(['/api/v1/departments', '/api/v1/me']);
		expect(digisac.requests[1].headers.authorization).toBeUndefined();
		expectNoTokenElsewhere();
	});

	it('stops after 5 redirects with an error that says so', async () => {
		digisac.failNext(redirect(302, `${digisac.url}/api/v1/loop`), 10);
		const result = await probeRun({ path: '/api/v1/loop' });
		expect(result.error?.message).toBe('Digisac redirected the request more than 5 times');
		expect(digisac.requests).toHaveLength(6);
		expect(JSON.stringify(result.error)).not.toContain(digisac.token);
	});
});

describe('credential tests ("Test" in the credential dialog, run as n8n runs it)', () => {
	it.each([
		['digisacApi', () => ({ accountUrl: digisac.url, apiToken: digisac.token }), () => digisac],
		['plugChatApi', () => ({ baseUrl: plugChat.url, apiToken: plugChat.token }), () => plugChat],
		[
			'tomTicketApi',
			() => ({ baseUrl: tomTicket.url, apiToken: tomTicket.token }),
			() => tomTicket,
		],
	] as Array<[string, () => IDataObject, () => FakeServer]>)(
		'%s: a redirect is not followed, and the test says why',
		async (type, data, fake) => {
			fake().failNext(redirect(302, `${elsewhere.url}/steal`));
			const result = await runCredentialTest(type, data() as never);
			expect(elsewhere.requests).toHaveLength(0);
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(/redirect/i);
		},
	);

	it.each([
		['digisacApi', () => ({ accountUrl: digisac.url, apiToken: digisac.token })],
		['plugChatApi', () => ({ baseUrl: plugChat.url, apiToken: plugChat.token })],
		['tomTicketApi', () => ({ baseUrl: tomTicket.url, apiToken: tomTicket.token })],
	] as Array<[string, () => IDataObject]>)('%s: passes without a redirect', async (type, data) => {
		const result = await runCredentialTest(type, data() as never);
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
	});
});
