import * as listSearch from '../../nodes/TomTicket/methods/listSearch';
import * as loadOptions from '../../nodes/TomTicket/methods/loadOptions';
import { formText } from '../fakes/fakeServer';
import { byId } from '../harness';

import { byProtocol, formFields, useTomTicket } from './harness';

const { fake, run, callMethod } = useTomTicket();

function addCustomers(count: number) {
	for (let n = 0; n < count; n++) {
		fake.state.customers.push({
			id: `cus-x${n}`,
			internal_id: `ID-${n}`,
			name: `Cliente ${n}`,
			email: `c${n}@example.com`,
			custom_fields: [{ field_id: 'cf-1', value: String(n) }],
		});
	}
}

describe('chat', () => {
	it('gets a chat by id (chat_id) and by protocol', async () => {
		const chats = fake.addChats(3);
		const byHash = await run({
			resource: 'chat',
			operation: 'get',
			chatId: byId(chats[1].id),
		});
		expect(byHash.error).toBeUndefined();
		expect(fake.last('GET', '/chat/detail').query).toEqual({ chat_id: chats[1].id });
		expect(byHash.items[0].json.messages).toHaveLength(1);

		fake.reset();
		const byNumber = await run({
			resource: 'chat',
			operation: 'get',
			chatId: byProtocol(chats[2].protocol),
		});
		expect(byNumber.items[0].json.id).toBe(chats[2].id);
		expect(fake.requests.map((r) => r.path)).toEqual(['/chat/list', '/chat/detail']);
		expect(fake.requests[0].query).toEqual({
			min_protocol: String(chats[2].protocol),
			max_protocol: String(chats[2].protocol),
		});
	});

	it('reports an unknown chat with HTTP 404', async () => {
		const result = await run({ resource: 'chat', operation: 'get', chatId: byId('nada') });
		expect(result.error?.message).toBe('Chat não encontrado.');
		expect(result.error?.httpCode).toBe('404');
	});

	it("pages through chats with the API's filters", async () => {
		fake.addChats(120);
		const all = await run({
			resource: 'chat',
			operation: 'getAll',
			returnAll: true,
			filters: {},
		});
		expect(all.items).toHaveLength(120);
		expect(fake.requests.map((r) => r.query.page)).toEqual(['1', '2', '3']);

		fake.reset();
		const filtered = await run({
			resource: 'chat',
			operation: 'getAll',
			returnAll: false,
			limit: 5,
			filters: {
				customerId: 'CPF-123',
				departmentId: 'dep-suporte',
				organizationId: 'org-1',
				createdAfter: '2020-01-01T03:00:00Z',
				protocolFrom: 5010,
			},
		});
		expect(filtered.error).toBeUndefined();
		expect(fake.last('GET', '/chat/list').query).toEqual({
			page: '1',
			customer_id: 'CPF-123',
			customer_type_id: 'I',
			department_id: 'dep-suporte',
			organization_id: 'org-1',
			creation_date_ge: '2020-01-01 00:00:00-0300',
			min_protocol: '5010',
			max_protocol: '2147483647',
		});
		expect(filtered.items).toHaveLength(5);
		expect(filtered.items.every((i) => Number(i.json.protocol) >= 5010)).toBe(true);
	});
});

