import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { FILE_WAIT_POLICY } from '../../nodes/shared/retry';
import type { Row } from '../fakes/digisac';
import { captureDelivery } from '../fakes/digisac/deliveryCapture';
import { hostFileOn, StorageFake } from '../fakes/digisac/storage';
import type { NodeSetup } from '../harness';
import { deliverWebhook, runWebhookMethod } from '../harness';

import { nodeState, secretQuery, triggerSetup, useDigisacTrigger } from './harness';

const { fake } = useDigisacTrigger();
const storage = new StorageFake();
const PHOTO = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);
const VOICE = Buffer.from('OggS\u0000\u0002voice-note-bytes');

beforeAll(async () => {
	await storage.start();
});
afterAll(async () => {
	await storage.stop();
});
beforeEach(() => storage.reset());

async function activeTrigger(parameters: INodeParameters = {}, overrides: Partial<NodeSetup> = {}) {
	const setup = triggerSetup(fake, { options: { downloadMedia: true }, ...parameters }, overrides);
	await runWebhookMethod(setup, 'create');
	fake.reset();
	return setup;
}

async function deliver(
	setup: NodeSetup & { staticData: IDataObject },
	message: Row,
	event = 'message.created',
) {
	const { body } = await captureDelivery(
		fake,
		nodeState(setup).digisacWebhookId!,
		event,
		fake.presentMessage(message, false),
	);
	const result = await deliverWebhook(setup, { body, query: secretQuery(setup) });
	const items = result.response.workflowData?.[0] ?? [];
	expect(items).toHaveLength(1);
	return { ...result, item: items[0] };
}

function photoMessage(readyAfter?: number): Row {
	const contact = fake.addContacts(1)[0];
	return fake.addIncomingMessage(
		{ contactId: contact.id, fromId: contact.id, text: 'segue a foto' },
		{ name: 'foto.jpg', mimetype: 'image/jpeg', content: PHOTO, readyAfter },
	);
}

const messageGets = () => fake.handled('GET', /^\/api\/v1\/messages\/[^/]+$/);

