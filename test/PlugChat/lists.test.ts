import {
	searchChats,
	searchGroups,
	searchPeopleChats,
	searchQueue,
} from '../../nodes/PlugChat/methods/listSearch';
import { getDepartments, getOperators } from '../../nodes/PlugChat/methods/loadOptions';
import { byId } from '../harness';

import { usePlugChat } from './harness';

const { fake, run, withLoadOptions } = usePlugChat();

function chats(count: number, prefix = '55119') {
	return Array.from({ length: count }, (_, n) => ({
		name: `Cliente ${n}`,
		phone: `${prefix}${String(n).padStart(8, '0')}`,
		unread: String(n % 3),
		lastMessageTime: '1622991687',
		isMuted: n % 2 ? '1' : '0',
		isMarkedSpam: 'false',
		profileThumbnail: null,
	}));
}

describe('chat: getAll and getPending page for real', () => {
	it('walks /chats from page 1 until an empty page (250 chats, pages of 100)', async () => {
		fake.state.chats = chats(250);
		const result = await run({
			resource: 'chat',
			operation: 'getAll',
			returnAll: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(250);
		expect(fake.requests.map((r) => [r.query.page, r.query.pageSize])).toEqual([
			['1', '100'],
			['2', '100'],
			['3', '100'],
			['4', '100'],
		]);
		expect(new Set(result.items.map((i) => i.json.phone)).size).toBe(250);
	});

	it('loses nothing when PlugChat caps the page size below what was asked', async () => {
		fake.state.chats = chats(120);
		fake.pageSizeCap = 20;
		try {
			const result = await run({
				resource: 'chat',
				operation: 'getAll',
				returnAll: true,
			});
			expect(result.items).toHaveLength(120);
			expect(new Set(result.items.map((i) => i.json.phone)).size).toBe(120);
			expect(fake.requests).toHaveLength(7);
		} finally {
			fake.pageSizeCap = undefined;
		}
	});

	it('stops at the limit without asking for more pages, and types the string flags', async () => {
		fake.state.chats = chats(250);
		const result = await run({
			resource: 'chat',
			operation: 'getAll',
			returnAll: false,
			limit: 150,
		});
		expect(result.items).toHaveLength(150);
		expect(fake.requests).toHaveLength(2);
		expect(result.items[1].json).toMatchObject({
			phone: '5511900000001',
			unread: 1,
			isMuted: true,
			isMarkedSpam: false,
			isGroup: false,
			lastMessageAt: '2021-06-06T15:01:27.000Z',
			lastMessageTime: '1622991687',
		});
	});

	it('walks pending chats from page 0 (the vendor sample) with no duplicates', async () => {
		fake.state.pendingChats = chats(70, '55219');
		const result = await run({
			resource: 'chat',
			operation: 'getPending',
			returnAll: true,
		});
		expect(result.items).toHaveLength(70);
		expect(fake.requests.map((r) => r.query.page)).toEqual(['0', '1']);
		expect(new Set(result.items.map((i) => i.json.phone)).size).toBe(70);
	});

	it('does not return a page twice if pending chats in fact count from 1', async () => {
		// Play an API that treats page 0 as page 1: both answer the same full page.
		const rows = chats(50, '55219');
		fake.state.pendingChats = rows;
		fake.failNext({ status: 200, body: rows }, 1, (r) => r.query.page === '1');
		const result = await run({
			resource: 'chat',
			operation: 'getPending',
			returnAll: true,
		});
		expect(fake.requests.map((r) => r.query.page)).toEqual(['0', '1']);
		expect(result.items).toHaveLength(50);
	});
});

describe('chat: get and modify', () => {
	it('gets a chat by phone', async () => {
		fake.state.chats = chats(2);
		const result = await run({
			resource: 'chat',
			operation: 'get',
			phone: byId('(11) 90000-0001'),
		});
		expect(result.error).toBeUndefined();
		expect(fake.last().path).toBe('/api/whatsapp/chats/5511900000001');
		expect(result.items[0].json).toMatchObject({
			phone: '5511900000001',
			name: 'Cliente 1',
			isMuted: true,
		});
	});

	it("reports an unknown chat with PlugChat's answer", async () => {
		const result = await run({
			resource: 'chat',
			operation: 'get',
			phone: byId('5511900000009'),
		});
		expect(result.error?.message).toBe('Chat not found');
		expect(result.error?.httpCode).toBe('404');
	});

	it('archives, pins and deletes a chat', async () => {
		fake.state.chats = chats(1);
		for (const action of ['archive', 'pin']) {
			const result = await run({
				resource: 'chat',
				operation: 'modify',
				phone: byId('5511900000000'),
				action,
			});
			expect(result.items[0].json).toEqual({
				success: true,
				phone: '5511900000000',
				action,
				value: true,
			});
		}
		expect(fake.state.chats[0]).toMatchObject({ archived: true, pinned: true });
		await run({
			resource: 'chat',
			operation: 'modify',
			phone: byId('5511900000000'),
			action: 'delete',
		});
		expect(fake.state.chats).toHaveLength(0);
		expect(fake.last('POST', '/api/whatsapp/modify-chat').json).toEqual({
			phone: '5511900000000',
			action: 'delete',
		});
	});

	it('turns {"value": false} into an error', async () => {
		const result = await run({
			resource: 'chat',
			operation: 'modify',
			phone: byId('5511900000000'),
			action: 'pin',
		});
		expect(result.error?.message).toBe('PlugChat did not pin the chat');
	});
});

describe('contact', () => {
	it('walks contacts page by page and stops at the limit', async () => {
		fake.state.contacts = Array.from({ length: 75 }, (_, n) => ({
			name: `Contato ${n}`,
			short: 'C',
			notify: 'C',
			phone: `55319${String(n).padStart(8, '0')}`,
		}));
		const all = await run({
			resource: 'contact',
			operation: 'getAll',
			returnAll: true,
		});
		expect(all.items).toHaveLength(75);
		expect(fake.requests.map((r) => r.query.page)).toEqual(['1', '2']);
		fake.reset();
		const some = await run({
			resource: 'contact',
			operation: 'getAll',
			returnAll: false,
			limit: 10,
		});
		expect(some.items).toHaveLength(10);
		expect(fake.requests).toHaveLength(1);
	});

	it('gets a contact', async () => {
		fake.state.contacts = [
			{
				name: 'Ana Souza',
				short: 'Ana',
				notify: 'Ana',
				phone: '5511987654321',
				imgUrl: 'https://pps.whatsapp.net/x.jpg',
			},
		];
		const result = await run({
			resource: 'contact',
			operation: 'get',
			phone: byId('11 98765-4321'),
		});
		expect(fake.last().path).toBe('/api/whatsapp/contacts/5511987654321');
		expect(result.items[0].json).toMatchObject({ name: 'Ana Souza', phone: '5511987654321' });
	});

	it('checks WhatsApp and reads the documented array answer as a boolean', async () => {
		fake.state.whatsappNumbers = ['5511987654321'];
		const yes = await run({
			resource: 'contact',
			operation: 'checkWhatsApp',
			phone: byId('5511987654321'),
		});
		expect(fake.last().path).toBe('/api/whatsapp/phone-exists/5511987654321');
		expect(yes.items[0].json).toEqual({ phone: '5511987654321', exists: true });
		const no = await run({
			resource: 'contact',
			operation: 'checkWhatsApp',
			phone: byId('5511912345678'),
		});
		expect(no.items[0].json).toEqual({ phone: '5511912345678', exists: false });
		fake.failNext({ status: 200, body: { exists: 'true' } });
		const stringy = await run({
			resource: 'contact',
			operation: 'checkWhatsApp',
			phone: byId('5511912345678'),
		});
		expect(stringy.items[0].json.exists).toBe(true);
	});

	// The doc sample is an array, the public client reads an object: the fake answers either.
	it.each(['object', 'array'] as const)(
		'reads the profile picture link PlugChat answers as %s',
		async (shape) => {
			fake.profilePictureShape = shape;
			fake.state.profilePictures['5511987654321'] = '/cdn/pictures/5511987654321.jpg';
			const link = await run({
				resource: 'contact',
				operation: 'getProfilePicture',
				phone: byId('5511987654321'),
				download: false,
			});
			const answer = (await (
				await fetch(`${fake.url}/api/whatsapp/profile-picture?phone=5511987654321`, {
					headers: { authorization: fake.token },
				})
			).json()) as unknown;
			expect(Array.isArray(answer)).toBe(shape === 'array');
			expect(link.items[0].json).toEqual({
				phone: '5511987654321',
				link: `${fake.url}/cdn/pictures/5511987654321.jpg`,
				hasPicture: true,
			});
		},
	);

	it('gets the profile picture link, and downloads it without sending the PlugChat token', async () => {
		fake.state.profilePictures['5511987654321'] = '/cdn/pictures/5511987654321.jpg';
		const link = await run({
			resource: 'contact',
			operation: 'getProfilePicture',
			phone: byId('5511987654321'),
			download: false,
		});
		expect(fake.last().query.phone).toBe('5511987654321');
		expect(link.items[0].json).toEqual({
			phone: '5511987654321',
			link: `${fake.url}/cdn/pictures/5511987654321.jpg`,
			hasPicture: true,
		});
		expect(link.items[0].binary).toBeUndefined();

		const file = await run({
			resource: 'contact',
			operation: 'getProfilePicture',
			phone: byId('5511987654321'),
			download: true,
			binaryPropertyName: 'foto',
		});
		expect(file.error).toBeUndefined();
		const cdn = fake.last('GET', /^\/cdn\//);
		expect(cdn.headers.authorization).toBeUndefined();
		expect(file.items[0].binary?.foto).toMatchObject({
			mimeType: 'image/png',
			fileName: '5511987654321.png',
		});
	});

	it('says there is no picture instead of failing', async () => {
		const result = await run({
			resource: 'contact',
			operation: 'getProfilePicture',
			phone: byId('5511987654321'),
			download: true,
			binaryPropertyName: 'data',
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toEqual({ phone: '5511987654321', link: null, hasPicture: false });
	});
});

describe('department and operator', () => {
	it('lists departments with Return All / Limit and the active filter', async () => {
		const all = await run({
			resource: 'department',
			operation: 'getAll',
			returnAll: true,
			activeOnly: false,
		});
		expect(all.items.map((i) => i.json.id)).toEqual(['dep-geral', 'dep-vendas', 'dep-antigo']);
		const active = await run({
			resource: 'department',
			operation: 'getAll',
			returnAll: false,
			limit: 5,
			activeOnly: true,
		});
		expect(active.items.map((i) => i.json.id)).toEqual(['dep-geral', 'dep-vendas']);
		const one = await run({
			resource: 'department',
			operation: 'getAll',
			returnAll: false,
			limit: 1,
			activeOnly: false,
		});
		expect(one.items).toHaveLength(1);
	});

	it('lists operators with departmentIds next to the API\'s "departaments", filtered by department', async () => {
		const result = await run({
			resource: 'operator',
			operation: 'getAll',
			returnAll: true,
			filters: { departmentId: 'dep-vendas', activeOnly: true },
		});
		expect(result.items.map((i) => i.json.id)).toEqual(['op-marina']);
		expect(result.items[0].json).toMatchObject({
			departaments: ['dep-geral', 'dep-vendas'],
			departmentIds: ['dep-geral', 'dep-vendas'],
		});
		const everyone = await run({
			resource: 'operator',
			operation: 'getAll',
			returnAll: true,
			filters: {},
		});
		expect(everyone.items).toHaveLength(3);
	});

	it("gets operators' online state by account ID", async () => {
		const result = await run({
			resource: 'operator',
			operation: 'getOnline',
			accountId: 'acc-plug-0001',
			onlineOnly: false,
		});
		expect(fake.last().query).toEqual({ id: 'acc-plug-0001' });
		expect(result.items.map((i) => [i.json.id, i.json.online])).toEqual([
			['op-lucas', true],
			['op-marina', false],
		]);
		const online = await run({
			resource: 'operator',
			operation: 'getOnline',
			accountId: 'acc-plug-0001',
			onlineOnly: true,
		});
		expect(online.items.map((i) => i.json.id)).toEqual(['op-lucas']);
	});

	it('adds createdAtIso / lastChangedIso in the workflow timezone beside the epoch milliseconds', async () => {
		for (const row of [...fake.state.departments, ...fake.state.operators, ...fake.state.presence])
			Object.assign(
				row,
				'lastChanged' in row ? { lastChanged: 1650480001521 } : { createdAt: 1650480001521 },
			);
		const timezone = 'America/Sao_Paulo';
		const iso = '2022-04-20T15:40:01.521-03:00';
		const departments = await run(
			{ resource: 'department', operation: 'getAll', returnAll: true, options: {} },
			{ timezone },
		);
		expect(departments.items[0].json).toMatchObject({
			createdAt: 1650480001521,
			createdAtIso: iso,
		});
		const operators = await run(
			{ resource: 'operator', operation: 'getAll', returnAll: true, filters: {} },
			{ timezone },
		);
		expect(operators.items[0].json).toMatchObject({ createdAtIso: iso });
		const online = await run(
			{
				resource: 'operator',
				operation: 'getOnline',
				accountId: 'acc-plug-0001',
				onlineOnly: false,
			},
			{ timezone },
		);
		expect(online.items[0].json).toMatchObject({ lastChanged: 1650480001521, lastChangedIso: iso });
	});

	it("reports PlugChat's 400 for an unknown account", async () => {
		const result = await run({
			resource: 'operator',
			operation: 'getOnline',
			accountId: 'nope',
			onlineOnly: false,
		});
		expect(result.error?.httpCode).toBe('400');
		expect(result.error?.message).toBe('account not found');
	});
});

describe('dropdowns and list searches', () => {
	it('offers operators and departments by name, inactive ones marked', async () => {
		const operators = await withLoadOptions((context) => getOperators.call(context));
		expect(operators).toEqual([
			{ name: 'João Silva (inactive)', value: 'op-joao', description: 'Login: joao' },
			{ name: 'Lucas Pereira', value: 'op-lucas', description: 'Login: lucas' },
			{ name: 'Marina Costa', value: 'op-marina', description: 'Login: marina' },
		]);
		expect(fake.last().headers.authorization).toBe(fake.token);
		const departments = await withLoadOptions((context) => getDepartments.call(context));
		expect(departments.map((d) => d.name)).toEqual(['Antigo (inactive)', 'Geral', 'Vendas']);
	});

	it('searches chats by name or digits, page by page, and keeps groups and people apart', async () => {
		fake.state.chats = chats(60);
		const group = fake.addGroup('Equipe Vendas', ['5511900000001']);
		const first = await withLoadOptions((context) => searchChats.call(context));
		expect(first.results).toHaveLength(50);
		expect(first.paginationToken).toBe('2');
		const second = await withLoadOptions((context) => searchChats.call(context, undefined, '2'));
		expect(second.results).toHaveLength(11);
		expect(second.paginationToken).toBeUndefined();

		const byDigits = await withLoadOptions((context) =>
			searchChats.call(context, '(11) 90000-0042'),
		);
		expect(byDigits.results).toEqual([
			{ name: 'Cliente 42 (5511900000042)', value: '5511900000042' },
		]);

		const groups = await withLoadOptions((context) => searchGroups.call(context, undefined, '2'));
		expect(groups.results).toEqual([
			{ name: `Equipe Vendas (${group.phone})`, value: group.phone },
		]);
		const people = await withLoadOptions((context) =>
			searchPeopleChats.call(context, 'vendas', '2'),
		);
		expect(people.results).toEqual([]);
	});

	it('matches names whatever the accents and the case: agents type "joao" for João', async () => {
		fake.state.chats = [
			{ name: 'João Gonçalves', phone: '5511987654321', unread: '0' },
			{ name: 'Márcia Lima', phone: '5521912345678', unread: '0' },
			{ name: 'Joana Prado', phone: '5531998765432', unread: '0' },
		];
		const names = async (filter: string) =>
			(await withLoadOptions((context) => searchChats.call(context, filter))).results.map(
				(result) => result.value,
			);
		expect(await names('joao')).toEqual(['5511987654321']);
		expect(await names('JOÃO')).toEqual(['5511987654321']);
		expect(await names('goncalves')).toEqual(['5511987654321']);
		expect(await names('marcia')).toEqual(['5521912345678']);
		expect(await names('MÁRCIA')).toEqual(['5521912345678']);
		expect(await names('joa')).toEqual(['5511987654321', '5531998765432']);
	});

	it('matches queued messages without regard to accents either', async () => {
		fake.state.queue = [
			{
				Message: 'Seu boleto vence amanhã',
				Phone: '5511987654321',
				ZaapId: 'Z1',
				Created: 1624977905648,
				MessageId: 'M1',
			},
		];
		const found = await withLoadOptions((context) => searchQueue.call(context, 'AMANHA'));
		expect(found.results.map((result) => result.value)).toEqual(['Z1']);
	});

	it('lists queued messages by zaapId', async () => {
		fake.state.queue = [
			{
				Message: 'Seu boleto vence amanhã',
				Phone: '5511987654321',
				ZaapId: 'Z1',
				Created: 1624977905648,
				MessageId: 'M1',
			},
		];
		const result = await withLoadOptions((context) => searchQueue.call(context, 'boleto'));
		expect(result.results).toEqual([
			{ name: '5511987654321: Seu boleto vence amanhã', value: 'Z1' },
		]);
	});
});
