/**
 * Real Digisac traffic through the real node code: each test sends the request the recording was
 * made with, answers it with the recorded body (test/fixtures/digisac, sources in its README) and
 * checks what a user would map from the output.
 */
import { readFileSync } from 'fs';
import { join } from 'path';

import type { IDataObject } from 'n8n-workflow';

import type { RecordedRequest } from '../fakes/fakeServer';
import { deliverWebhook, runWebhookMethod } from '../harness';

import { nodeState, secretQuery, triggerSetup, useDigisac } from './harness';

const { fake, run } = useDigisac();

function recorded(name: string): IDataObject {
	const path = join(__dirname, '..', 'fixtures', 'digisac', name);
	return JSON.parse(readFileSync(path, 'utf8')) as IDataObject;
}

/** The next request of this method and path gets the recorded body with its status. */
function replay(method: string, path: string | RegExp, file: string, status = 200) {
	const matches = (request: RecordedRequest) =>
		request.method === method &&
		(typeof path === 'string' ? request.path === path : path.test(request.path));
	fake.failNext({ status, body: recorded(file) }, 1, matches);
}

const RECORDED_CONTACT = '9c0007c1-83a5-4d1d-a96e-ee164b1b8f62';
const RECORDED_SERVICE = 'df91e9f9-1313-49fa-95ca-daa4061e604e';

describe('recorded sends', () => {
	it('a text send: the message Digisac answered is the output item', async () => {
		replay('POST', '/api/v1/messages', 'send-message-chat-200.json');
		const result = await run({
			resource: 'message',
			operation: 'send',
			contactId: 'f8d0e7af-cbca-4242-6552-bb4f9dee7f66',
			text: 'Hello',
		});
		expect(result.error).toBeUndefined();
		expect(fake.last('POST', '/api/v1/messages').json).toMatchObject({
			contactId: 'f8d0e7af-cbca-4242-6552-bb4f9dee7f66',
			text: 'Hello',
		});
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toEqual(recorded('send-message-chat-200.json'));
		expect(result.items[0].json).toMatchObject({
			id: 'a146946c-8c0b-4c4f-83ac-5505e0e077e4',
			type: 'chat',
			ticketId: 'c4205fbb-f9c0-41b1-9a65-4479817e6ebe',
		});
	});

	it("a send with Don't Open Ticket: a real boolean, echoed in data", async () => {
		replay('POST', '/api/v1/messages', 'send-message-dontopenticket-200.json');
		const result = await run({
			resource: 'message',
			operation: 'send',
			contactId: '46d74e7e-e9d2-4dc0-9964-2592999f311d',
			text: 'Hello',
			options: { dontOpenTicket: true },
		});
		expect(fake.last('POST', '/api/v1/messages').json).toMatchObject({ dontOpenTicket: true });
		expect(result.items[0].json).toMatchObject({ data: { dontOpenTicket: true } });
	});

	it('an image send: no type sent, the server answers type "image"', async () => {
		replay('POST', '/api/v1/messages', 'send-message-image-dontopenticket-200.json');
		const png = Buffer.from('89504e470d0a1a0a', 'hex');
		const result = await run(
			{
				resource: 'message',
				operation: 'send',
				contactId: RECORDED_CONTACT,
				text: 'Hello',
				options: { binaryPropertyName: 'data', dontOpenTicket: true },
			},
			{
				items: [
					{
						json: {},
						binary: {
							data: { data: png.toString('base64'), mimeType: 'image/png', fileName: 'a.png' },
						},
					},
				],
			},
		);
		const sent = fake.last('POST', '/api/v1/messages').json as IDataObject;
		expect(sent).not.toHaveProperty('type');
		expect(sent.file).toEqual({
			base64: png.toString('base64'),
			mimetype: 'image/png',
			name: 'a.png',
		});
		expect(result.items[0].json).toMatchObject({
			type: 'image',
			data: { fileDownload: { isDownloading: true } },
		});
	});
});