describe('customer', () => {
	it('creates a customer with multipart fields', async () => {
		const result = await run({
			resource: 'customer',
			operation: 'create',
			customerId: '987.654.321-00',
			name: 'Ana Paula',
			additionalFields: {
				email: 'ana@example.com',
				phone: '11912345678',
				allowCreateTickets: false,
				organizationId: 'org-2',
				language: 'es_ES',
				customFields: { field: [{ fieldId: 'cf-cargo', value: 'Gerente' }] },
			},
		});
		expect(result.error).toBeUndefined();
		expect(formFields(fake.last('POST', '/customer/new'))).toEqual({
			customer_id: '987.654.321-00',
			name: 'Ana Paula',
			email: 'ana@example.com',
			phone: '11912345678',
			create_tickets: '0',
			organization_id: 'org-2',
			language: 'es_ES',
			'custom_field[cf-cargo]': 'Gerente',
		});
		expect(result.items[0].json).toMatchObject({ success: true, customer_id: '987.654.321-00' });
		const stored = fake.state.customers.find((c) => c.internal_id === '987.654.321-00');
		expect(stored).toMatchObject({
			name: 'Ana Paula',
			allow_create_tickets: false,
			organization: { id: 'org-2' },
		});
	});

	it('refuses a phone longer than 20 characters before sending, and shows a duplicate refusal', async () => {
		const long = await run({
			resource: 'customer',
			operation: 'create',
			customerId: 'X1',
			name: 'N',
			additionalFields: { phone: '+55 (11) 91234-5678 ramal 22' },
		});
		expect(long.error?.message).toBe('"Phone" is too long for TomTicket: at most 20 characters');
		expect(fake.requests).toHaveLength(0);
		const longName = await run({
			resource: 'customer',
			operation: 'create',
			customerId: 'X1',
			name: 'N'.repeat(251),
			additionalFields: {},
		});
		expect(longName.error?.description).toBe(
			'TomTicket accepts at most 250 characters in a name. Shorten it.',
		);
		const duplicate = await run({
			resource: 'customer',
			operation: 'create',
			customerId: 'CPF-123',
			name: 'Maria',
			additionalFields: {},
		});
		expect(duplicate.error?.message).toBe('Já existe um cliente com este identificador.');
	});

	it('updates a customer found by e-mail (customer_type_id E)', async () => {
		const result = await run({
			resource: 'customer',
			operation: 'update',
			customerId: { __rl: true, mode: 'list', value: 'joao@example.com' },
			updateFields: { name: 'João P. Santos', phone: '21999990000' },
			options: {},
		});
		expect(result.error).toBeUndefined();
		expect(formFields(fake.last('POST', '/customer/update'))).toEqual({
			customer_id: 'joao@example.com',
			customer_type_id: 'E',
			name: 'João P. Santos',
			phone: '21999990000',
		});
		expect(fake.state.customers[1]).toMatchObject({ name: 'João P. Santos', phone: '21999990000' });
	});

	it('refuses an update with nothing to change', async () => {
		const result = await run({
			resource: 'customer',
			operation: 'update',
			customerId: byId('CPF-123'),
			updateFields: {},
			options: {},
		});
		expect(result.error?.message).toBe('Nothing to update');
		expect(fake.requests).toHaveLength(0);
	});

	it('reads the Customer in its "By Internal ID or E-Mail" mode, and in the mode saved before (id)', async () => {
		for (const mode of ['idOrEmail', 'id']) {
			const result = await run({
				resource: 'customer',
				operation: 'get',
				customerId: { __rl: true, mode, value: 'maria@example.com' },
				options: {},
			});
			expect(result.error).toBeUndefined();
			expect(fake.last('GET', '/customer/details').query).toEqual({
				customer_id: 'maria@example.com',
				customer_type_id: 'E',
			});
		}
	});

	it('gets a customer by internal id or e-mail, and reports an unknown one', async () => {
		const byInternal = await run({
			resource: 'customer',
			operation: 'get',
			customerId: byId('CPF-456'),
			options: {},
		});
		expect(fake.last('GET', '/customer/details').query).toEqual({
			customer_id: 'CPF-456',
			customer_type_id: 'I',
		});
		expect(byInternal.items[0].json.name).toBe('João Santos');
		const byEmail = await run({
			resource: 'customer',
			operation: 'get',
			customerId: byId('maria@example.com'),
			options: {},
		});
		expect(fake.last('GET', '/customer/details').query).toEqual({
			customer_id: 'maria@example.com',
			customer_type_id: 'E',
		});
		expect(byEmail.items[0].json.internal_id).toBe('CPF-123');
		const unknown = await run({
			resource: 'customer',
			operation: 'get',
			customerId: byId('CPF-000'),
			options: { customerIdType: 'I' },
		});
		expect(unknown.error?.message).toBe('Cliente não encontrado.');
	});

	it('pages through customers, with custom fields when asked', async () => {
		addCustomers(118); // 120 with the two seeded
		const result = await run({
			resource: 'customer',
			operation: 'getAll',
			returnAll: true,
			options: { includeCustomFields: true },
		});
		expect(result.items).toHaveLength(120);
		expect(fake.requests.map((r) => r.query)).toEqual([
			{ show_custom_fields: '1', page: '1' },
			{ show_custom_fields: '1', page: '2' },
			{ show_custom_fields: '1', page: '3' },
		]);
		expect(result.items[5].json.custom_fields).toBeDefined();
	});
});

