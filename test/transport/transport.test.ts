import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { DEFAULT_RETRY_POLICY } from '../../nodes/shared/retry';
import { DigisacFake } from '../fakes/digisac';
import { PlugChatFake } from '../fakes/plugchat';
import { TomTicketFake } from '../fakes/tomticket';
import { binaryInput, runNode } from '../harness';
import { TransportProbe } from '../harness/transportProbe';

const tomTicket = new TomTicketFake();
const plugChat = new PlugChatFake();
const digisac = new DigisacFake();
const probe = new TransportProbe();

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
	tomTicket.state.tickets = [];
	digisac.state.contacts = [];
	digisac.state.messages = [];
});

function credentials() {
	return {
		tomTicketApi: { apiToken: tomTicket.token, baseUrl: tomTicket.url },
		plugChatApi: { apiToken: plugChat.token, baseUrl: plugChat.url },
		digisacApi: { apiToken: digisac.token, accountUrl: `${digisac.url}/api/v1` },
	};
}

async function probeRun(
	parameters: INodeParameters,
	options: {
		items?: INodeExecutionData[];
		continueOnFail?: boolean;
		credentials?: ReturnType<typeof credentials>;
	} = {},
) {
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
		credentials: options.credentials ?? credentials(),
		items: options.items,
		continueOnFail: options.continueOnFail,
	});
}

const sendMessage = { service: 'digisac', method: 'POST', path: '/api/v1/messages' };

describe('retries', () => {
	it('waits for Retry-After on a 429 and then succeeds', async () => {
		digisac.failNext({
			status: 429,
			body: { error: 'TooManyRequests', message: 'slow down', status: 429 },
			headers: { 'Retry-After': '1' },
		});
		const started = Date.now();
		const result = await probeRun({ service: 'digisac', path: '/api/v1/me' });
		expect(result.error).toBeUndefined();
		expect(Date.now() - started).toBeGreaterThanOrEqual(950);
		expect(digisac.requests.map((r) => r.status)).toEqual([429, 200]);
		expect(result.items[0].json.accountId).toBeDefined();
	});

	it('repeats a send refused with 429: the platform did not process it', async () => {
		digisac.addContacts(1);
		digisac.failNext('429');
		const result = await probeRun({
			...sendMessage,
			body: JSON.stringify({ contactId: digisac.state.contacts[0].id, text: 'Olá' }),
		});
		expect(result.error).toBeUndefined();
		expect(digisac.state.messages).toHaveLength(1);
		expect(digisac.requests).toHaveLength(2);
	});

	it('retries a GET after a 502 and after a dropped connection, with capped backoff', async () => {
		digisac.failNext('502').failNext('drop');
		const result = await probeRun({ service: 'digisac', path: '/api/v1/me' });
		expect(result.error).toBeUndefined();
		expect(digisac.requests).toHaveLength(3);
	});

	it('never repeats a send after a 502: it may have been processed', async () => {
		digisac.addContacts(1);
		digisac.failNext('502-after');
		const result = await probeRun({
			...sendMessage,
			body: JSON.stringify({ contactId: digisac.state.contacts[0].id, text: 'Olá' }),
		});
		expect(result.error?.message).toMatch(/Bad gateway/i);
		expect(digisac.requests).toHaveLength(1);
		expect(digisac.state.messages).toHaveLength(1);
	});

	it('never repeats a send after the connection dropped, and says why', async () => {
		digisac.addContacts(1);
		digisac.failNext('drop-after');
		const result = await probeRun({
			...sendMessage,
			body: JSON.stringify({ contactId: digisac.state.contacts[0].id, text: 'Olá' }),
		});
		expect(result.error?.message).toBe('The connection to Digisac failed');
		expect(result.error?.description).toMatch(/not sent again/);
		expect(digisac.requests).toHaveLength(1);
		expect(digisac.state.messages).toHaveLength(1);
	});

	it('retries a send when the connection was refused (nothing was sent), then reports it', async () => {
		const deadUrl = 'http://127.0.0.1:9'; // discard port: nothing listens
		const result = await probeRun(
			{ ...sendMessage, body: JSON.stringify({ text: 'x' }) },
			{
				credentials: {
					...credentials(),
					digisacApi: { apiToken: digisac.token, accountUrl: deadUrl },
				},
			},
		);
		expect(result.error?.message).toBe('Could not connect to Digisac');
		expect(result.error?.description).toMatch(
			new RegExp(`^ECONNREFUSED: .*Tried ${DEFAULT_RETRY_POLICY.maxAttempts} time`),
		);
	});

	it('gives up after maxAttempts on a GET that keeps failing', async () => {
		digisac.failNext('503', 10);
		const result = await probeRun({ service: 'digisac', path: '/api/v1/me' });
		expect(result.error?.message).toBe('503 Service Temporarily Unavailable');
		expect(digisac.requests).toHaveLength(DEFAULT_RETRY_POLICY.maxAttempts);
	});
});

