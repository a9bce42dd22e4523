import { PlugChatApi } from '../../credentials/PlugChatApi.credentials';
import { digisacRootUrl } from '../../nodes/Digisac/transport';
import { DigisacFake } from '../fakes/digisac';
import { PlugChatFake } from '../fakes/plugchat';
import { TomTicketFake } from '../fakes/tomticket';
import { testCredential } from '../harness';

const tomTicket = new TomTicketFake();
const plugChat = new PlugChatFake();
const digisac = new DigisacFake();

beforeAll(async () => {
	await Promise.all([tomTicket.start(), plugChat.start(), digisac.start()]);
});
afterAll(async () => {
	await Promise.all([tomTicket.stop(), plugChat.stop(), digisac.stop()]);
});
beforeEach(() => {
	tomTicket.reset();
	plugChat.reset();
	digisac.reset();
});

describe('tomTicketApi', () => {
	it('passes with a good token, sent as "Bearer <token>" to GET /department/list', async () => {
		const result = await testCredential('tomTicketApi', {
			apiToken: tomTicket.token,
			baseUrl: `${tomTicket.url}/`,
		});
		expect(result.status).toBe('OK');
		const request = tomTicket.last();
		expect(request.method).toBe('GET');
		expect(request.path).toBe('/department/list');
		expect(request.headers.authorization).toBe(`Bearer ${tomTicket.token}`);
	});

	it('fails with a bad token, with a readable message that does not contain the token', async () => {
		const badToken = 'tt-wrong-secret-987654';
		const result = await testCredential('tomTicketApi', {
			apiToken: badToken,
			baseUrl: tomTicket.url,
		});
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/authorization|credential/i);
		expect(JSON.stringify({ m: result.message, d: result.description })).not.toContain(badToken);
	});

	it("fails on TomTicket's HTTP 200 with error: true", async () => {
		tomTicket.failNext({
			status: 200,
			body: { error: true, message: 'Conta sem acesso à API', success: false },
		});
		const result = await testCredential('tomTicketApi', {
			apiToken: tomTicket.token,
			baseUrl: tomTicket.url,
		});
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/check the API token/);
	});
});

describe('plugChatApi', () => {
	it('names its fields as the contract does: apiToken, baseUrl, authorizationScheme (none or Bearer)', () => {
		const fields = new PlugChatApi().properties;
		expect(fields.map((field) => field.name)).toEqual([
			'apiToken',
			'baseUrl',
			'authorizationScheme',
		]);
		const scheme = fields[2];
		expect(scheme).toMatchObject({
			displayName: 'Authorization Scheme',
			type: 'options',
			default: 'none',
		});
		expect(scheme.options?.map((option) => 'value' in option && option.value)).toEqual([
			'none',
			'Bearer',
		]);
	});

	it('sends the raw token by default to GET /api/integrations/departments', async () => {
		const result = await testCredential('plugChatApi', {
			apiToken: plugChat.token,
			baseUrl: plugChat.url,
		});
		expect(result.status).toBe('OK');
		const request = plugChat.last();
		expect(request.path).toBe('/api/integrations/departments');
		expect(request.headers.authorization).toBe(plugChat.token);
	});

	it('sends "Bearer <token>" when the authorization scheme is Bearer', async () => {
		plugChat.acceptBearer = true;
		try {
			const result = await testCredential('plugChatApi', {
				apiToken: plugChat.token,
				baseUrl: plugChat.url,
				authorizationScheme: 'Bearer',
			});
			expect(result.status).toBe('OK');
			expect(plugChat.last().headers.authorization).toBe(`Bearer ${plugChat.token}`);
		} finally {
			plugChat.acceptBearer = false;
		}
	});

	it('fails with a bad token without leaking it', async () => {
		const badToken = 'pc-wrong-secret-987654';
		const result = await testCredential('plugChatApi', {
			apiToken: badToken,
			baseUrl: plugChat.url,
		});
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/authorization|credential/i);
		expect(JSON.stringify(result.message) + JSON.stringify(result.description ?? '')).not.toContain(
			badToken,
		);
	});
});

describe('digisacApi', () => {
	it.each(['', '/', '/api', '/api/', '/api/v1', '/api/v1/'])(
		'normalises the account URL ending in "%s"',
		async (suffix) => {
			const result = await testCredential('digisacApi', {
				accountUrl: `${digisac.url}${suffix}`,
				apiToken: digisac.token,
			});
			expect(result.status).toBe('OK');
			expect(digisac.last().path).toBe('/api/v1/me');
			expect(digisac.last().headers.authorization).toBe(`Bearer ${digisac.token}`);
			// The nodes' transport applies the same rule as the credential's test expression.
			expect(digisacRootUrl(`${digisac.url}${suffix}`)).toBe(digisac.url);
		},
	);

	it("fails with a bad token with Digisac's message and without the token", async () => {
		const badToken = 'dg-wrong-secret-987654';
		const result = await testCredential('digisacApi', {
			accountUrl: digisac.url,
			apiToken: badToken,
		});
		expect(result.status).toBe('Error');
		expect(`${result.message} ${result.description}`).toMatch(/Invalid token/);
		expect(`${result.message} ${result.description}`).not.toContain(badToken);
	});
});
