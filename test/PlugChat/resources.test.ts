import { QR_PNG } from '../fakes/plugchat';

import { usePlugChat } from './harness';

const { fake, run } = usePlugChat();

function groupLocator(value: string, mode: 'list' | 'id' = 'id') {
	return { __rl: true, mode, value };
}

describe('group', () => {
	it('creates a group with normalised, de-duplicated phones and returns its groupId', async () => {
		const result = await run({
			resource: 'group',
			operation: 'create',
			groupName: 'Clientes VIP',
			phones: '+55 11 98765-4321, 21912345678\n5511987654321',
		});
		expect(result.error).toBeUndefined();
		expect(fake.last('POST', '/api/whatsapp/create-group').json).toEqual({
			groupName: 'Clientes VIP',
			phones: ['5511987654321', '5521912345678'],
		});
		const group = fake.state.groups[0];
		expect(result.items[0].json).toMatchObject({
			groupId: group.phone,
			phone: group.phone,
			invitationLink: group.invitationLink,
			groupName: 'Clientes VIP',
		});
	});

	it('refuses a bad participant number, naming the field', async () => {
		const result = await run({
			resource: 'group',
			operation: 'create',
			groupName: 'X',
			phones: '5511987654321, 123',
		});
		expect(result.error?.message).toBe('"Phones" is not a valid phone number');
		expect(fake.requests).toHaveLength(0);
	});

	it('renames, describes and reads the metadata of a group', async () => {
		const group = fake.addGroup('Equipe', ['5511900000001']);
		await run({
			resource: 'group',
			operation: 'updateName',
			groupId: groupLocator(group.phone, 'list'),
			groupName: 'Equipe Vendas',
		});
		expect(fake.last('POST', '/api/whatsapp/update-group-name').json).toEqual({
			groupId: group.phone,
			groupName: 'Equipe Vendas',
		});
		await run({
			resource: 'group',
			operation: 'updateDescription',
			groupId: groupLocator(group.phone),
			groupDescription: 'Metas do mês',
		});
		expect(fake.last('POST', '/api/whatsapp/update-group-description').json).toEqual({
			groupId: group.phone,
			groupDescription: 'Metas do mês',
		});
		expect(group).toMatchObject({ subject: 'Equipe Vendas', description: 'Metas do mês' });

		const metadata = await run({
			resource: 'group',
			operation: 'getMetadata',
			groupId: groupLocator(group.phone),
		});
		expect(fake.last().path).toBe(`/api/whatsapp/group-metadata/${group.phone}`);
		expect(metadata.items[0].json).toMatchObject({
			groupId: group.phone,
			subject: 'Equipe Vendas',
			owner: group.owner,
		});
		expect(metadata.items[0].json.participants).toEqual([
			{ phone: group.owner, isAdmin: true, isSuperAdmin: true },
			{ phone: '5511900000001', isAdmin: false, isSuperAdmin: false },
		]);
	});

	it('reads participant flags sent as strings as booleans', async () => {
		fake.failNext({
			status: 200,
			body: {
				phone: '120363019502650977-group',
				participants: [{ phone: '5511900000001', isAdmin: 'true', isSuperAdmin: 'false' }, null],
			},
		});
		const result = await run({
			resource: 'group',
			operation: 'getMetadata',
			groupId: groupLocator('120363019502650977-group'),
		});
		expect(result.items[0].json.participants).toEqual([
			{ phone: '5511900000001', isAdmin: true, isSuperAdmin: false },
		]);
	});

	it('adds and removes participants and admins', async () => {
		const group = fake.addGroup('Equipe', ['5511900000001']);
		const locator = groupLocator(group.phone);
		const add = await run({
			resource: 'group',
			operation: 'addParticipants',
			groupId: locator,
			phones: '11 90000-0002, 11900000003',
		});
		expect(add.items[0].json).toEqual({
			success: true,
			groupId: group.phone,
			phones: ['5511900000002', '5511900000003'],
			value: true,
		});
		await run({
			resource: 'group',
			operation: 'addAdmins',
			groupId: locator,
			phones: '5511900000002',
		});
		expect(fake.last('POST', '/api/whatsapp/add-admin').json).toEqual({
			groupId: group.phone,
			phones: ['5511900000002'],
		});
		expect(group.participants.find((p) => p.phone === '5511900000002')?.isAdmin).toBe(true);
		await run({
			resource: 'group',
			operation: 'removeAdmins',
			groupId: locator,
			phones: '5511900000002',
		});
		expect(group.participants.find((p) => p.phone === '5511900000002')?.isAdmin).toBe(false);
		await run({
			resource: 'group',
			operation: 'removeParticipants',
			groupId: locator,
			phones: '5511900000003',
		});
		expect(fake.last('POST', '/api/whatsapp/remove-participant').json).toEqual({
			groupId: group.phone,
			phones: ['5511900000003'],
		});
		expect(group.participants.map((p) => p.phone)).toEqual([
			group.owner,
			'5511900000001',
			'5511900000002',
		]);
	});

	it('turns {"value": false} for an unknown group into an error, and leaves a group', async () => {
		const unknown = await run({
			resource: 'group',
			operation: 'addParticipants',
			groupId: groupLocator('120363000000000000-group'),
			phones: '5511900000002',
		});
		expect(unknown.error?.message).toBe('PlugChat did not add the participants');
		const group = fake.addGroup('Equipe', []);
		const left = await run({
			resource: 'group',
			operation: 'leave',
			groupId: groupLocator(group.phone),
		});
		expect(left.items[0].json).toMatchObject({ success: true, left: true, groupId: group.phone });
		expect(fake.last('POST', '/api/whatsapp/leave-group').json).toEqual({ groupId: group.phone });
	});

	it("refuses something that is not a group ID (given by an expression, past the editor's check)", async () => {
		const result = await run({
			resource: 'group',
			operation: 'leave',
			groupId: groupLocator('={{ "5511987654321" }}'),
		});
		expect(result.error?.message).toBe('"5511987654321" is not a WhatsApp group ID');
		expect(fake.requests).toHaveLength(0);
	});
});