describe('department, category, operator, custom field, organization', () => {
	it('lists departments, with nested items when asked', async () => {
		const plain = await run({
			resource: 'department',
			operation: 'getAll',
			returnAll: true,
			options: {},
		});
		expect(fake.last().query).toEqual({ show_nested_items: '0', page: '1' });
		expect(plain.items.map((i) => i.json)).toEqual([
			{ id: 'dep-suporte', name: 'Suporte' },
			{ id: 'dep-comercial', name: 'Comercial' },
		]);
		const nested = await run({
			resource: 'department',
			operation: 'getAll',
			returnAll: false,
			limit: 1,
			options: { includeNestedItems: true },
		});
		expect(nested.items).toHaveLength(1);
		expect(nested.items[0].json.operators).toHaveLength(2);
	});

	it('lists the categories of a department', async () => {
		const result = await run({
			resource: 'category',
			operation: 'getAll',
			departmentId: 'dep-suporte',
			returnAll: true,
		});
		expect(fake.last().query).toEqual({ department_id: 'dep-suporte', page: '1' });
		expect(result.items.map((i) => i.json.name)).toEqual(['Acesso', 'Financeiro']);
		const unknown = await run({
			resource: 'category',
			operation: 'getAll',
			departmentId: 'dep-x',
			returnAll: true,
		});
		expect(unknown.error?.message).toBe('Departamento não encontrado.');
	});

	it("lists one department's operators", async () => {
		const result = await run({
			resource: 'operator',
			operation: 'getAll',
			departmentId: 'dep-comercial',
			returnAll: true,
		});
		expect(fake.last().path).toBe('/department/operator/list');
		expect(fake.last().query).toEqual({ department_id: 'dep-comercial', page: '1' });
		expect(result.items.map((i) => i.json.name)).toEqual(['Bruno Lima', 'Carla Dias']);
	});

	it('lists every operator once, from one nested department call', async () => {
		const result = await run({
			resource: 'operator',
			operation: 'getAll',
			departmentId: '',
			returnAll: true,
		});
		expect(
			fake.requests.map(
				(r) => `${r.path}?${new URLSearchParams(r.query as Record<string, string>)}`,
			),
		).toEqual(['/department/list?show_nested_items=1']);
		expect(result.items.map((i) => i.json.id)).toEqual(['op-ana', 'op-bruno', 'op-carla']);
		expect(result.items[1].json.departments).toEqual([
			{ id: 'dep-suporte', name: 'Suporte' },
			{ id: 'dep-comercial', name: 'Comercial' },
		]);
		const limited = await run({
			resource: 'operator',
			operation: 'getAll',
			departmentId: '',
			returnAll: false,
			limit: 2,
		});
		expect(limited.items).toHaveLength(2);
	});

	it('lists the custom fields of a department, or of one of its categories', async () => {
		const general = await run({
			resource: 'customField',
			operation: 'getAll',
			departmentId: 'dep-suporte',
			returnAll: true,
			options: {},
		});
		expect(fake.last().query).toEqual({ department_id: 'dep-suporte' });
		expect(general.items.map((i) => i.json)).toEqual([
			{ id: 'cf-contrato', label: 'Número do contrato' },
		]);
		const ofCategory = await run({
			resource: 'customField',
			operation: 'getAll',
			departmentId: 'dep-suporte',
			returnAll: true,
			options: { categoryId: 'cat-financeiro' },
		});
		expect(fake.last().query).toEqual({
			department_id: 'dep-suporte',
			category_id: 'cat-financeiro',
		});
		expect(ofCategory.items.map((i) => i.json.id)).toEqual(['cf-banco']);
	});

	it('accepts custom fields as a bare data array too', async () => {
		fake.failNext({
			status: 200,
			body: {
				error: false,
				message: '',
				success: true,
				size: 2,
				data: [
					{ id: 'a', label: 'A' },
					{ id: 'b', label: 'B' },
				],
			},
		});
		const result = await run({
			resource: 'customField',
			operation: 'getAll',
			departmentId: 'dep-suporte',
			returnAll: false,
			limit: 1,
			options: {},
		});
		expect(result.items.map((i) => i.json.id)).toEqual(['a']);
	});

	it('lists organizations', async () => {
		const result = await run({
			resource: 'organization',
			operation: 'getAll',
			returnAll: true,
		});
		expect(fake.last().path).toBe('/organization/list');
		expect(result.items.map((i) => i.json.name)).toEqual([
			'Padaria Pão Quente',
			'Oficina Dois Irmãos',
		]);
	});
});

