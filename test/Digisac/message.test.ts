import { StorageFake } from '../fakes/digisac/storage';
import { binaryInput, byId } from '../harness';

import { binaryBytes, queryOf, useDigisac } from './harness';

const { fake, run } = useDigisac();
const storage = new StorageFake();
beforeAll(async () => {
	await storage.start();
});
afterAll(async () => {
	await storage.stop();
});
beforeEach(() => storage.reset());

const connected = () => fake.state.services[0];
const disconnected = () => fake.state.services[1];

describe('message: send', () => {
	it('sends text to a contact with a real boolean dontOpenTicket, origin and acting user', async () => {
		const [contact] = fake.addContacts(1);
		const userId = fake.state.users[1].id;
		const result = await run({
			resource: 'message',
			operation: 'send',
			contactId: byId(contact.id),
			text: 'Olá! Seu boleto vence amanhã.',
			options: { dontOpenTicket: true, origin: 'bot', userId },
		});
		expect(result.error).toBeUndefined();
		const request = fake.last('POST', '/api/v1/messages');
		expect(request.headers['content-type']).toMatch(/application\/json/);
		expect(request.json).toEqual({
			type: 'chat',
			contactId: contact.id,
			text: 'Olá! Seu boleto vence amanhã.',
			origin: 'bot',
			userId,
			dontOpenTicket: true,
		});
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({
			contactId: contact.id,
			ticketId: null,
			userId,
			origin: 'bot',
		});
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});

	it('leaves dontOpenTicket out when it is off, so Digisac opens a ticket', async () => {
		const [contact] = fake.addContacts(1);
		await run({ resource: 'message', operation: 'send', contactId: contact.id, text: 'Oi' });
		expect(fake.last('POST', '/api/v1/messages').json).toEqual({
			type: 'chat',
			contactId: contact.id,
			text: 'Oi',
		});
	});

	it('sends to a phone number on a connection, normalised to digits with the country code', async () => {
		const result = await run({
			resource: 'message',
			operation: 'send',
			sendTo: 'number',
			number: '(11) 98765-4321',
			serviceId: connected().id,
			text: 'Primeiro contato',
		});
		expect(result.error).toBeUndefined();
		expect(fake.last('POST', '/api/v1/messages').json).toEqual({
			type: 'chat',
			number: '5511987654321',
			serviceId: connected().id,
			text: 'Primeiro contato',
		});
		expect(fake.state.contacts.map((c) => (c.data as { number: string }).number)).toEqual([
			'5511987654321',
		]);
	});

	it('refuses a number with letters before sending anything', async () => {
		const result = await run({
			resource: 'message',
			operation: 'send',
			sendTo: 'number',
			number: '11 9abc',
			serviceId: connected().id,
			text: 'x',
		});
		expect(result.error?.message).toBe('"Phone Number" is not a valid phone number');
		expect(fake.requests).toHaveLength(0);
	});

	it('sends an n8n binary file as {base64, mimetype, name}, and gets the same bytes back with Get', async () => {
		const [contact] = fake.addContacts(1);
		const pdf = Buffer.from('%PDF-1.4 boleto 123');
		const sent = await run(
			{
				resource: 'message',
				operation: 'send',
				contactId: contact.id,
				text: 'Segue o boleto',
				options: { binaryPropertyName: 'boleto' },
			},
			{
				items: [
					binaryInput({
						boleto: { content: pdf, fileName: 'boleto.pdf', mimeType: 'application/pdf' },
					}),
				],
			},
		);
		expect(sent.error).toBeUndefined();
		const body = fake.last('POST', '/api/v1/messages').json as Record<string, unknown>;
		expect(body.file).toEqual({
			base64: pdf.toString('base64'),
			mimetype: 'application/pdf',
			name: 'boleto.pdf',
		});
		expect(body.text).toBe('Segue o boleto');
		// As every recorded file send: no `type`, the server picks image/video/document.
		expect(body).not.toHaveProperty('type');
		expect(sent.items[0].json.type).toBe('document');

		const messageId = String(sent.items[0].json.id);
		const got = await run({
			resource: 'message',
			operation: 'get',
			messageId: byId(messageId),
			downloadFile: true,
		});
		expect(got.error).toBeUndefined();
		expect(binaryBytes(got.items[0])).toEqual(pdf);
		expect(got.items[0].binary?.data).toMatchObject({
			fileName: 'boleto.pdf',
			mimeType: 'application/pdf',
		});
	});

	it('sends a file without text (a caption is optional)', async () => {
		const [contact] = fake.addContacts(1);
		const result = await run(
			{
				resource: 'message',
				operation: 'send',
				contactId: contact.id,
				text: '',
				options: { binaryPropertyName: 'data' },
			},
			{
				items: [
					binaryInput({ data: { content: 'OggS', fileName: 'audio.ogg', mimeType: 'audio/ogg' } }),
				],
			},
		);
		expect(result.error).toBeUndefined();
		const body = fake.last('POST', '/api/v1/messages').json as Record<string, unknown>;
		expect(body.text).toBeUndefined();
		expect(body).not.toHaveProperty('type');
		expect(result.items[0].json.type).toBe('audio');
	});

	// A send with `type: "chat"` and a file is unrecorded: the fake plays both outcomes, and the
	// node's send (which leaves `type` out with a file) carries the file in both.
	it.each(['text-only', 'retype'] as const)(
		'attaches the file whatever the server would make of type "chat" with a file (%s)',
		async (mode) => {
			fake.chatWithFile = mode;
			const [contact] = fake.addContacts(1);
			const image = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
			const result = await run(
				{
					resource: 'message',
					operation: 'send',
					contactId: contact.id,
					text: 'Foto do produto',
					options: { binaryPropertyName: 'data' },
				},
				{
					items: [
						binaryInput({ data: { content: image, fileName: 'a.png', mimeType: 'image/png' } }),
					],
				},
			);
			expect(result.error).toBeUndefined();
			expect(result.items[0].json).toMatchObject({
				type: 'image',
				data: { fileDownload: { isDownloading: true } },
			});
			const stored = fake.state.messages[0] as { fileDescriptor?: { mimetype: string } };
			expect(stored.fileDescriptor?.mimetype).toBe('image/png');
		},
	);

	it('asks for text when there is neither text nor a file, without calling Digisac', async () => {
		const [contact] = fake.addContacts(1);
		const result = await run({
			resource: 'message',
			operation: 'send',
			contactId: contact.id,
			text: '  ',
		});
		expect(result.error?.message).toBe('"Text" is required');
		expect(result.error?.context?.itemIndex).toBe(0);
		expect(fake.requests).toHaveLength(0);
	});

	it('reports a disconnected connection ("Service (...) disconnected.") and never repeats the send', async () => {
		const [contact] = fake.addContacts(1, { serviceId: disconnected().id });
		const result = await run({
			resource: 'message',
			operation: 'send',
			contactId: contact.id,
			text: 'Oi',
		});
		expect(result.error?.message).toMatch(
			/^The WhatsApp connection “WhatsApp Suporte” is disconnected/,
		);
		expect(result.error?.description).toContain(`Service (${disconnected().id}) disconnected.`);
		expect(result.error?.httpCode).toBe('400');
		expect(fake.handled('POST', '/api/v1/messages')).toHaveLength(1);
		expect(fake.state.messages).toHaveLength(0);
	});
});