describe('instance', () => {
	it('gets the status', async () => {
		const result = await run({ resource: 'instance', operation: 'getStatus' });
		expect(fake.last().path).toBe('/api/whatsapp/status');
		expect(result.items[0].json).toEqual({
			connected: true,
			session: true,
			smartphoneConnected: true,
			error: '',
		});
	});

	it.each([
		['json', "Z-API's {value: data URI}"],
		['raw', 'raw PNG bytes'],
		['bare', 'a bare base64 string'],
	] as Array<['json' | 'raw' | 'bare', string]>)(
		'returns the QR code as a PNG binary when PlugChat answers %s (%s)',
		async (format) => {
			fake.state.instance.connected = false;
			fake.qrCodeFormat = format;
			const result = await run({
				resource: 'instance',
				operation: 'getQrCode',
				binaryPropertyName: 'qr',
			});
			expect(result.error).toBeUndefined();
			expect(result.items[0].json).toMatchObject({
				qrCode: true,
				mimeType: 'image/png',
				fileName: 'plugchat-qr-code.png',
				fileSize: QR_PNG.length,
			});
			const binary = result.items[0].binary?.qr;
			expect(binary?.mimeType).toBe('image/png');
			expect(Buffer.from(binary?.data ?? '', 'base64').equals(QR_PNG)).toBe(true);
		},
	);

	it('returns the answer without a file when the number is already connected', async () => {
		const result = await run({
			resource: 'instance',
			operation: 'getQrCode',
			binaryPropertyName: 'data',
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toEqual({
			qrCode: false,
			connected: true,
			error: 'You are already connected.',
		});
		expect(result.items[0].binary).toBeUndefined();
	});

	it("shows PlugChat's message when the QR code request fails (error body read from bytes)", async () => {
		fake.failNext({ status: 401, body: { message: 'Unauthorized' } });
		const result = await run({
			resource: 'instance',
			operation: 'getQrCode',
			binaryPropertyName: 'data',
		});
		expect(result.error?.message).toBe('Unauthorized');
		expect(result.error?.httpCode).toBe('401');
	});

	it('restarts and disconnects with GET, as documented', async () => {
		const restart = await run({ resource: 'instance', operation: 'restart' });
		expect(fake.last().method).toBe('GET');
		expect(restart.items[0].json).toEqual({ success: true, value: true });
		expect(fake.state.instance.restarts).toBe(1);
		await run({ resource: 'instance', operation: 'disconnect' });
		expect(fake.last().path).toBe('/api/whatsapp/disconnect');
		expect(fake.state.instance.connected).toBe(false);
	});
});

describe('queue', () => {
	beforeEach(() => {
		fake.state.instance.connected = false;
	});

	it('gets the queue with camelCase keys and dates, after sends made while disconnected', async () => {
		for (const message of ['Primeira', 'Segunda']) {
			await run({
				resource: 'message',
				operation: 'sendText',
				phone: { __rl: true, mode: 'id', value: '5511987654321' },
				message,
				options: {},
			});
		}
		const result = await run({ resource: 'queue', operation: 'get' });
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json.size).toBe(2);
		const messages = result.items[0].json.messages as Array<Record<string, unknown>>;
		expect(messages.map((m) => [m.message, m.phone, m.zaapId])).toEqual([
			['Primeira', '5511987654321', fake.state.sent[0].zaapId],
			['Segunda', '5511987654321', fake.state.sent[1].zaapId],
		]);
		expect(typeof messages[0].createdAt).toBe('string');
	});

	it('deletes one queued message by zaapId, then clears the queue', async () => {
		fake.state.queue = [
			{
				Message: 'A',
				Phone: '5511987654321',
				ZaapId: 'Z1',
				Created: 1624977905648,
				MessageId: 'M1',
			},
			{
				Message: 'B',
				Phone: '5511987654321',
				ZaapId: 'Z2',
				Created: 1624977906907,
				MessageId: 'M2',
			},
		];
		const one = await run({
			resource: 'queue',
			operation: 'deleteMessage',
			zaapId: { __rl: true, mode: 'list', value: 'Z1' },
		});
		expect(one.error).toBeUndefined();
		expect(fake.last().method).toBe('DELETE');
		expect(fake.last().path).toBe('/api/whatsapp/queue/Z1');
		expect(one.items[0].json).toEqual({ success: true, zaapId: 'Z1', deleted: true });
		expect(fake.state.queue.map((m) => m.ZaapId)).toEqual(['Z2']);

		const cleared = await run({ resource: 'queue', operation: 'clear' });
		expect(cleared.items[0].json).toEqual({ success: true, cleared: true });
		expect(fake.last().path).toBe('/api/whatsapp/queue');
		expect(fake.state.queue).toEqual([]);
	});

	it('reports an unknown zaapId', async () => {
		const result = await run({
			resource: 'queue',
			operation: 'deleteMessage',
			zaapId: { __rl: true, mode: 'id', value: 'NOPE' },
		});
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.message).toBe('Message not found in queue');
	});
});
