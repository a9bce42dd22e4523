import { byId } from '../harness';

import { usePlugChat } from './harness';

const { fake, run } = usePlugChat();

describe('authentication and HTTP errors', () => {
	it('sends the raw token by default, and "Bearer <token>" when the credential asks', async () => {
		await run({
			resource: 'department',
			operation: 'getAll',
			returnAll: true,
			activeOnly: false,
		});
		expect(fake.last().headers.authorization).toBe(fake.token);
		fake.authForm = 'either';
		const bearer = await run(
			{ resource: 'department', operation: 'getAll', returnAll: true, activeOnly: false },
			{ credentials: { authorizationScheme: 'Bearer' } },
		);
		expect(bearer.error).toBeUndefined();
		expect(fake.last().headers.authorization).toBe(`Bearer ${fake.token}`);
	});

	// Both forms are seen in the wild: the documented raw token (and three public clients), and
	// "Bearer <token>" (two 2025 doc pages, one public client). The fake plays each kind of account.
	it.each([
		['raw', 'none', true],
		['raw', 'Bearer', false],
		['bearer', 'Bearer', true],
		['bearer', 'none', false],
		['either', 'none', true],
		['either', 'Bearer', true],
	] as const)(
		'an account taking the %s form, with Authorization Scheme %s: works %s',
		async (form, scheme, works) => {
			fake.authForm = form;
			const result = await run(
				{ resource: 'instance', operation: 'getStatus' },
				{ credentials: { authorizationScheme: scheme } },
			);
			if (works) {
				expect(result.error).toBeUndefined();
			} else {
				expect(result.error?.httpCode).toBe('401');
				expect(result.error?.description).toMatch(/Authorization Scheme/);
			}
		},
	);

	it('reports a wrong token (401) with the hint about the Authorization Scheme, and never shows the token, even echoed', async () => {
		fake.echoToken = true;
		const result = await run(
			{ resource: 'instance', operation: 'getStatus' },
			{ credentials: { apiToken: 'wrong-token-value' } },
		);
		expect(result.error?.httpCode).toBe('401');
		expect(result.error?.message).toBe('Unauthorized (received Authorization: ***)');
		expect(result.error?.description).toMatch(/Authorization Scheme/);
		expect(result.error?.description).not.toMatch(/Token Prefix/);
		expect(JSON.stringify(result.error)).not.toContain('wrong-token-value');
		expect(fake.requests).toHaveLength(1);
	});

	it("explains a 415 and a 405 in PlugChat's terms", async () => {
		fake.failNext({ status: 415, body: { message: 'Unsupported Media Type' } });
		const unsupported = await run({
			resource: 'message',
			operation: 'sendText',
			phone: byId('5511987654321'),
			message: 'Oi',
			options: {},
		});
		expect(unsupported.error?.httpCode).toBe('415');
		expect(unsupported.error?.description).toMatch(/Content-Type: application\/json/);
		fake.failNext({ status: 405, body: { message: 'Method Not Allowed' } });
		const method = await run({ resource: 'instance', operation: 'restart' });
		expect(method.error?.httpCode).toBe('405');
		expect(method.error?.description).toMatch(/refused the HTTP method/);
	});

	it('sends Content-Type: application/json with every body (the fake answers 415 without it)', async () => {
		await run({
			resource: 'message',
			operation: 'sendText',
			phone: byId('5511987654321'),
			message: 'Oi',
			options: {},
		});
		expect(fake.last().headers['content-type']).toMatch(/^application\/json/);
		expect(fake.last().status).toBe(200);
	});

	it('retries a GET after a gateway error but never a 500', async () => {
		fake.failNext('502');
		const retried = await run({ resource: 'instance', operation: 'getStatus' });
		expect(retried.error).toBeUndefined();
		expect(fake.requests).toHaveLength(2);
		fake.reset();
		fake.failNext({ status: 500, body: { message: 'internal error' } });
		const failed = await run({ resource: 'instance', operation: 'getStatus' });
		expect(failed.error?.httpCode).toBe('500');
		expect(fake.requests).toHaveLength(1);
	});

	it('reads an HTML page in place of JSON as a wrong base URL', async () => {
		fake.failNext({
			status: 200,
			raw: '<!doctype html><html><head><title>PlugChat</title></head></html>',
			headers: { 'content-type': 'text/html' },
		});
		const result = await run({
			resource: 'department',
			operation: 'getAll',
			returnAll: true,
			activeOnly: false,
		});
		expect(result.error?.message).toBe('PlugChat answered with an HTML page instead of JSON');
		expect(result.error?.description).toMatch(/Base URL/);
	});
});

