import type { INodeParameters, INodeType } from 'n8n-workflow';

import { PlugChatApi } from '../../credentials/PlugChatApi.credentials';
import { Digisac } from '../../nodes/Digisac/Digisac.node';
import { digisacRootUrl } from '../../nodes/Digisac/transport';
import { PlugChat } from '../../nodes/PlugChat/PlugChat.node';
import { TomTicket } from '../../nodes/TomTicket/TomTicket.node';
import { DigisacFake } from '../fakes/digisac';
import type { FakeServer } from '../fakes/fakeServer';
import { PlugChatFake } from '../fakes/plugchat';
import { TomTicketFake } from '../fakes/tomticket';
import { runNode, testCredential } from '../harness';

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

/**
 * Runs a node with a wrong token against a fake that echoes the Authorization header it got in
 * its refusal (fake.echoToken), and returns everything the error shows. Our transport redacts the
 * token (redactSecret): without it, the token would be in the text.
 */
async function refusedRun(
	nodeType: INodeType,
	fake: FakeServer,
	credentials: Record<string, Record<string, string>>,
	parameters: INodeParameters,
): Promise<string> {
	fake.echoToken = true;
	const run = await runNode({ nodeType, parameters, credentials });
	expect(run.error).toBeDefined();
	return `${run.error?.message} ${run.error?.description}`;
}

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

	it('fails with a bad token, with a readable message', async () => {
		const result = await testCredential('tomTicketApi', {
			apiToken: 'tt-wrong-secret-987654',
			baseUrl: tomTicket.url,
		});
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/authorization|credential/i);
	});

	it('keeps a bad token out of a node error, even when TomTicket echoes it', async () => {
		const badToken = 'tt-wrong-secret-987654';
		const shown = await refusedRun(
			new TomTicket(),
			tomTicket,
			{ tomTicketApi: { apiToken: badToken, baseUrl: tomTicket.url } },
			{ resource: 'department', operation: 'getAll', returnAll: true, requestOptions: {} },
		);
		expect(shown).toContain('Token de acesso inválido. (received Authorization: Bearer ***)');
		expect(shown).not.toContain(badToken);
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
		plugChat.authForm = 'bearer';
		try {
			const result = await testCredential('plugChatApi', {
				apiToken: plugChat.token,
				baseUrl: plugChat.url,
				authorizationScheme: 'Bearer',
			});
			expect(result.status).toBe('OK');
			expect(plugChat.last().headers.authorization).toBe(`Bearer ${plugChat.token}`);
		} finally {
			plugChat.authForm = 'raw';
		}
	});

	it('fails with a bad token, with a readable message', async () => {
		const result = await testCredential('plugChatApi', {
			apiToken: 'pc-wrong-secret-987654',
			baseUrl: plugChat.url,
		});
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/authorization|credential/i);
	});

	it('keeps a bad token out of a node error, even when PlugChat echoes it', async () => {
		const badToken = 'pc-wrong-secret-987654';
		const shown = await refusedRun(
			new PlugChat(),
			plugChat,
			{ plugChatApi: { apiToken: badToken, baseUrl: plugChat.url } },
			{ resource: 'department', operation: 'getAll', returnAll: true },
		);
		expect(shown).toContain('Unauthorized (received Authorization: ***)');
		expect(shown).not.toContain(badToken);
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

	it.each(['/v1', '/v1/'])(
		'tests a legacy account URL ending in "%s" on <host>/v1/me',
		async (suffix) => {
			digisac.legacyApi = true;
			digisac.legacyPaths.length = 0;
			try {
				const result = await testCredential('digisacApi', {
					accountUrl: `${digisac.url}${suffix}`,
					apiToken: digisac.token,
				});
				expect(result.status).toBe('OK');
				expect(digisac.legacyPaths).toEqual(['/v1/me']);
			} finally {
				digisac.legacyApi = false;
			}
		},
	);

	it("fails with a bad token with Digisac's message", async () => {
		const result = await testCredential('digisacApi', {
			accountUrl: digisac.url,
			apiToken: 'dg-wrong-secret-987654',
		});
		expect(result.status).toBe('Error');
		expect(`${result.message} ${result.description}`).toMatch(/Invalid token/);
	});

	it('keeps a bad token out of a node error, even when Digisac echoes it', async () => {
		const badToken = 'dg-wrong-secret-987654';
		const shown = await refusedRun(
			new Digisac(),
			digisac,
			{ digisacApi: { accountUrl: digisac.url, apiToken: badToken } },
			{ resource: 'tag', operation: 'getAll', returnAll: true },
		);
		expect(shown).toContain(
			'Invalid token: access token is invalid (received Authorization: Bearer ***)',
		);
		expect(shown).not.toContain(badToken);
	});
});