describe('message: sendComment and sendTemplate', () => {
	it('sends an internal comment as type "comment"', async () => {
		const [contact] = fake.addContacts(1);
		const result = await run({
			resource: 'message',
			operation: 'sendComment',
			contactId: byId(contact.id),
			text: 'Cliente pediu 2ª via\n',
			options: { origin: 'user' },
		});
		expect(result.error).toBeUndefined();
		expect(fake.last('POST', '/api/v1/messages').json).toEqual({
			type: 'comment',
			contactId: contact.id,
			text: 'Cliente pediu 2ª via\n',
			origin: 'user',
		});
	});

	it('sends a template with hsmId and the body and button parameters Digisac expects', async () => {
		const template = {
			id: '7a1e2b1c-0000-4000-8000-0000000000h1',
			name: 'cobranca',
			internalName: 'Cobrança',
			language: 'pt_BR',
			serviceId: connected().id,
			status: 'APPROVED',
		};
		fake.state.templates.push(template);
		const result = await run({
			resource: 'message',
			operation: 'sendTemplate',
			sendTo: 'number',
			number: '5511987654321',
			serviceId: connected().id,
			templateId: template.id,
			bodyParameters: { parameter: [{ text: 'Ana' }, { text: 'R$ 10,00' }] },
			buttonParameters: { button: [{ index: 0, subType: 'url', text: 'boleto/123' }] },
			options: { dontOpenTicket: true },
		});
		expect(result.error).toBeUndefined();
		expect(fake.last('POST', '/api/v1/messages').json).toEqual({
			type: 'chat',
			number: '5511987654321',
			serviceId: connected().id,
			hsmId: template.id,
			parameters: [
				{
					type: 'body',
					parameters: [
						{ type: 'text', text: 'Ana' },
						{ type: 'text', text: 'R$ 10,00' },
					],
				},
				{
					type: 'button',
					sub_type: 'url',
					index: 0,
					parameters: [{ type: 'text', text: 'boleto/123' }],
				},
			],
			files: [],
			uploadingFiles: false,
			dontOpenTicket: true,
		});
	});

	it('takes a raw parameters array, and refuses one that is not JSON', async () => {
		const template = {
			id: '7a1e2b1c-0000-4000-8000-0000000000h2',
			name: 'aviso',
			language: 'pt_BR',
			serviceId: connected().id,
		};
		fake.state.templates.push(template);
		const [contact] = fake.addContacts(1);
		const raw = [{ type: 'body', parameters: [{ type: 'text', text: 'X' }] }];
		const ok = await run({
			resource: 'message',
			operation: 'sendTemplate',
			contactId: contact.id,
			templateId: template.id,
			options: { parametersJson: JSON.stringify(raw) },
		});
		expect(ok.error).toBeUndefined();
		expect(
			(fake.last('POST', '/api/v1/messages').json as Record<string, unknown>).parameters,
		).toEqual(raw);

		fake.reset();
		const bad = await run({
			resource: 'message',
			operation: 'sendTemplate',
			contactId: contact.id,
			templateId: template.id,
			options: { parametersJson: '[{"type": body}]' },
		});
		expect(bad.error?.message).toBe('"Parameters (JSON)" is not valid JSON');
		expect(fake.requests).toHaveLength(0);
	});

	it("passes on Digisac's 404 for an unknown template", async () => {
		const [contact] = fake.addContacts(1);
		const result = await run({
			resource: 'message',
			operation: 'sendTemplate',
			contactId: contact.id,
			templateId: 'no-such-template',
		});
		expect(result.error?.message).toBe('Template no-such-template not found');
		expect(result.error?.httpCode).toBe('404');
	});
});

