import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { actionsOf } from '../fakes/digisac/actions';
import { byId } from '../harness';

import { binaryBytes, queryOf, useDigisac } from './harness';

const { fake, run } = useDigisac();
const service = () => fake.state.services[0];
const [vip, late] = [0, 1];
const tag = (n: number) => fake.state.tags[n];
const cpfField = () => fake.state.customFields[0];

describe('contact: create and update', () => {
	it('creates a contact with the number as digits, tags, custom fields and default department', async () => {
		const result = await run({
			resource: 'contact',
			operation: 'create',
			number: '+55 21 91234-5678',
			serviceId: service().id,
			additionalFields: {
				internalName: 'Maria (loja)',
				tagIds: [tag(vip).id],
				customFields: { field: [{ id: cpfField().id, value: '123.456.789-00' }] },
				defaultDepartmentId: fake.state.departments[1].id,
			},
		});
		expect(result.error).toBeUndefined();
		expect(fake.last('POST', '/api/v1/contacts').json).toEqual({
			internalName: 'Maria (loja)',
			defaultDepartmentId: fake.state.departments[1].id,
			tagIds: [tag(vip).id],
			customFields: [{ id: cpfField().id, value: '123.456.789-00' }],
			number: '5521912345678',
			serviceId: service().id,
		});
		expect(result.items[0].json).toMatchObject({
			internalName: 'Maria (loja)',
			tagIds: [tag(vip).id],
		});
	});

	it('returns the existing contact for a number the connection already has (Digisac upserts)', async () => {
		const first = await run({
			resource: 'contact',
			operation: 'create',
			number: '5511900000001',
			serviceId: service().id,
		});
		const second = await run({
			resource: 'contact',
			operation: 'create',
			number: '5511900000001',
			serviceId: service().id,
		});
		expect(second.items[0].json.id).toBe(first.items[0].json.id);
		expect(fake.state.contacts).toHaveLength(1);
	});

	it('updates only the fields given, replacing tags', async () => {
		const [contact] = fake.addContacts(1, { tagIds: [tag(vip).id] });
		const result = await run({
			resource: 'contact',
			operation: 'update',
			contactId: byId(contact.id),
			updateFields: {
				tagIds: [tag(late).id],
				customFields: { field: [{ id: cpfField().id, value: '1' }] },
				isSilenced: true,
			},
		});
		expect(result.error).toBeUndefined();
		const request = fake.last('PUT', `/api/v1/contacts/${contact.id}`);
		expect(request.json).toEqual({
			tagIds: [tag(late).id],
			customFields: [{ id: cpfField().id, value: '1' }],
			isSilenced: true,
		});
		expect(result.items[0].json.tagIds).toEqual([tag(late).id]);
	});

	it('refuses an update with nothing to change, without calling Digisac', async () => {
		const [contact] = fake.addContacts(1);
		const result = await run({
			resource: 'contact',
			operation: 'update',
			contactId: contact.id,
			updateFields: {},
		});
		expect(result.error?.message).toBe('Nothing to update');
		expect(fake.requests).toHaveLength(0);
	});
});

describe('contact: create of a number WhatsApp does not know', () => {
	it('fails the item with a clear message naming the number and the contact Digisac kept', async () => {
		fake.invalidNumbers.add('5521912345678');
		const result = await run({
			resource: 'contact',
			operation: 'create',
			number: '+55 21 91234-5678',
			serviceId: service().id,
		});
		expect(result.error?.message).toBe(
			'Digisac does not know 5521912345678 as a WhatsApp number: the contact was saved with valid: false',
		);
		const kept = fake.state.contacts.find(
			(c) => (c.data as IDataObject).number === '5521912345678',
		);
		expect(result.error?.description).toContain(String(kept?.id));
		expect(result.error?.context?.itemIndex).toBe(0);
	});

	it('with Continue On Fail, only that item fails', async () => {
		fake.invalidNumbers.add('5521900000000');
		const result = await run(
			{
				resource: 'contact',
				operation: 'create',
				number: '={{ $json.phone }}',
				serviceId: service().id,
			},
			{
				continueOnFail: true,
				items: [{ json: { phone: '5521900000000' } }, { json: { phone: '5521912345678' } }],
			},
		);
		expect(result.items).toHaveLength(2);
		expect(String(result.items[0].json.error)).toMatch(/5521900000000/);
		expect(result.items[1].json).toMatchObject({ data: { valid: true, number: '5521912345678' } });
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});
});