describe('dropdowns and lists in the editor', () => {
	it('loads departments, sorted by name', async () => {
		const options = await callMethod({}, loadOptions.getDepartments);
		expect(options).toEqual([
			{ name: 'Comercial', value: 'dep-comercial' },
			{ name: 'Suporte', value: 'dep-suporte' },
		]);
		expect(fake.last().query).toEqual({ show_nested_items: '0' });
	});

	it('loads the categories of the chosen department, or all of them named with their department', async () => {
		const ofDepartment = await callMethod(
			{ resource: 'ticket', operation: 'create', departmentId: 'dep-suporte' },
			loadOptions.getCategories,
		);
		expect(ofDepartment.map((o) => o.value)).toEqual(['cat-acesso', 'cat-financeiro']);
		expect(fake.last().query).toMatchObject({ department_id: 'dep-suporte' });
		const inFilters = await callMethod(
			{ resource: 'ticket', operation: 'getAll', filters: { departmentId: 'dep-comercial' } },
			loadOptions.getCategories,
		);
		expect(inFilters).toEqual([{ name: 'Proposta', value: 'cat-proposta' }]);
		const all = await callMethod(
			{ resource: 'ticket', operation: 'getAll', filters: {} },
			loadOptions.getCategories,
		);
		expect(all.map((o) => o.name)).toEqual([
			'Comercial / Proposta',
			'Suporte / Acesso',
			'Suporte / Financeiro',
		]);
	});

	it('loads operators of a department, or of all departments without duplicates', async () => {
		const ofDepartment = await callMethod(
			{ departmentId: 'dep-comercial' },
			loadOptions.getOperators,
		);
		expect(ofDepartment.map((o) => o.name)).toEqual(['Bruno Lima', 'Carla Dias']);
		fake.reset();
		const all = await callMethod({}, loadOptions.getOperators);
		expect(all).toEqual([
			{ name: 'Ana Souza', value: 'op-ana' },
			{ name: 'Bruno Lima', value: 'op-bruno' },
			{ name: 'Carla Dias', value: 'op-carla' },
		]);
		expect(fake.requests).toHaveLength(1);
	});

	it('loads the custom fields of the department and chosen category', async () => {
		const fields = await callMethod(
			{ departmentId: 'dep-suporte', additionalFields: { categoryId: 'cat-financeiro' } },
			loadOptions.getCustomFields,
		);
		expect(fields).toEqual([
			{ name: 'Banco', value: 'cf-banco' },
			{ name: 'Número do contrato', value: 'cf-contrato' },
		]);
		const everywhere = await callMethod({}, loadOptions.getCustomFields);
		expect(everywhere.map((o) => o.value)).toEqual(['cf-banco', 'cf-contrato', 'cf-origem']);
	});

	it('loads organizations', async () => {
		expect((await callMethod({}, loadOptions.getOrganizations)).map((o) => o.value)).toEqual([
			'org-2',
			'org-1',
		]);
	});

	it('searches tickets by protocol through the API and pages the list', async () => {
		const tickets = fake.addTickets(60);
		const first = await callMethod({}, listSearch.searchTickets, [undefined, undefined]);
		expect(first.results).toHaveLength(50);
		expect(first.paginationToken).toBe('2');
		expect(first.results[0]).toEqual({
			name: `#${tickets[59].protocol} - ${tickets[59].subject} (Maria Oliveira)`,
			value: tickets[59].id,
		});
		const second = await callMethod({}, listSearch.searchTickets, [undefined, '2']);
		expect(second.results).toHaveLength(10);
		expect(second.paginationToken).toBeUndefined();
		const found = await callMethod({}, listSearch.searchTickets, [`#${tickets[3].protocol}`]);
		expect(fake.last().query).toEqual({
			page: '1',
			min_protocol: String(tickets[3].protocol),
			max_protocol: String(tickets[3].protocol),
		});
		expect(found.results.map((r) => r.value)).toEqual([tickets[3].id]);
	});

	it('searches customers and chats by text within a page', async () => {
		const customers = await callMethod({}, listSearch.searchCustomers, ['joão']);
		expect(customers.results).toEqual([
			{ name: 'João Santos (CPF-456, joao@example.com)', value: 'CPF-456' },
		]);
		const added = fake.addChats(2);
		const chats = await callMethod({}, listSearch.searchChats, ['maria']);
		expect(chats.results).toEqual([
			{ name: `#${added[1].protocol} - Maria Oliveira (Suporte)`, value: added[1].id },
			{ name: `#${added[0].protocol} - Maria Oliveira (Suporte)`, value: added[0].id },
		]);
		expect((await callMethod({}, listSearch.searchChats, ['ninguém'])).results).toEqual([]);
	});

	it('matches search text regardless of accents and case, as agents type it', async () => {
		for (const typed of ['joao', 'JOAO SANTOS', 'João', 'joão']) {
			const customers = await callMethod({}, listSearch.searchCustomers, [typed]);
			expect([typed, customers.results.map((r) => r.value)]).toEqual([typed, ['CPF-456']]);
		}
		const [ticket] = fake.addTickets(1, { subject: 'Impressão não sai' });
		for (const typed of ['impressao nao', 'IMPRESSÃO']) {
			const tickets = await callMethod({}, listSearch.searchTickets, [typed]);
			expect([typed, tickets.results.map((r) => r.value)]).toEqual([typed, [ticket.id]]);
		}
		expect((await callMethod({}, listSearch.searchTickets, ['impressora'])).results).toEqual([]);
	});
});

describe('what goes over the wire', () => {
	it('every write is multipart with the Bearer token, never JSON', async () => {
		const [ticket] = fake.addTickets(1);
		await run({
			resource: 'ticket',
			operation: 'linkOperator',
			ticketId: byId(ticket.id),
			operatorId: 'op-ana',
		});
		await run({
			resource: 'ticket',
			operation: 'comment',
			ticketId: byId(ticket.id),
			comment: 'x',
			options: {},
		});
		await run({
			resource: 'customer',
			operation: 'create',
			customerId: 'Z9',
			name: 'Zé',
			additionalFields: {},
		});
		const posts = fake.requests.filter((r) => r.method === 'POST');
		expect(posts).toHaveLength(3);
		for (const request of posts) {
			expect(request.headers['content-type']).toMatch(/^multipart\/form-data/);
			expect(request.headers.authorization).toBe(`Bearer ${fake.token}`);
			expect(request.json).toBeUndefined();
			expect(formText(request, 'ticket_id') ?? formText(request, 'customer_id')).toBeDefined();
		}
	});
});
