/**
 * What an adversarial review tried and found solid, kept true. Items with their own tests
 * elsewhere:
 * - Digisac webhookId check: test/Digisac/triggerWebhook.test.ts.
 * - Token kept off foreign storage hosts: test/Digisac/triggerMedia.test.ts, test/Digisac/message.test.ts.
 * - Sends not repeated after an ambiguous failure (Digisac): test/transport/transport.test.ts,
 *   test/reliability/faults.test.ts; messages: test/security/ambiguousFailures.test.ts.
 * - Ids in URL paths encoded: test/security/pathSegments.test.ts and the bad-input corpus.
 * - TomTicket 25 MB / 25 files refused before sending: test/TomTicket/ticket.test.ts.
 * - Token redaction (exactly saved): test/transport/transport.test.ts; other forms:
 *   test/security/redaction.test.ts. Password-grant password: test/Digisac/resources.test.ts.
 * - Trigger fuzzing: test/reliability/badInput.triggers.test.ts and the trigger tests.
 * - Digisac lifecycle: test/Digisac/triggerLifecycle.test.ts.
 * - TomTicket poll memory: test/TomTicket/trigger.test.ts.
 * The rest is here.
 */
import type { IDataObject } from 'n8n-workflow';

import { PlugChatTrigger } from '../../nodes/PlugChat/PlugChatTrigger.node';
import { parseRetryAfter } from '../../nodes/shared/retry';
import { binaryInput, byId, deliverWebhook, runNode, runWebhookMethod } from '../harness';
import { nodeTypes, useFakes } from '../reliability/support';

const fakes = useFakes();