describe('contact: createMany', () => {
	const items = (numbers: string[]): INodeExecutionData[] =>
		numbers.map((phone, n) => ({ json: { phone, name: `Cliente ${n}` } }));

	it('sends the input items in batches and pairs each created contact with its item', async () => {
		const result = await run(
			{
				resource: 'contact',
				operation: 'createMany',
				number: '={{ $json.phone }}',
				serviceId: service().id,
				additionalFields: { internalName: '={{ $json.name }}', tagIds: [tag(vip).id] },
				contactsPerRequest: 2,
			},
			{
				items: items([
					'5511900000001',
					'5511900000002',
					'5511900000003',
					'5511900000004',
					'5511900000005',
				]),
			},
		);
		expect(result.error).toBeUndefined();
		const batches = fake.handled('POST', '/api/v1/contacts/many');
		expect(batches.map((r) => (r.json as unknown[]).length)).toEqual([2, 2, 1]);
		expect((batches[0].json as unknown[])[0]).toEqual({
			internalName: 'Cliente 0',
			tagIds: [tag(vip).id],
			number: '5511900000001',
			serviceId: service().id,
		});
		expect(result.items.map((i) => i.pairedItem)).toEqual(
			[0, 1, 2, 3, 4].map((item) => ({ item })),
		);
		expect(result.items.map((i) => (i.json.data as { number: string }).number)).toEqual([
			'5511900000001',
			'5511900000002',
			'5511900000003',
			'5511900000004',
			'5511900000005',
		]);
		expect(fake.state.contacts).toHaveLength(5);
	});

	it('with Continue On Fail, a bad number and a failed batch become error items paired with their input items', async () => {
		fake.failNext(
			{
				status: 400,
				body: { error: 'ValidationError', message: 'number is invalid', status: 400 },
			},
			1,
			(r) =>
				r.path === '/api/v1/contacts/many' &&
				(r.json as unknown[])[0] !== undefined &&
				JSON.stringify(r.json).includes('5511900000004'),
		);
		const result = await run(
			{
				resource: 'contact',
				operation: 'createMany',
				number: '={{ $json.phone }}',
				serviceId: service().id,
				contactsPerRequest: 2,
			},
			{
				items: items(['5511900000001', 'abc', '5511900000003', '5511900000004', '5511900000005']),
				continueOnFail: true,
			},
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.pairedItem)).toEqual(
			[0, 1, 2, 3, 4].map((item) => ({ item })),
		);
		expect(result.items[1].json.error).toBe('"Phone Number" is not a valid phone number');
		expect(result.items[3].json).toMatchObject({ error: 'number is invalid', httpCode: '400' });
		expect(result.items[4].json).toMatchObject({ error: 'number is invalid' });
		expect(result.items[0].json.id).toBeDefined();
		expect(result.items[2].json.id).toBeDefined();
		// Valid items were batched together: [1, 3], then [4, 5].
		expect(
			fake.requests
				.filter((r) => r.path === '/api/v1/contacts/many')
				.map((r) => (r.json as unknown[]).length),
		).toEqual([2, 2]);
	});

	it('without Continue On Fail, stops at a bad number before sending anything', async () => {
		const result = await run(
			{
				resource: 'contact',
				operation: 'createMany',
				number: '={{ $json.phone }}',
				serviceId: service().id,
			},
			{ items: items(['5511900000001', '12']) },
		);
		expect(result.error?.message).toBe('"Phone Number" is not a valid phone number');
		expect(result.error?.context?.itemIndex).toBe(1);
		expect(fake.requests).toHaveLength(0);
	});

	it('pairs an answer that is not one record per contact with every item of its batch', async () => {
		fake.failNext({ status: 200, body: { created: 2 } });
		const result = await run(
			{
				resource: 'contact',
				operation: 'createMany',
				number: '={{ $json.phone }}',
				serviceId: service().id,
			},
			{ items: items(['5511900000001', '5511900000002']) },
		);
		expect(result.items).toEqual([
			{ json: { created: 2 }, pairedItem: [{ item: 0 }, { item: 1 }] },
		]);
	});
});