describe('message: get with media', () => {
	const photo = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);

	it('downloads a file on a storage host without sending the token there', async () => {
		const [contact] = fake.addContacts(1);
		const message = fake.addIncomingMessage(
			{ contactId: contact.id },
			{ name: 'foto.jpg', mimetype: 'image/jpeg', content: photo },
		);
		const { hostFileOn } = await import('../fakes/digisac/storage');
		hostFileOn(storage, fake, message);
		const result = await run({
			resource: 'message',
			operation: 'get',
			messageId: message.id,
			downloadFile: true,
			options: { binaryPropertyName: 'midia' },
		});
		expect(result.error).toBeUndefined();
		const apiRequest = fake.last('GET', `/api/v1/messages/${message.id}`);
		expect(apiRequest.query['include[0]']).toBe('file');
		expect(apiRequest.headers.authorization).toBe(`Bearer ${fake.token}`);
		expect(storage.requests).toHaveLength(1);
		expect(storage.requests[0].headers.authorization).toBeUndefined();
		expect(binaryBytes(result.items[0], 'midia')).toEqual(photo);
		expect(result.items[0].binary?.midia).toMatchObject({
			fileName: 'foto.jpg',
			mimeType: 'image/jpeg',
		});
		expect(result.items[0].json.id).toBe(message.id);
	});

	it("never sends the token to the fake's /storage route when the account is on another host name", async () => {
		const [contact] = fake.addContacts(1);
		const message = fake.addIncomingMessage(
			{ contactId: contact.id },
			{ name: 'nota.pdf', mimetype: 'application/pdf', content: Buffer.from('%PDF') },
		);
		// The account is "localhost", the file URL "127.0.0.1": different hosts, same fake server.
		const accountUrl = fake.url.replace('127.0.0.1', 'localhost');
		const result = await run(
			{ resource: 'message', operation: 'get', messageId: message.id, downloadFile: true },
			{ accountUrl },
		);
		expect(result.error).toBeUndefined();
		const download = fake.last('GET', /^\/storage\//);
		expect(download.headers.authorization).toBeUndefined();
		expect(fake.last('GET', `/api/v1/messages/${message.id}`).headers.authorization).toBe(
			`Bearer ${fake.token}`,
		);
		expect(binaryBytes(result.items[0]).toString()).toBe('%PDF');
	});

	it("keeps the token for a file on the account's own host", async () => {
		const [contact] = fake.addContacts(1);
		const message = fake.addIncomingMessage(
			{ contactId: contact.id },
			{ name: 'a.txt', mimetype: 'text/plain', content: Buffer.from('oi') },
		);
		const result = await run({
			resource: 'message',
			operation: 'get',
			messageId: message.id,
			downloadFile: true,
		});
		expect(result.error).toBeUndefined();
		expect(fake.last('GET', /^\/storage\//).headers.authorization).toBe(`Bearer ${fake.token}`);
	});

	it('waits for media Digisac is still downloading', async () => {
		const [contact] = fake.addContacts(1);
		const message = fake.addIncomingMessage(
			{ contactId: contact.id },
			{ name: 'voz.ogg', mimetype: 'audio/ogg', content: Buffer.from('OggS voz'), readyAfter: 2 },
		);
		const result = await run({
			resource: 'message',
			operation: 'get',
			messageId: message.id,
			downloadFile: true,
		});
		expect(result.error).toBeUndefined();
		expect(fake.handled('GET', `/api/v1/messages/${message.id}`)).toHaveLength(3);
		expect(binaryBytes(result.items[0]).toString()).toBe('OggS voz');
	});

	it('says so when the media never arrives, and still outputs the message', async () => {
		const [contact] = fake.addContacts(1);
		const message = fake.addIncomingMessage(
			{ contactId: contact.id },
			{ name: 'v.mp4', mimetype: 'video/mp4', content: Buffer.from('v'), readyAfter: 50 },
		);
		const result = await run({
			resource: 'message',
			operation: 'get',
			messageId: message.id,
			downloadFile: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].binary).toBeUndefined();
		expect(result.items[0].json.fileError).toMatch(/still being downloaded/);
		expect(fake.handled('GET', `/api/v1/messages/${message.id}`)).toHaveLength(5);
	});

	it('outputs a text message as JSON only, and without download asks for no file', async () => {
		const [contact] = fake.addContacts(1);
		const message = fake.addIncomingMessage({ contactId: contact.id, text: 'bom dia' });
		const plain = await run({ resource: 'message', operation: 'get', messageId: message.id });
		expect(plain.items[0].json.text).toBe('bom dia');
		expect(fake.last('GET', `/api/v1/messages/${message.id}`).query).toEqual({});
		const withDownload = await run({
			resource: 'message',
			operation: 'get',
			messageId: message.id,
			downloadFile: true,
		});
		expect(withDownload.items[0].binary).toBeUndefined();
		expect(withDownload.items[0].json.text).toBe('bom dia');
	});

	it("reports an unknown message with Digisac's envelope", async () => {
		const result = await run({ resource: 'message', operation: 'get', messageId: 'missing-id' });
		expect(result.error?.message).toBe('Message missing-id not found');
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.description).toMatch(/NotFoundHttpError/);
	});
});

describe('message: getAll', () => {
	it('pages with page + perPage until lastPage (250 messages, 3 pages)', async () => {
		const [contact] = fake.addContacts(1);
		for (let n = 0; n < 250; n++) fake.addIncomingMessage({ contactId: contact.id, text: `m${n}` });
		const result = await run({ resource: 'message', operation: 'getAll', returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(250);
		expect(new Set(result.items.map((i) => i.json.id)).size).toBe(250);
		expect(fake.requests.map((r) => [r.query.page, r.query.perPage])).toEqual([
			['1', '100'],
			['2', '100'],
			['3', '100'],
		]);
		expect(fake.requests.every((r) => r.query.limit === undefined)).toBe(true);
	});

	it('stops at the limit without asking for more pages', async () => {
		const [contact] = fake.addContacts(1);
		for (let n = 0; n < 60; n++) fake.addIncomingMessage({ contactId: contact.id, text: `m${n}` });
		const result = await run({
			resource: 'message',
			operation: 'getAll',
			returnAll: false,
			limit: 20,
		});
		expect(result.items).toHaveLength(20);
		expect(fake.requests).toHaveLength(1);
		expect(fake.requests[0].query.perPage).toBe('20');
	});

	it('builds the filters into query= and merges the raw query', async () => {
		const [a, b] = fake.addContacts(2);
		fake.addIncomingMessage({ contactId: a.id, text: 'Quero o BOLETO' });
		fake.addIncomingMessage({ contactId: a.id, text: 'obrigado' });
		fake.addIncomingMessage({ contactId: b.id, text: 'boleto também' });
		const result = await run({
			resource: 'message',
			operation: 'getAll',
			returnAll: true,
			filters: {
				contactId: byId(a.id),
				direction: 'received',
				search: 'boleto',
				type: 'chat',
				startDate: '2000-01-01T00:00:00Z',
			},
			options: { query: '{"where": {"visible": {"$ne": false}}, "order": [["timestamp", "ASC"]]}' },
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.text)).toEqual(['Quero o BOLETO']);
		expect(queryOf(fake.last('GET', '/api/v1/messages'))).toEqual({
			where: {
				contactId: a.id,
				type: 'chat',
				isFromMe: false,
				text: { $iLike: '%boleto%' },
				timestamp: { $gte: '2000-01-01T00:00:00.000Z' },
				visible: { $ne: false },
			},
			order: [['timestamp', 'ASC']],
		});
	});

	it('refuses a raw query that is not JSON, with a clear message and no request', async () => {
		const result = await run({
			resource: 'message',
			operation: 'getAll',
			returnAll: true,
			options: { query: '{where: 1}' },
		});
		expect(result.error?.message).toBe('"Query (JSON)" is not valid JSON');
		expect(result.error?.description).toMatch(/Example of valid JSON/);
		expect(fake.requests).toHaveLength(0);
	});

	it('refuses a period that ends before it starts', async () => {
		const result = await run({
			resource: 'message',
			operation: 'getAll',
			returnAll: true,
			filters: { startDate: '2024-01-01', endDate: '2023-01-02' },
		});
		expect(result.error?.message).toBe('The start of the period is after its end');
		expect(fake.requests).toHaveLength(0);
	});
});