describe('recorded lists', () => {
	it('a contact search by number: the real envelope of 8 records on one page takes 1 request', async () => {
		replay('GET', '/api/v1/contacts', 'list-contacts-by-number-200.json');
		const result = await run({
			resource: 'contact',
			operation: 'getAll',
			returnAll: true,
			filters: { search: '90333696' },
		});
		expect(result.error).toBeUndefined();
		expect(fake.handled('GET', '/api/v1/contacts')).toHaveLength(0);
		expect(fake.requests.filter((r) => r.path === '/api/v1/contacts')).toHaveLength(1);
		expect(result.items).toHaveLength(8);
		expect(result.items.map((item) => (item.json.data as IDataObject).number)).toEqual(
			Array(8).fill('554190333696'),
		);
	});

	it('page 1 of 8 messages honours a limit of 10 without asking for page 2', async () => {
		replay('GET', '/api/v1/messages', 'list-messages-page1-of-8-200.json');
		const result = await run({
			resource: 'message',
			operation: 'getAll',
			returnAll: false,
			limit: 10,
			filters: { contactId: RECORDED_CONTACT },
		});
		expect(result.error).toBeUndefined();
		expect(fake.requests.filter((r) => r.path === '/api/v1/messages')).toHaveLength(1);
		expect(result.items).toHaveLength(10);
		expect(result.items[0].json).toMatchObject({ id: '93518598-e3f3-4159-a53c-3970bdfb5f89' });
	});

	it('Return All follows lastPage: 8 pages of the recorded envelope', async () => {
		const page = recorded('list-messages-page1-of-8-200.json');
		for (let n = 1; n <= 8; n++) {
			// The recorded page 1 standing in for each page, its records made distinct per page.
			const data = (page.data as IDataObject[]).map((m) => ({ ...m, id: `${String(m.id)}-${n}` }));
			const body = { ...page, data, currentPage: n, skip: (n - 1) * 15, from: (n - 1) * 15 };
			fake.failNext({ status: 200, body }, 1, (r) => r.path === '/api/v1/messages');
		}
		const result = await run({ resource: 'message', operation: 'getAll', returnAll: true });
		expect(result.error).toBeUndefined();
		expect(fake.requests.map((r) => r.query.page)).toEqual([
			'1',
			'2',
			'3',
			'4',
			'5',
			'6',
			'7',
			'8',
		]);
		expect(result.items).toHaveLength(8 * 15);
	});
});

