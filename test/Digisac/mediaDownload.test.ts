import type { IDataObject, INodeParameters, INodeProperties } from 'n8n-workflow';

import { DigisacTrigger } from '../../nodes/Digisac/DigisacTrigger.node';
import { isAccountOrigin } from '../../nodes/Digisac/transport';
import type { Row } from '../fakes/digisac';
import { captureDelivery } from '../fakes/digisac/deliveryCapture';
import { LargeFileServer } from '../fakes/digisac/largeFile';
import { hostFileOn, StorageFake } from '../fakes/digisac/storage';
import type { NodeSetup } from '../harness';
import { deliverWebhook, runWebhookMethod } from '../harness';

import { binaryBytes, nodeState, secretQuery, triggerSetup, useDigisacTrigger } from './harness';

const { fake, run } = useDigisacTrigger();
const storage = new StorageFake();
const MB = 1024 * 1024;
const chunked = new LargeFileServer(24 * MB, { contentLength: false });
const declared = new LargeFileServer(24 * MB, { contentLength: true });
const PHOTO = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);

beforeAll(async () => {
	await Promise.all([storage.start(), chunked.start(), declared.start()]);
});
afterAll(async () => {
	await Promise.all([storage.stop(), chunked.stop(), declared.stop()]);
});
beforeEach(() => storage.reset());

type Setup = NodeSetup & { staticData: IDataObject };

async function activeTrigger(options: IDataObject = {}): Promise<Setup> {
	const setup = triggerSetup(fake, { options: { downloadMedia: true, ...options } });
	await runWebhookMethod(setup, 'create');
	fake.reset();
	return setup;
}

async function deliver(setup: Setup, data: Record<string, unknown>) {
	const { body } = await captureDelivery(
		fake,
		nodeState(setup).digisacWebhookId!,
		'message.created',
		data,
	);
	const result = await deliverWebhook(setup, { body, query: secretQuery(setup) });
	const items = result.response.workflowData?.[0] ?? [];
	expect(items).toHaveLength(1);
	return items[0];
}

function photoMessage(): Row {
	const contact = fake.addContacts(1)[0];
	return fake.addIncomingMessage(
		{ contactId: contact.id, fromId: contact.id, text: 'segue a foto' },
		{ name: 'foto.jpg', mimetype: 'image/jpeg', content: PHOTO },
	);
}

/** A message whose file (as the API returns it) is the big file of `server`. */
function bigVideoMessage(server: LargeFileServer): Row {
	const contact = fake.addContacts(1)[0];
	const message = fake.addIncomingMessage(
		{ contactId: contact.id, fromId: contact.id },
		{ name: 'video.mp4', mimetype: 'video/mp4', content: Buffer.from('x') },
	);
	(message as Row & { fileDescriptor: Row }).fileDescriptor.url = `${server.url}/big/video.mp4`;
	return message;
}