describe('error mapping', () => {
	it("carries Digisac's own message, the status and the item index", async () => {
		digisac.addContacts(1);
		digisac.state.services[0].data = { status: { isConnected: false } };
		try {
			const result = await probeRun({
				...sendMessage,
				body: JSON.stringify({ contactId: digisac.state.contacts[0].id, text: 'Olá' }),
			});
			// The message is in the user's terms; Digisac's own text stays in the description.
			expect(result.error?.message).toMatch(/is disconnected in Digisac: reconnect it/);
			expect(result.error?.httpCode).toBe('400');
			expect(result.error?.description).toContain(
				`Service (${digisac.state.services[0].id}) disconnected.`,
			);
			expect(result.error?.description).toMatch(/BadRequestHttpError/);
			expect(result.error?.context?.itemIndex).toBe(0);
		} finally {
			digisac.state.services[0].data = { status: { isConnected: true } };
		}
	});

	it("turns TomTicket's HTTP 200 with error:true into an error with its message", async () => {
		tomTicket.failNext({
			status: 200,
			body: { error: true, message: 'Departamento não encontrado.', success: false },
		});
		const result = await probeRun({ service: 'tomTicket', path: '/department/list' });
		expect(result.error?.message).toBe('Departamento não encontrado.');
		expect(result.error?.description).toMatch(/although it answered HTTP 200/);
	});

	it("retries TomTicket's HTML 429 page and never shows it raw", async () => {
		tomTicket.failNext(
			{
				status: 429,
				raw: '<html><head><title>429 Too Many Requests</title></head></html>',
				headers: { 'content-type': 'text/html' },
			},
			100_000,
		);
		// 429s go again until the time budget is spent: 200 ms here instead of 90 s.
		const retry = jest.requireMock<typeof import('../../nodes/shared/retry')>(
			'../../nodes/shared/retry',
		);
		const budget = jest.replaceProperty(retry, 'DEFAULT_RETRY_POLICY', {
			...retry.DEFAULT_RETRY_POLICY,
			maxTotalWaitMs: 200,
		});
		const result = await probeRun({ service: 'tomTicket', path: '/department/list' });
		budget.restore();
		expect(result.error?.message).toBe(
			'TomTicket rate limit reached (3 requests per second per token)',
		);
		expect(`${result.error?.message}${result.error?.description}`).not.toMatch(/<html|<title/);
		expect(tomTicket.requests.length).toBeGreaterThan(DEFAULT_RETRY_POLICY.maxAttempts);
		expect(result.error?.description).toMatch(/retry budget of 0\.2 s per request/);
		// Paced at 1 request/s once the 429s halved the pace: about 15 s.
	}, 60_000);

	it("explains PlugChat's 415 with the documented meaning", async () => {
		plugChat.failNext({ status: 415, body: { message: 'Unsupported Media Type' } });
		const result = await probeRun({ service: 'plugChat', path: '/api/integrations/departments' });
		expect(result.error?.message).toBe('Unsupported Media Type');
		expect(result.error?.description).toMatch(/Content-Type: application\/json/);
	});

	it('never puts the token in an error, even when the platform echoes it', async () => {
		digisac.failNext({
			status: 400,
			body: {
				error: 'BadRequestHttpError',
				message: `token ${digisac.token} is not allowed here`,
				status: 400,
			},
		});
		const result = await probeRun({ service: 'digisac', path: '/api/v1/me' });
		const everything = JSON.stringify({
			error: result.error,
			message: result.error?.message,
			description: result.error?.description,
			items: result.items,
		});
		expect(everything).not.toContain(digisac.token);
		expect(result.error?.message).toContain('***');
	});

	it('with Continue On Fail, a failing item becomes an error item and the others go on', async () => {
		digisac.failNext(
			{
				status: 404,
				body: { error: 'NotFoundHttpError', message: 'Contact not found', status: 404 },
			},
			1,
			(r) => r.path.endsWith('/missing'),
		);
		digisac.addContacts(2);
		const [a, b] = digisac.state.contacts;
		const result = await probeRun(
			{ service: 'digisac', path: '={{ "/api/v1/contacts/" + $json.id }}' },
			{
				items: [{ json: { id: a.id } }, { json: { id: 'missing' } }, { json: { id: b.id } }],
				continueOnFail: true,
			},
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(result.items[0].json.id).toBe(a.id);
		expect(result.items[1].json.error).toBe('Contact not found');
		expect(result.items[1].json.httpCode).toBe('404');
		expect(result.items[2].json.id).toBe(b.id);
	});
});

describe('multipart', () => {
	it('sends fields and n8n binary files as multipart/form-data', async () => {
		const pdf = Buffer.from('%PDF-1.4 fake boleto');
		const result = await probeRun(
			{
				service: 'tomTicket',
				method: 'POST',
				path: '/ticket/new',
				form: JSON.stringify({
					customer_id: 'CPF-123',
					department_id: 'dep-suporte',
					subject: 'Boleto',
					message: 'Segue o boleto',
					'custom_field[cf-contrato]': '42',
				}),
				binaryPropertyName: 'boleto, foto',
			},
			{
				items: [
					binaryInput({
						boleto: { content: pdf, fileName: 'boleto.pdf', mimeType: 'application/pdf' },
						foto: { content: 'JPEGDATA', fileName: 'foto.jpg', mimeType: 'image/jpeg' },
					}),
				],
			},
		);
		expect(result.error).toBeUndefined();
		const request = tomTicket.last('POST', '/ticket/new');
		expect(request.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
		expect(request.form?.subject).toEqual(['Boleto']);
		expect(request.form?.['custom_field[cf-contrato]']).toEqual(['42']);
		expect(request.form?.['attachment[0]']).toEqual([
			expect.objectContaining({
				fileName: 'boleto.pdf',
				mimeType: 'application/pdf',
				content: pdf,
			}),
		]);
		expect(request.form?.['attachment[1]']).toEqual([
			expect.objectContaining({ fileName: 'foto.jpg', mimeType: 'image/jpeg' }),
		]);
		expect(result.items[0].json.ticket_id).toBe(tomTicket.state.tickets[0].id);
	});

	it('reports a missing binary property with the item index and what is there', async () => {
		const result = await probeRun(
			{
				service: 'tomTicket',
				method: 'POST',
				path: '/ticket/new',
				form: '{"subject":"x"}',
				binaryPropertyName: 'anexo',
			},
			{
				items: [binaryInput({ data: { content: 'x', fileName: 'a.txt', mimeType: 'text/plain' } })],
			},
		);
		expect(result.error?.message).toBe('Item 0 has no binary property "anexo"');
		expect(result.error?.description).toMatch(/data/);
		expect(tomTicket.requests).toHaveLength(0);
	});

	it('the TomTicket fake refuses a JSON body with a bare 401, as the API does', async () => {
		const result = await probeRun({
			service: 'tomTicket',
			method: 'POST',
			path: '/ticket/new',
			body: '{"subject":"x"}',
		});
		expect(result.error?.httpCode).toBe('401');
		expect(tomTicket.state.tickets).toHaveLength(0);
	});
});

describe('paging', () => {
	it("walks TomTicket's 50-per-page list to the end (130 tickets, 3 pages)", async () => {
		tomTicket.addTickets(130);
		const result = await probeRun({ service: 'tomTicket', path: '/ticket/list', mode: 'all' });
		expect(result.items).toHaveLength(130);
		expect(tomTicket.requests.map((r) => r.query.page)).toEqual(['1', '2', '3']);
		expect(new Set(result.items.map((i) => i.json.id)).size).toBe(130);
	});

	it('walks Digisac with page + perPage until lastPage (250 contacts, 3 pages)', async () => {
		digisac.addContacts(250);
		const result = await probeRun({ service: 'digisac', path: '/api/v1/contacts', mode: 'all' });
		expect(result.items).toHaveLength(250);
		expect(digisac.requests.map((r) => [r.query.page, r.query.perPage])).toEqual([
			['1', '100'],
			['2', '100'],
			['3', '100'],
		]);
	});

	it('stops as soon as the limit is reached', async () => {
		digisac.addContacts(250);
		const result = await probeRun({
			service: 'digisac',
			path: '/api/v1/contacts',
			mode: 'all',
			limit: 120,
		});
		expect(result.items).toHaveLength(120);
		expect(digisac.requests).toHaveLength(2);
	});

	it('walks PlugChat bare-array pages until an empty page', async () => {
		plugChat.state.chats = Array.from({ length: 120 }, (_, n) => ({
			phone: `55119${String(n).padStart(8, '0')}`,
			name: `Chat ${n}`,
		}));
		const result = await probeRun({
			service: 'plugChat',
			path: '/api/whatsapp/chats',
			mode: 'all',
		});
		expect(result.items).toHaveLength(120);
		expect(plugChat.requests.map((r) => r.query.page)).toEqual(['1', '2', '3']);
	});
});

describe('rate limit and timeout', () => {
	it('keeps TomTicket under 3 requests per second across items', async () => {
		const items = Array.from({ length: 8 }, () => ({ json: {} }));
		const result = await probeRun({ service: 'tomTicket', path: '/department/list' }, { items });
		expect(result.error).toBeUndefined();
		expect(tomTicket.requests.every((r) => r.status === 200)).toBe(true);
		const times = tomTicket.requests.map((r) => r.time);
		for (let i = 3; i < times.length; i++)
			expect(times[i] - times[i - 3]).toBeGreaterThanOrEqual(1000);
	});

	it('fails within the configured timeout when the platform never answers', async () => {
		digisac.failNext('hang');
		const started = Date.now();
		const result = await probeRun({
			service: 'digisac',
			path: '/api/v1/me',
			requestOptions: { timeout: 300 } as never,
		});
		const elapsed = Date.now() - started;
		expect(result.error?.message).toBe('Digisac did not answer within 300 ms');
		expect(elapsed).toBeLessThan(2000);
		expect(digisac.requests).toHaveLength(1);
	});
});