describe('items: continue on fail, pairedItem and batching', () => {
	it('turns a bad phone and an API error into error items paired with their input, the rest going on', async () => {
		// PlugChat itself refuses the third item.
		fake.failNext(
			{ status: 400, body: { message: 'phone is not on WhatsApp' } },
			1,
			(r) => (r.json as { phone?: string })?.phone === '5511912345678',
		);
		const result = await run(
			{
				resource: 'message',
				operation: 'sendText',
				phone: byId('={{ $json.phone }}'),
				message: '={{ $json.text }}',
				options: {},
			},
			{
				continueOnFail: true,
				items: [
					{ json: { phone: '5511987654321', text: 'primeira' } },
					{ json: { phone: 'abc', text: 'segunda' } },
					{ json: { phone: '5511912345678', text: 'terceira' } },
					{ json: { phone: '5521912345678', text: 'quarta' } },
				],
			},
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
		expect(result.items[0].json.zaapId).toBeDefined();
		expect(result.items[1].json).toMatchObject({
			error: '"Phone Number" is not a valid phone number',
		});
		expect(result.items[2].json).toMatchObject({
			error: 'phone is not on WhatsApp',
			httpCode: '400',
		});
		expect(result.items[3].json.zaapId).toBeDefined();
		expect(fake.state.sent.map((s) => s.body.message)).toEqual(['primeira', 'quarta']);
	});

	it("carries PlugChat's message and HTTP code into the error item", async () => {
		fake.failNext(
			{ status: 400, body: { message: 'phone is not on WhatsApp' } },
			1,
			(r) => (r.json as { phone?: string })?.phone === '5511912345678',
		);
		const result = await run(
			{
				resource: 'message',
				operation: 'sendText',
				phone: byId('={{ $json.phone }}'),
				message: 'Oi',
				options: {},
			},
			{
				continueOnFail: true,
				items: [{ json: { phone: '5511912345678' } }, { json: { phone: '5511987654321' } }],
			},
		);
		expect(result.items[0]).toEqual({
			json: {
				error: 'phone is not on WhatsApp',
				description: expect.stringMatching(/answered HTTP 400/),
				httpCode: '400',
			},
			pairedItem: { item: 0 },
		});
		expect(result.items[1].json.zaapId).toBeDefined();
	});

	it('without Continue On Fail, stops at the failing item and names it', async () => {
		const result = await run(
			{
				resource: 'message',
				operation: 'sendText',
				phone: byId('={{ $json.phone }}'),
				message: 'Oi',
				options: {},
			},
			{
				items: [
					{ json: { phone: '5511987654321' } },
					{ json: { phone: '1' } },
					{ json: { phone: '5511912345678' } },
				],
			},
		);
		expect(result.error?.message).toBe('"Phone Number" is not a valid phone number');
		expect(result.error?.context?.itemIndex).toBe(1);
		expect(fake.state.sent).toHaveLength(1);
	});

	it('keeps three sends in flight with a batch of 3, and the output in input order', async () => {
		fake.latencyMs = 40;
		const items = Array.from({ length: 6 }, (_, n) => ({ json: { text: `mensagem ${n}` } }));
		const result = await run(
			{
				resource: 'message',
				operation: 'sendText',
				phone: byId('5511987654321'),
				message: '={{ $json.text }}',
				options: {},
				requestOptions: { batching: { batch: { batchSize: 3, batchInterval: 0 } } },
			},
			{ items },
		);
		expect(result.error).toBeUndefined();
		// The most requests the fake was answering at the same moment: 3, never 1 at a time.
		const sends = fake.requests.filter((r) => r.path === '/api/whatsapp/send-text');
		const inFlight = sends.map(
			(r) => sends.filter((o) => o.time <= r.time && (o.answeredAt ?? Infinity) > r.time).length,
		);
		expect(Math.max(...inFlight)).toBe(3);
		expect(result.items.map((i) => i.pairedItem)).toEqual(items.map((_, n) => ({ item: n })));
		const zaapIds = result.items.map((i) => i.json.zaapId);
		const byText = new Map(fake.state.sent.map((s) => [s.body.message, s.zaapId]));
		expect(zaapIds).toEqual(items.map((i) => byText.get(i.json.text)));
	});
});