describe('contact: get, getAll, delete', () => {
	it('gets a contact with its tags and custom field values', async () => {
		const [contact] = fake.addContacts(1, {
			tagIds: [tag(vip).id],
			customFieldValues: [{ id: 'v1', customFieldId: cpfField().id, value: '1' }],
		});
		const result = await run({
			resource: 'contact',
			operation: 'get',
			contactId: byId(contact.id),
		});
		expect(result.error).toBeUndefined();
		const request = fake.last('GET', `/api/v1/contacts/${contact.id}`);
		expect(request.query).toEqual({ 'include[0]': 'tags', 'include[1]': 'customFieldValues' });
		expect(result.items[0].json.tags).toEqual([tag(vip)]);
		expect(result.items[0].json.customFieldValues).toEqual([
			{ id: 'v1', customFieldId: cpfField().id, value: '1' },
		]);
	});

	it('pages through 250 contacts in 3 pages', async () => {
		fake.addContacts(250);
		const result = await run({ resource: 'contact', operation: 'getAll', returnAll: true });
		expect(result.items).toHaveLength(250);
		expect(fake.requests.map((r) => r.query.page)).toEqual(['1', '2', '3']);
	});

	it('filters by connection, tag, custom field and name or number, merged with a raw query', async () => {
		const [ana, bruno] = fake.addContacts(2);
		ana.name = 'Ana Souza';
		ana.tagIds = [tag(vip).id];
		ana.customFieldValues = [{ id: 'v1', customFieldId: cpfField().id, value: '111.222' }];
		bruno.name = 'Ana Bruna';
		bruno.tagIds = [tag(late).id];
		const result = await run({
			resource: 'contact',
			operation: 'getAll',
			returnAll: true,
			filters: {
				serviceId: service().id,
				tagIds: [tag(vip).id],
				customFieldId: cpfField().id,
				customFieldValue: '222',
				search: 'ana',
			},
			options: {
				includeTags: true,
				query: '{"where": {"isGroup": {"$eq": false}, "visible": true}}',
			},
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.id)).toEqual([ana.id]);
		const query = queryOf(fake.last('GET', '/api/v1/contacts'));
		// Both sides constrain isGroup, so the two where objects are combined with $and.
		expect(query.where).toEqual({
			$and: [
				{
					serviceId: service().id,
					isGroup: { $eq: false },
					$or: [
						// Letters with accented forms are `_`: "ana" also finds "Ána".
						{ name: { $iLike: '%_n_%' } },
						{ internalName: { $iLike: '%_n_%' } },
						{ alternativeName: { $iLike: '%_n_%' } },
					],
				},
				{ isGroup: { $eq: false }, visible: true },
			],
		});
		expect(query.include).toEqual([
			{ model: 'tags', required: true, where: { id: { $in: [tag(vip).id] } } },
			{
				model: 'customFieldValues',
				required: true,
				where: { customFieldId: cpfField().id, value: { $iLike: '%222%' } },
			},
		]);
		expect(query.order).toEqual([['name', 'ASC']]);
	});

	it('searches numbers by their digits and escapes LIKE wildcards', async () => {
		const [contact] = fake.addContacts(2);
		contact.data = { number: '5511987654321', valid: true };
		const result = await run({
			resource: 'contact',
			operation: 'getAll',
			returnAll: true,
			filters: { search: '98765-43' },
		});
		expect(result.items.map((i) => i.json.id)).toEqual([contact.id]);
		const where = queryOf(fake.last('GET', '/api/v1/contacts')).where as {
			$or: Array<Record<string, unknown>>;
		};
		expect(where.$or[3]).toEqual({ 'data.number': { $iLike: '%9876543%' } });
		await run({
			resource: 'contact',
			operation: 'getAll',
			returnAll: true,
			filters: { search: '50%_off' },
		});
		const escaped = queryOf(fake.last('GET', '/api/v1/contacts')).where as {
			$or: Array<Record<string, unknown>>;
		};
		expect(escaped.$or[0]).toEqual({ name: { $iLike: '%50\\%\\__ff%' } });
	});

	// Digisac keeps some Brazilian mobiles without their 9th digit (sent 5541990333696, stored
	// 554190333696: douglara/digisac cassette create_contact/valid_contact/with_9_digits.yml).
	it.each([
		['5541990333696', 'the full number with the 9th digit'],
		['+55 (41) 99033-3696', 'the same, formatted'],
		['41 99033-3696', 'without the country code'],
		['554190333696', 'as stored'],
	])('finds a contact stored without the 9th digit by %s (%s)', async (search) => {
		const created = await run({
			resource: 'contact',
			operation: 'create',
			number: '5541990333696',
			serviceId: service().id,
			additionalFields: { internalName: 'Maria' },
		});
		expect((created.items[0].json.data as IDataObject).number).toBe('554190333696');
		// Same last 8 digits, another area code and another person: never found.
		fake.addContacts(1, { data: { number: '554290333696', valid: true } });
		const result = await run({
			resource: 'contact',
			operation: 'getAll',
			returnAll: true,
			filters: { search },
		});
		expect(result.items.map((i) => i.json.id)).toEqual([created.items[0].json.id]);
	});

	it('finds by a local mobile number without its area code in every area code, either form', async () => {
		const [stored, other, unrelated] = fake.addContacts(3);
		stored.data = { number: '554190333696', valid: true };
		other.data = { number: '5542990333696', valid: true };
		unrelated.data = { number: '554190333697', valid: true };
		const result = await run({
			resource: 'contact',
			operation: 'getAll',
			returnAll: true,
			filters: { search: '99033-3696' },
		});
		expect(result.items.map((i) => i.json.id).sort()).toEqual([stored.id, other.id].sort());
	});

	it.each([['1187654321'], ['+55 11 8765-4321'], ['5511987654321']])(
		'finds a contact stored with the 9th digit by %s',
		async (search) => {
			const [contact] = fake.addContacts(2);
			contact.data = { number: '5511987654321', valid: true };
			const result = await run({
				resource: 'contact',
				operation: 'getAll',
				returnAll: true,
				filters: { search },
			});
			expect(result.items.map((i) => i.json.id)).toEqual([contact.id]);
		},
	);

	it('searches names regardless of accents and case: "joao" finds João, not Joana', async () => {
		const [joana, joao, plain, maria] = fake.addContacts(4);
		joana.name = 'Joana Lima';
		joao.name = 'João Santos';
		plain.name = 'Joao Silva';
		maria.name = 'Maria';
		maria.internalName = 'Maria da Conceição';
		const search = async (term: string, limit?: number) => {
			const result = await run({
				resource: 'contact',
				operation: 'getAll',
				returnAll: limit === undefined,
				...(limit === undefined ? {} : { limit }),
				filters: { search: term },
			});
			expect(result.error).toBeUndefined();
			return result.items.map((i) => i.json.name);
		};
		expect(await search('joao')).toEqual(['João Santos', 'Joao Silva']);
		expect(await search('JOÃO SANTOS')).toEqual(['João Santos']);
		// Joana sorts before João and matches the server's pattern: dropped before the limit counts.
		expect(await search('joão', 1)).toEqual(['João Santos']);
		expect(await search('conceicao')).toEqual(['Maria']);
	});

	it("deletes a contact, and reports an unknown one with Digisac's message", async () => {
		const [contact] = fake.addContacts(1);
		const result = await run({ resource: 'contact', operation: 'delete', contactId: contact.id });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toEqual({ success: true, id: contact.id, deleted: true });
		expect(fake.state.contacts).toHaveLength(0);
		const again = await run({ resource: 'contact', operation: 'delete', contactId: contact.id });
		expect(again.error?.message).toBe(`Contact ${contact.id} not found`);
	});
});