describe('recorded contacts', () => {
	it('get: the bare object is the output item', async () => {
		replay('GET', `/api/v1/contacts/${RECORDED_CONTACT}`, 'get-contact-200.json');
		const result = await run({
			resource: 'contact',
			operation: 'get',
			contactId: RECORDED_CONTACT,
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({
			id: RECORDED_CONTACT,
			internalName: '41990333696',
			data: { number: '554190333696' },
		});
	});

	it('create: the contact Digisac answered, with its id and the number as stored', async () => {
		replay('POST', '/api/v1/contacts', 'create-contact-200.json');
		fake.state.services.push({
			id: RECORDED_SERVICE,
			name: 'WhatsApp',
			type: 'whatsapp',
			data: {},
		});
		const result = await run({
			resource: 'contact',
			operation: 'create',
			number: '5541990333696',
			serviceId: RECORDED_SERVICE,
			additionalFields: { internalName: 'Test' },
		});
		expect(result.error).toBeUndefined();
		expect(fake.last('POST', '/api/v1/contacts').json).toEqual({
			internalName: 'Test',
			number: '5541990333696',
			serviceId: RECORDED_SERVICE,
		});
		expect(result.items[0].json).toMatchObject({
			id: 'ea0277f1-d719-4f38-8cf6-3f185e5d046f',
			data: { valid: true, number: '554190333696' },
		});
	});

	it('create answered 200 with valid: false: the item fails, naming the number', async () => {
		replay('POST', '/api/v1/contacts', 'create-contact-invalid-number-200.json');
		fake.state.services.push({
			id: RECORDED_SERVICE,
			name: 'WhatsApp',
			type: 'whatsapp',
			data: {},
		});
		const result = await run(
			{
				resource: 'contact',
				operation: 'create',
				number: '5599992150119',
				serviceId: RECORDED_SERVICE,
			},
			{ continueOnFail: true },
		);
		expect(result.items).toHaveLength(1);
		expect(String(result.items[0].json.error)).toMatch(
			/does not know 5599992150119 as a WhatsApp number/,
		);
		expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
	});

	it('update of the tags: PUT {tagIds}, and the updated contact out', async () => {
		const contactId = 'dfa57906-2252-4e4b-b3e2-369414f6c2b4';
		replay('PUT', `/api/v1/contacts/${contactId}`, 'update-contact-tagids-200.json');
		const tag = fake.state.tags[0].id;
		const result = await run({
			resource: 'contact',
			operation: 'update',
			contactId,
			updateFields: { tagIds: [tag] },
		});
		expect(result.error).toBeUndefined();
		expect(fake.last('PUT').json).toEqual({ tagIds: [tag] });
		expect(result.items[0].json).toMatchObject({ id: contactId, data: { valid: true } });
	});
});

describe('recorded errors', () => {
	it('400 on a send to a disconnected connection: the platform message, sent once', async () => {
		replay('POST', '/api/v1/messages', 'send-message-service-disconnected-400.json', 400);
		fake.state.services.push({
			id: '2dce8720-e20c-485a-acfe-263c251f7cae',
			name: 'WhatsApp Suporte',
			type: 'whatsapp',
			data: { status: { isConnected: false } },
		});
		const result = await run({
			resource: 'message',
			operation: 'send',
			contactId: 'f8d0e7af-cbca-4242-6552-bb4f9dee7f66',
			text: 'Hello',
		});
		expect(result.error?.httpCode).toBe('400');
		expect(result.error?.message).toBe(
			'The WhatsApp connection “WhatsApp Suporte” is disconnected in Digisac: reconnect it under Connections',
		);
		// Digisac's own text stays in the description.
		expect(result.error?.description).toContain(
			'Service (2dce8720-e20c-485a-acfe-263c251f7cae) disconnected.',
		);
		expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
	});

	it('401: Digisac\'s message, "check the token", and no retry', async () => {
		replay(
			'GET',
			`/api/v1/contacts/${RECORDED_CONTACT}`,
			'get-contact-not-authorized-401.json',
			401,
		);
		const result = await run({
			resource: 'contact',
			operation: 'get',
			contactId: RECORDED_CONTACT,
		});
		expect(result.error?.httpCode).toBe('401');
		expect(result.error?.message).toBe(
			'Digisac refused the API token (invalid, expired or revoked): check the API Token in the Digisac credential',
		);
		expect(result.error?.description).toContain('Invalid token: access token is invalid');
		expect(fake.requests).toHaveLength(1);
	});

	it('500 on a contact delete: the platform message, and nothing repeated', async () => {
		const [contact] = fake.addContacts(1);
		replay('DELETE', `/api/v1/contacts/${contact.id}`, 'delete-contact-500.json', 500);
		fake.failNext({ status: 200, body: contact }, 1, (r) => r.method === 'GET');
		const result = await run({ resource: 'contact', operation: 'delete', contactId: contact.id });
		expect(result.error?.message).toBe("Cannot read property 'id' of null");
		expect(result.error?.httpCode).toBe('500');
		expect(fake.requests.filter((r) => r.method === 'DELETE')).toHaveLength(1);
	});
});

describe('the recorded bot.command delivery through the trigger', () => {
	it('starts the workflow with the command, the contact and the message text to map', async () => {
		const delivery = recorded('webhook-bot-command-delivery.json');
		const setup = triggerSetup(fake, { events: ['bot.command'] });
		await runWebhookMethod(setup, 'create');
		// Digisac answers our registration with the id the recorded delivery carries.
		nodeState(setup).digisacWebhookId = String(delivery.webhookId);
		fake.reset();

		const result = await deliverWebhook(setup, { body: delivery, query: secretQuery(setup) });
		const items = result.response.workflowData?.[0] ?? [];
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			event: 'bot.command',
			command: 'set-mail',
			contactId: '35cfdd38-a876-4864-93ea-37c7baaa42be',
			timestamp: '2020-09-03T19:36:09.570Z',
			message: { text: '33558187@example.com', serviceId: '04548901-029f-4ca6-8f1f-98dcf12cd874' },
		});
	});
});