describe('download media', () => {
	it('retries until the late file appears and attaches it as binary data', async () => {
		const setup = await activeTrigger();
		const message = photoMessage(2);
		const { item, http, response } = await deliver(setup, message);

		// Digisac got its 200 before the download started.
		expect(http.ended).toBe(true);
		expect(http.statusCode).toBe(200);
		expect(response.noWebhookResponse).toBe(true);

		expect(messageGets()).toHaveLength(3);
		for (const request of messageGets()) {
			expect(request.path).toBe(`/api/v1/messages/${message.id}`);
			expect(request.query['include[0]']).toBe('file');
		}
		const binary = item.binary?.data;
		expect(binary).toMatchObject({ fileName: 'foto.jpg', mimeType: 'image/jpeg' });
		expect(Buffer.from(binary!.data, 'base64')).toEqual(PHOTO);
		expect(item.json).toMatchObject({
			id: message.id,
			contactId: message.contactId,
			event: 'message.created',
			file: { name: 'foto.jpg', mimetype: 'image/jpeg' },
		});
		expect(item.json.mediaError).toBeUndefined();
	});

	it('waits a little longer before each new attempt', async () => {
		const setup = await activeTrigger();
		await deliver(setup, photoMessage(3));
		const times = messageGets().map((r) => r.time);
		const gaps = times.slice(1).map((time, i) => time - times[i]);
		expect(gaps).toHaveLength(3);
		// Pauses of 40, 80 and 120 ms in tests: each gap is at least its pause (a busy machine only adds).
		gaps.forEach((gap, i) =>
			expect(gap).toBeGreaterThanOrEqual(FILE_WAIT_POLICY.baseDelayMs * (i + 1) - 5),
		);
	});

	it('starts the execution with mediaError when the file never arrives', async () => {
		const setup = await activeTrigger();
		const message = photoMessage(50);
		const { item } = await deliver(setup, message);
		expect(messageGets()).toHaveLength(FILE_WAIT_POLICY.attempts);
		expect(item.binary).toBeUndefined();
		expect(item.json.mediaError).toBe(
			`The file of message ${message.id} was not available after 5 attempts (Digisac may still be downloading it from WhatsApp). Fetch it later with the Digisac node: Message → Get with the file download option.`,
		);
		expect(item.json.contactId).toBe(message.contactId);
	});

	it("never sends the token to a storage host other than the account's", async () => {
		const setup = await activeTrigger({
			options: { downloadMedia: true, binaryPropertyName: 'audio' },
		});
		const contact = fake.addContacts(1)[0];
		const message = fake.addIncomingMessage(
			{ contactId: contact.id },
			{ name: 'audio.ogg', mimetype: 'audio/ogg', content: VOICE },
		);
		const url = hostFileOn(storage, fake, message);

		const { item } = await deliver(setup, message);
		const download = storage.last('GET');
		expect(`${storage.url}${download.path}`).toBe(url);
		expect(download.headers.authorization).toBeUndefined();
		expect(JSON.stringify(download.headers)).not.toContain(fake.token);
		expect(messageGets()[0].headers.authorization).toBe(`Bearer ${fake.token}`);
		expect(Buffer.from(item.binary!.audio.data, 'base64')).toEqual(VOICE);
		expect(item.binary!.audio.mimeType).toBe('audio/ogg');
		expect(item.json.type).toBe('ptt');
	});

	it("authenticates a file served by the account's own host", async () => {
		const setup = await activeTrigger();
		await deliver(setup, photoMessage());
		const download = fake.last('GET', /^\/storage\//);
		expect(download.headers.authorization).toBe(`Bearer ${fake.token}`);
	});

	it('asks the API for the file even when the delivery already names one', async () => {
		const setup = await activeTrigger();
		const message = photoMessage();
		const withFile = fake.presentMessage(message, true);
		const { body } = await captureDelivery(
			fake,
			nodeState(setup).digisacWebhookId!,
			'message.updated',
			withFile,
		);
		const result = await deliverWebhook(
			{ ...setup, parameters: { ...setup.parameters, events: ['message.updated'] } },
			{ body, query: secretQuery(setup) },
		);
		const [item] = result.response.workflowData![0];
		expect(messageGets()).toHaveLength(1);
		expect(Buffer.from(item.binary!.data.data, 'base64')).toEqual(PHOTO);
	});

	it('reports a failed download in mediaError', async () => {
		const setup = await activeTrigger();
		const contact = fake.addContacts(1)[0];
		const message = fake.addIncomingMessage(
			{ contactId: contact.id },
			{ name: 'contrato.pdf', mimetype: 'application/pdf', content: Buffer.from('%PDF-1.4') },
		);
		hostFileOn(storage, fake, message);
		(message as Row & { fileDescriptor: Row }).fileDescriptor.url =
			`${storage.url}/bucket/expired/contrato.pdf`;

		const { item } = await deliver(setup, message);
		expect(item.binary).toBeUndefined();
		expect(String(item.json.mediaError)).toMatch(
			new RegExp(`^Could not download the file of message ${message.id}: `),
		);
		expect(String(item.json.mediaError)).toContain('404');
	});

	it('reports a message Digisac does not know in mediaError', async () => {
		const setup = await activeTrigger();
		const message = photoMessage();
		fake.state.messages = [];
		const { item } = await deliver(setup, message);
		expect(String(item.json.mediaError)).toBe(
			`Could not download the file of message ${message.id}: Message ${message.id} not found (NotFoundHttpError) Digisac answered HTTP 404.`,
		);
	});

	it('makes no request for a text message, nor for media when the option is off', async () => {
		const setup = await activeTrigger({
			options: { downloadMedia: true, addContactFields: false },
		});
		const contact = fake.addContacts(1)[0];
		const text = fake.addIncomingMessage({ contactId: contact.id, text: 'oi' });
		const { item, http } = await deliver(setup, text);
		expect(item.binary).toBeUndefined();
		expect(http.ended).toBe(false);

		const off = await activeTrigger(
			{ options: { downloadMedia: false, addContactFields: false } },
			{ workflowId: 'wf-2' },
		);
		const { item: photo } = await deliver(off, photoMessage());
		expect(photo.binary).toBeUndefined();
		expect(photo.json.mediaError).toBeUndefined();
		expect(fake.requests.filter((r) => r.method === 'GET')).toHaveLength(0);
	});
});