describe('PlugChat sends are never repeated after an ambiguous failure', () => {
	const sendText = {
		resource: 'message',
		operation: 'sendText',
		phone: byId('5511987654321'),
		message: 'Seu pedido saiu para entrega',
	};

	it.each(['drop-after', '502-after'] as const)('%s: one POST, and it says why', async (fault) => {
		fakes.plugChat.failNext(fault, 1, (r) => r.method === 'POST');
		const run = await fakes.run('plugChat', sendText);
		expect(fakes.plugChat.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
		expect(run.error?.description).toMatch(/may (still )?have (been )?processed/);
	});

	it('a client timeout: one POST, and it says why', async () => {
		fakes.plugChat.failNext('hang', 1, (r) => r.method === 'POST');
		const run = await fakes.run('plugChat', { ...sendText, requestOptions: { timeout: 300 } });
		expect(fakes.plugChat.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
		expect(run.error?.description).toMatch(/may still have been processed/);
	});
});

describe('Retry-After edge cases', () => {
	const header = (value: string) => parseRetryAfter({ 'retry-after': value });

	it('reads seconds and HTTP dates; anything else falls back to backoff', () => {
		expect(header('3')).toBe(3000);
		expect(header('1.5')).toBe(1500);
		const inTwoSeconds = new Date(Date.now() + 2000).toUTCString();
		expect(header(inTwoSeconds)).toBeGreaterThan(500);
		expect(header(inTwoSeconds)).toBeLessThanOrEqual(2000);
		// A date in the past means "now".
		expect(header(new Date(Date.now() - 60_000).toUTCString())).toBe(0);
		for (const unusable of ['soon', '', '   ', '1e9']) expect(header(unusable)).toBeUndefined();
	});

	it('"-1" retries at once; "-86400" is not a wait (V8 would parse it as the year 86400)', () => {
		// Neither is a number of seconds: "-1" parses as a date in the past (wait 0)...
		expect(header('-1')).toBe(0);
		// ...and "-86400" as a date far in the future, far over the longest wait, so refused.
		expect(header('-86400')).toBeGreaterThan(60_000);
	});

	it('a Retry-After of 86400 is not waited for: the error comes at once and says so', async () => {
		fakes.digisac.failNext({
			status: 429,
			body: { message: 'slow down' },
			headers: { 'Retry-After': '86400' },
		});
		const started = Date.now();
		const run = await fakes.run('digisac', {
			resource: 'tag',
			operation: 'getAll',
			returnAll: true,
		});
		expect(Date.now() - started).toBeLessThan(1_000);
		expect(run.error?.description).toMatch(/asked to wait 86400 s/);
		expect(fakes.digisac.requests).toHaveLength(1);
	});

	it('"-1" is retried at once and succeeds', async () => {
		fakes.digisac.failNext({
			status: 429,
			body: { message: 'slow down' },
			headers: { 'Retry-After': '-1' },
		});
		const run = await fakes.run('digisac', {
			resource: 'tag',
			operation: 'getAll',
			returnAll: true,
		});
		expect(run.error).toBeUndefined();
		expect(fakes.digisac.requests.map((r) => r.status)).toEqual([429, 200]);
	});
});

describe('prototype pollution', () => {
	afterEach(() => {
		expect(({} as IDataObject).polluted).toBeUndefined();
		expect(Object.prototype).not.toHaveProperty('polluted');
	});

	it('a __proto__ key in the Digisac Query JSON pollutes nothing and is not sent', async () => {
		const run = await fakes.run('digisac', {
			resource: 'contact',
			operation: 'getAll',
			returnAll: true,
			filters: {},
			options: {
				query: '{"__proto__": {"polluted": 1}, "where": {"__proto__": {"polluted": 2}}}',
			},
		});
		expect(run.error).toBeUndefined();
		const sent = String(fakes.digisac.last('GET', '/api/v1/contacts').query.query ?? '');
		expect(sent).not.toContain('"polluted":1');
	});

	it('__proto__ keys in a PlugChat Trigger delivery pollute nothing', async () => {
		fakes.plugChat.requireHttps = false;
		const setup = {
			nodeType: new PlugChatTrigger(),
			parameters: { events: ['receiveMessage'], options: {} },
			credentials: fakes.credentials(),
			staticData: {} as IDataObject,
		};
		await runWebhookMethod(setup, 'create');
		const raw =
			'{"type":"ReceivedCallback","phone":"5511987654321","fromMe":false,' +
			'"__proto__":{"polluted":1},"text":{"message":"oi","__proto__":{"polluted":2}},' +
			'" __proto__ ":{"polluted":3}}';
		const { query } = fakes.plugChat.deliveryFor('receiveMessage', {});
		const { response } = await deliverWebhook(setup, {
			body: JSON.parse(raw) as IDataObject,
			rawBody: Buffer.from(raw),
			query,
		});
		expect(response.workflowData?.[0]).toHaveLength(1);
	});
});

describe('multipart file names', () => {
	it('a name with quotes and CR/LF stays one file part, with no field injected', async () => {
		const fileName = 'boleto"\r\nContent-Disposition: form-data; name="injected"\r\n\r\nx.pdf';
		const run = await runNode({
			nodeType: nodeTypes.tomTicket,
			parameters: {
				requestOptions: {},
				resource: 'ticket',
				operation: 'create',
				customerId: byId('CPF-123'),
				customerIdType: 'I',
				departmentId: 'dep-suporte',
				subject: 'Boleto',
				message: 'Segue o boleto',
				additionalFields: { binaryPropertyName: 'data' },
			},
			credentials: fakes.credentials(),
			items: [
				binaryInput({
					data: { content: '%PDF-1.4', fileName: 'placeholder.pdf', mimeType: 'application/pdf' },
				}),
			].map((item) => {
				item.binary!.data.fileName = fileName;
				return item;
			}),
		});
		expect(run.error).toBeUndefined();
		const request = fakes.tomTicket.last('POST', '/ticket/new');
		expect(Object.keys(request.form ?? {})).not.toContain('injected');
		const files = Object.values(request.form ?? {})
			.flat()
			.filter((value) => typeof value !== 'string');
		expect(files).toHaveLength(1);
		expect((files[0] as { fileName: string }).fileName).toMatch(/^boleto/);
	});
});

describe('header injection', () => {
	it('CR/LF in a saved token injects no header and the token stays out of the error', async () => {
		const token = `${fakes.digisac.token}\r\nX-Injected: 1`;
		const all = fakes.credentials();
		const run = await runNode({
			nodeType: nodeTypes.digisac,
			parameters: { requestOptions: {}, resource: 'tag', operation: 'getAll', returnAll: true },
			credentials: { ...all, digisacApi: { ...all.digisacApi, apiToken: token } },
		});
		for (const request of fakes.digisac.requests)
			expect(request.headers['x-injected']).toBeUndefined();
		expect(JSON.stringify(run.error ?? {})).not.toContain(fakes.digisac.token);
	});

	it("PlugChat's Ticket header takes digits only", async () => {
		const run = await fakes.run('plugChat', {
			resource: 'attendance',
			operation: 'getByTicket',
			ticket: '1470\r\nX-Injected: 1',
		});
		expect(run.error?.message).toMatch(/is not an attendance number/);
		expect(fakes.plugChat.requests).toHaveLength(0);
	});
});