describe('contact: block, unblock, checkWhatsApp, exportCsv', () => {
	it('blocks with a reason and unblocks, as {block: boolean}', async () => {
		const [contact] = fake.addContacts(1);
		const blocked = await run({
			resource: 'contact',
			operation: 'block',
			contactId: contact.id,
			options: { description: 'spam' },
		});
		expect(blocked.error).toBeUndefined();
		expect(fake.last('POST', `/api/v1/contacts/${contact.id}/block`).json).toEqual({
			block: true,
			description: 'spam',
		});
		expect(
			(blocked.items[0].json.data as { whatsapp: { isBlocked: boolean } }).whatsapp.isBlocked,
		).toBe(true);
		await run({ resource: 'contact', operation: 'unblock', contactId: contact.id });
		expect(fake.last('POST', `/api/v1/contacts/${contact.id}/block`).json).toEqual({
			block: false,
		});
	});

	it('checks numbers with numbers[]= and gives one item per number', async () => {
		actionsOf(fake).whatsappNumbers.add('5511987654321');
		const result = await run({
			resource: 'contact',
			operation: 'checkWhatsApp',
			numbers: '+55 11 98765-4321, 5521900000000',
			serviceId: service().id,
		});
		expect(result.error).toBeUndefined();
		const request = fake.last('GET', '/api/v1/contacts/exists');
		expect(request.query).toEqual({
			'numbers[]': ['5511987654321', '5521900000000'],
			serviceId: service().id,
		});
		expect(result.items.map((i) => i.json)).toEqual([
			{ number: '5511987654321', exists: true },
			{ number: '5521900000000', exists: false },
		]);
	});

	it('reads a list-shaped answer of the WhatsApp check too', async () => {
		fake.failNext({ status: 200, body: [{ exists: true, contactId: 'c-1' }] });
		const result = await run({
			resource: 'contact',
			operation: 'checkWhatsApp',
			numbers: '5511987654321',
			serviceId: service().id,
		});
		expect(result.items[0].json).toEqual({
			number: '5511987654321',
			exists: true,
			contactId: 'c-1',
		});
	});

	it('exports contacts to a CSV file named by Digisac', async () => {
		const [contact] = fake.addContacts(2);
		contact.internalName = 'Ana';
		const result = await run({
			resource: 'contact',
			operation: 'exportCsv',
			filters: { serviceId: service().id },
			options: { separator: 'semiColon', binaryPropertyName: 'csv' },
		});
		expect(result.error).toBeUndefined();
		const request = fake.last('POST', '/api/v1/contacts/export/csv');
		expect(request.headers['content-type']).toMatch(/application\/json/);
		expect(request.json).toEqual({
			where: { visible: true, serviceId: service().id, isGroup: { $eq: false } },
			order: [['name', 'ASC']],
			type: 'semiColon',
			serviceType: 'whatsapp',
		});
		expect(result.items[0].binary?.csv).toMatchObject({
			fileName: 'contatos.csv',
			mimeType: 'text/csv',
		});
		const text = binaryBytes(result.items[0], 'csv').toString();
		expect(text.split('\n')[0]).toBe('Nome;Número');
		expect(text).toContain(`Ana;${(contact.data as { number: string }).number}`);
	});
});