describe('Download Media takes the file only from the API', () => {
	it('ignores a file URL the delivery names (another host, or an account path) and re-reads the message', async () => {
		const setup = await activeTrigger({ deduplicationMinutes: 0 });
		const message = photoMessage();
		const forgedStorage = storage.put('x.bin', 'application/octet-stream', Buffer.from('forged'));
		for (const url of [forgedStorage, `${fake.url}/api/v1/me`]) {
			fake.reset();
			storage.reset();
			const item = await deliver(setup, {
				...fake.presentMessage(message, false),
				id: message.id,
				file: { url, name: 'x.bin', mimetype: 'application/octet-stream' },
				files: [{ url }],
			});
			expect(storage.requests).toHaveLength(0);
			expect(fake.handled('GET', '/api/v1/me')).toHaveLength(0);
			expect(fake.handled('GET', `/api/v1/messages/${message.id}`)).toHaveLength(1);
			expect(binaryBytes(item)).toEqual(PHOTO);
			expect(item.json.mediaError).toBeUndefined();
			// The output's file object is the API's, not the delivery's.
			expect((item.json.file as IDataObject).name).toBe('foto.jpg');
		}
	});

	it("downloads a file the API returns on another origin without the token; on the account's origin with it", async () => {
		const setup = await activeTrigger();
		const elsewhere = photoMessage();
		hostFileOn(storage, fake, elsewhere);
		await deliver(setup, fake.presentMessage(elsewhere, false));
		expect(storage.requests).toHaveLength(1);
		expect(storage.requests[0].headers.authorization).toBeUndefined();

		await deliver(setup, fake.presentMessage(photoMessage(), false));
		expect(fake.last('GET', /^\/storage\//).headers.authorization).toBe(`Bearer ${fake.token}`);
	});

	it('compares scheme, host and port before the token goes with a file URL', () => {
		const account = 'https://acme.digisac.app';
		expect(isAccountOrigin(account, 'https://acme.digisac.app/storage/a.jpg')).toBe(true);
		expect(isAccountOrigin(account, 'HTTPS://ACME.digisac.app:443/storage/a.jpg')).toBe(true);
		expect(isAccountOrigin(account, '/storage/a.jpg')).toBe(true);
		expect(isAccountOrigin(account, 'http://acme.digisac.app/storage/a.jpg')).toBe(false);
		expect(isAccountOrigin(account, 'https://acme.digisac.app:8443/storage/a.jpg')).toBe(false);
		expect(isAccountOrigin(account, 'https://acme.digisac.app.evil.example/a.jpg')).toBe(false);
		expect(isAccountOrigin(account, '//evil.example/a.jpg')).toBe(false);
		expect(isAccountOrigin(account, 'ftp://acme.digisac.app/a.jpg')).toBe(false);
		expect(isAccountOrigin(`${account}/api/v1`, 'https://acme.digisac.app/x')).toBe(true);
	});
});

describe('the media size cap', () => {
	it('is an option of the trigger with a documented default', () => {
		const options = new DigisacTrigger().description.properties.find((p) => p.name === 'options')!;
		const cap = (options.options as INodeProperties[]).find((o) => o.name === 'maxMediaSizeMb');
		expect(cap).toMatchObject({ type: 'number', default: 50 });
	});

	it.each([
		['sent in chunks, size unknown', chunked],
		['with a Content-Length', declared],
	])(
		'stops reading a file larger than the cap (%s) and says so in mediaError',
		async (_label, server) => {
			const setup = await activeTrigger({ maxMediaSizeMb: 1 });
			const message = bigVideoMessage(server);
			const before = process.memoryUsage().rss;
			const item = await deliver(setup, fake.presentMessage(message, false));
			expect(item.binary).toBeUndefined();
			expect(item.json.mediaError).toBe(
				`The file of message ${message.id} is larger than the 1 MB "Max Media Size" of the trigger, so it was not downloaded. Raise the option, or fetch the file with the Digisac node: Message → Get.`,
			);
			expect(server.requests).toBe(1);
			await server.closed();
			// Reading stopped well before the 24 MB file was sent (socket buffers hold a few MB).
			expect(server.abortedEarly).toBe(true);
			expect(server.bytesSent).toBeLessThan(8 * MB);
			expect(process.memoryUsage().rss - before).toBeLessThan(20 * MB);
		},
	);

	it('lets a file under the cap through', async () => {
		const setup = await activeTrigger({ maxMediaSizeMb: 30 });
		const item = await deliver(setup, fake.presentMessage(bigVideoMessage(chunked), false));
		expect(item.json.mediaError).toBeUndefined();
		expect(binaryBytes(item).length).toBe(24 * MB);
	});
});

describe('Message → Get with Download File', () => {
	const get = (messageId: string, options: INodeParameters = {}): INodeParameters => ({
		resource: 'message',
		operation: 'get',
		messageId,
		downloadFile: true,
		options,
	});

	it('stops reading a file larger than Max File Size and says why in fileError', async () => {
		const message = bigVideoMessage(declared);
		const result = await run(get(message.id, { maxFileSizeMb: 2 }));
		expect(result.error).toBeUndefined();
		expect(result.items[0].binary).toBeUndefined();
		expect(result.items[0].json).toMatchObject({
			id: message.id,
			fileError:
				'The file is larger than the 2 MB "Max File Size" of this node, so it was not downloaded. Raise the option to download it.',
		});
		await declared.closed();
		expect(declared.abortedEarly).toBe(true);
		expect(declared.bytesSent).toBeLessThan(10 * MB);
	});

	it('downloads a file under the cap', async () => {
		const message = photoMessage();
		const result = await run(get(message.id, { maxFileSizeMb: 1 }));
		expect(binaryBytes(result.items[0])).toEqual(PHOTO);
	});
});
