import { DigisacApi } from '../../credentials/DigisacApi.credentials';
import { digisacApiBase } from '../../nodes/Digisac/transport';

import { useDigisac } from './harness';

const { fake, run } = useDigisac();

describe('account URL', () => {
	it.each(['', '/', '/api', '/api/v1', '/api/v1/', '  /api/  '])(
		'"%s" after the host still reaches /api/v1/... once',
		async (suffix) => {
			const [contact] = fake.addContacts(1);
			const result = await run(
				{ resource: 'contact', operation: 'get', contactId: contact.id },
				{ accountUrl: ` ${fake.url}${suffix.trim()} ` },
			);
			expect(result.error).toBeUndefined();
			expect(fake.last().path).toBe(`/api/v1/contacts/${contact.id}`);
		},
	);
});

describe('legacy account hosts', () => {
	it.each(['/v1', '/v1/'])(
		'an account URL ending in "%s" reaches <host>/v1/<resource>, as the legacy hosts serve',
		async (suffix) => {
			fake.legacyApi = true;
			const [contact] = fake.addContacts(1);
			const result = await run(
				{ resource: 'contact', operation: 'get', contactId: contact.id },
				{ accountUrl: `${fake.url}${suffix}` },
			);
			expect(result.error).toBeUndefined();
			expect(result.items[0].json.id).toBe(contact.id);
			expect(fake.legacyPaths).toEqual([`/v1/contacts/${contact.id}`]);
		},
	);

	it('pages a list on a legacy host under /v1', async () => {
		fake.legacyApi = true;
		fake.addContacts(3);
		const result = await run(
			{ resource: 'contact', operation: 'getAll', returnAll: true },
			{ accountUrl: `${fake.url}/v1` },
		);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(3);
		expect(fake.legacyPaths).toEqual(['/v1/contacts']);
	});

	it.each([
		['https://acme-api.digisac.com.br/v1', 'https://acme-api.digisac.com.br', '/v1'],
		['https://acme-api.digisac.com.br', 'https://acme-api.digisac.com.br', '/v1'],
		['https://acme-api.digisac.app/v1/', 'https://acme-api.digisac.app', '/v1'],
		['https://ACME-API.digisac.app', 'https://ACME-API.digisac.app', '/v1'],
		['https://acme.digisac.app', 'https://acme.digisac.app', '/api/v1'],
		['https://acme.digisac.app/api', 'https://acme.digisac.app', '/api/v1'],
		['https://acme.digisac.app/api/v1/', 'https://acme.digisac.app', '/api/v1'],
		['https://acme.digisac.biz/v1', 'https://acme.digisac.biz', '/v1'],
	])('%s: root %s, API under %s (node and credential test alike)', (accountUrl, root, prefix) => {
		expect(digisacApiBase(accountUrl)).toEqual({ root, apiPrefix: prefix });
		// The credential's test request computes the same base in an n8n expression.
		const expression = String(new DigisacApi().test.request.baseURL).replace(
			/^={{([\s\S]*)}}$/,
			'$1',
		);
		const evaluate = new Function('$credentials', `return (${expression});`) as (
			credentials: object,
		) => string;
		expect(evaluate({ accountUrl: ` ${accountUrl} ` })).toBe(`${root}${prefix}`);
	});
});

describe('errors', () => {
	it("carries Digisac's envelope: message, HTTP status, error class and item index", async () => {
		const [contact] = fake.addContacts(1);
		const result = await run(
			{ resource: 'contact', operation: 'get', contactId: '={{ $json.id }}' },
			{ items: [{ json: { id: contact.id } }, { json: { id: 'missing' } }] },
		);
		expect(result.error?.message).toBe('Contact missing not found');
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.description).toMatch(/\(NotFoundHttpError\)/);
		expect(result.error?.context?.itemIndex).toBe(1);
	});

	it('explains a bad token and never shows it', async () => {
		const badToken = 'dg-wrong-token-555555';
		const result = await run(
			{ resource: 'department', operation: 'getAll', returnAll: true },
			{ apiToken: badToken },
		);
		expect(result.error?.message).toBe(
			'Digisac refused the API token (invalid, expired or revoked): check the API Token in the Digisac credential',
		);
		expect(result.error?.description).toContain('Invalid token: access token is invalid');
		expect(JSON.stringify(result.run.data.resultData)).not.toContain(badToken);
	});

	it('names the disconnected connection, and keeps its ID when it cannot be read', async () => {
		const disconnected = fake.state.services[1];
		const [contact] = fake.addContacts(1, { serviceId: disconnected.id });
		const result = await run({
			resource: 'message',
			operation: 'send',
			contactId: contact.id,
			text: 'Oi',
		});
		expect(result.error?.message).toBe(
			`The WhatsApp connection “${String(disconnected.name)}” is disconnected in Digisac: reconnect it under Connections`,
		);
		expect(result.error?.description).toContain(`Service (${disconnected.id}) disconnected.`);
		expect(result.error?.httpCode).toBe('400');
		expect(result.error?.context?.itemIndex).toBe(0);

		fake.failNext({ status: 500, body: { message: 'boom' } }, 5, (r) => r.method === 'GET');
		const unnamed = await run({
			resource: 'message',
			operation: 'send',
			contactId: contact.id,
			text: 'Oi',
		});
		expect(unnamed.error?.message).toBe(
			`The connection ${disconnected.id} is disconnected in Digisac: reconnect it under Connections`,
		);
		expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(2);
	});

	it('with Continue On Fail, each failing item becomes an error item paired with its input', async () => {
		const [a, b] = fake.addContacts(2);
		const result = await run(
			{
				resource: 'message',
				operation: 'send',
				contactId: '={{ $json.contactId }}',
				text: '={{ $json.text }}',
			},
			{
				items: [
					{ json: { contactId: a.id, text: 'um' } },
					{ json: { contactId: b.id, text: '' } },
					{ json: { contactId: 'unknown', text: 'três' } },
					{ json: { contactId: b.id, text: 'quatro' } },
				],
				continueOnFail: true,
			},
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
		expect(result.items[0].json.text).toBe('um');
		expect(result.items[1].json.error).toBe('"Text" is required');
		expect(result.items[2].json).toMatchObject({
			error: 'contactId or number and serviceId are required',
			httpCode: '400',
		});
		expect(result.items[3].json.text).toBe('quatro');
		expect(fake.state.messages.map((m) => m.text)).toEqual(['um', 'quatro']);
	});

	it('never crashes on an odd answer: a bare true from a command becomes a success item', async () => {
		fake.failNext({ status: 200, body: true });
		const result = await run({
			resource: 'connection',
			operation: 'start',
			serviceId: fake.state.services[0].id,
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toEqual({
			success: true,
			serviceId: fake.state.services[0].id,
			command: 'start',
		});
	});

	it('never crashes on a list answer with data: null', async () => {
		fake.failNext({ status: 200, body: { data: null, total: 0, currentPage: 1, lastPage: 1 } });
		const result = await run({ resource: 'tag', operation: 'getAll', returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([]);
	});
});