describe('group', () => {
	it('creates a group and adds its first members', async () => {
		const result = await run({
			resource: 'group',
			operation: 'create',
			serviceId: service().id,
			name: 'Clientes VIP',
			members: '11 98765-4321, 5521912345678',
		});
		expect(result.error).toBeUndefined();
		expect(fake.last('POST', '/api/v1/contacts').json).toEqual({
			serviceId: service().id,
			internalName: 'Clientes VIP',
			isGroup: true,
		});
		const groupId = String(result.items[0].json.id);
		expect(fake.last('POST', `/api/v1/contacts/${groupId}/add-members`).json).toEqual([
			{ number: '5511987654321' },
			{ number: '5521912345678' },
		]);
		expect(result.items[0].json).toMatchObject({
			isGroup: true,
			members: [{ number: '5511987654321' }, { number: '5521912345678' }],
		});
	});

	it('says the group exists when adding its members fails', async () => {
		fake.failNext(
			{
				status: 400,
				body: { error: 'BadRequestHttpError', message: 'Participant not on WhatsApp', status: 400 },
			},
			1,
			(r) => r.path.endsWith('/add-members'),
		);
		const result = await run({
			resource: 'group',
			operation: 'create',
			serviceId: service().id,
			name: 'G',
			members: '5511987654321',
		});
		expect(result.error?.message).toBe('Participant not on WhatsApp');
		expect(result.error?.description).toMatch(/The group was created \(ID [0-9a-f-]+\)/);
	});

	it('adds members by number, promotes and demotes by contact ID', async () => {
		const [group] = fake.addContacts(1, {
			isGroup: true,
			data: { number: 'g@g.us', participants: [], admins: [] },
		});
		const [member] = fake.addContacts(1);
		await run({
			resource: 'group',
			operation: 'addMembers',
			groupId: byId(group.id),
			members: '5511987654321',
		});
		expect(fake.last('POST', `/api/v1/contacts/${group.id}/add-members`).json).toEqual([
			{ number: '5511987654321' },
		]);
		const promoted = await run({
			resource: 'group',
			operation: 'promoteMembers',
			groupId: group.id,
			members: member.id,
		});
		expect(promoted.error).toBeUndefined();
		expect(fake.last('POST', `/api/v1/contacts/${group.id}/promote-members`).json).toEqual([
			member.id,
		]);
		expect((group.data as { admins: string[] }).admins).toEqual([member.id]);
		expect(promoted.items[0].json).toEqual({
			success: true,
			groupId: group.id,
			members: [member.id],
		});
		await run({
			resource: 'group',
			operation: 'demoteMembers',
			groupId: group.id,
			members: member.id,
		});
		expect(fake.last('POST', `/api/v1/contacts/${group.id}/demote-members`).json).toEqual([
			member.id,
		]);
		expect((group.data as { admins: string[] }).admins).toEqual([]);
	});

	it('passes on Digisac refusing members for a contact that is not a group', async () => {
		const [contact] = fake.addContacts(1);
		const result = await run({
			resource: 'group',
			operation: 'addMembers',
			groupId: contact.id,
			members: '5511987654321',
		});
		expect(result.error?.message).toBe(`Contact ${contact.id} is not a group`);
		expect(result.error?.httpCode).toBe('400');
	});
});
