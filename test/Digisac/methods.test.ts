import { addTicket } from '../fakes/digisac/actions';

import { queryOf, useDigisac } from './harness';

const { fake, loadOptions, listSearch } = useDigisac();

describe('dropdowns (load options)', () => {
	it('lists active connections with their type and status', async () => {
		fake.state.services.push({
			id: 's-arch',
			name: 'Antiga',
			type: 'whatsapp',
			archivedAt: '2024-01-01',
			data: {},
		});
		const options = await loadOptions('getConnections');
		expect(options).toEqual([
			{
				name: 'WhatsApp Suporte (whatsapp)',
				value: fake.state.services[1].id,
				description: 'Disconnected',
			},
			{
				name: 'WhatsApp Vendas (whatsapp)',
				value: fake.state.services[0].id,
				description: 'Connected',
			},
		]);
		expect(queryOf(fake.last('GET', '/api/v1/services')).where).toEqual({
			archivedAt: { $eq: null },
		});
	});

	it.each([
		['getDepartments', ['Financeiro', 'Suporte']],
		['getUsers', ['Atendente API', 'Paula Ramos']],
		['getTags', ['Inadimplente', 'VIP']],
		['getTicketTopics', ['Dúvida']],
		['getCustomFields', ['CPF']],
		['getBots', ['Bot de triagem']],
	])('%s lists names sorted, with IDs as values', async (method, names) => {
		const options = await loadOptions(method);
		expect(options.map((o) => o.name)).toEqual(names);
		expect(options.every((o) => typeof o.value === 'string' && o.value.length > 0)).toBe(true);
	});

	it('pages through every record of a long list', async () => {
		for (let n = 0; n < 230; n++)
			fake.state.tags.push({ id: `t-${n}`, label: `Tag ${String(n).padStart(3, '0')}` });
		const options = await loadOptions('getTags');
		expect(options).toHaveLength(232);
		expect(fake.requests.map((r) => r.query.page)).toEqual(['1', '2', '3']);
	});

	it('lists the templates of the chosen connection', async () => {
		const [sales, support] = fake.state.services;
		fake.state.templates.push(
			{
				id: 'h1',
				name: 'cobranca',
				internalName: 'Cobrança',
				language: 'pt_BR',
				serviceId: sales.id,
				status: 'APPROVED',
			},
			{ id: 'h2', name: 'boas_vindas', language: 'pt_BR', serviceId: support.id },
		);
		const forSales = await loadOptions('getTemplates', { serviceId: sales.id });
		expect(forSales).toEqual([{ name: 'Cobrança (pt_BR)', value: 'h1', description: 'APPROVED' }]);
		const all = await loadOptions('getTemplates', {});
		expect(all.map((o) => o.value)).toEqual(['h2', 'h1']);
	});
});

describe('resource locators (list search)', () => {
	it('searches contacts by name or number, leaving groups out, page by page', async () => {
		const contacts = fake.addContacts(60);
		contacts[5].name = 'Ana Souza';
		fake.addContacts(1, { isGroup: true, name: 'Ana grupo' });
		const found = await listSearch('searchContacts', 'ana');
		expect(found.results).toEqual([
			{
				name: `Ana Souza (${(contacts[5].data as { number: string }).number})`,
				value: contacts[5].id,
			},
		]);
		expect(found.paginationToken).toBeUndefined();

		const first = await listSearch('searchContacts');
		expect(first.results).toHaveLength(50);
		expect(first.paginationToken).toBe('2');
		const second = await listSearch('searchContacts', undefined, first.paginationToken);
		expect(second.results).toHaveLength(10);
		expect(second.paginationToken).toBeUndefined();
		expect(fake.last('GET', '/api/v1/contacts').query.page).toBe('2');
	});

	it('finds a contact stored without the 9th digit by the number with it', async () => {
		const [stored, other] = fake.addContacts(2);
		stored.data = { number: '554190333696', valid: true };
		other.data = { number: '554290333696', valid: true };
		const found = await listSearch('searchContacts', '+55 41 99033-3696');
		expect(found.results.map((r) => r.value)).toEqual([stored.id]);
	});

	it('finds names regardless of accents: "joao" lists João, not Joana', async () => {
		const [joana, joao] = fake.addContacts(3);
		joana.name = 'Joana Lima';
		joao.name = 'João Santos';
		const found = await listSearch('searchContacts', 'joao');
		expect(found.results.map((r) => r.value)).toEqual([joao.id]);
	});

	it('searches groups only', async () => {
		fake.addContacts(2);
		const [group] = fake.addContacts(1, {
			isGroup: true,
			name: 'Equipe',
			data: { number: '123@g.us' },
		});
		const found = await listSearch('searchGroups');
		expect(found.results).toEqual([{ name: 'Equipe (123@g.us)', value: group.id }]);
	});

	it('searches tickets by protocol and shows contact and state', async () => {
		const [contact] = fake.addContacts(1);
		contact.name = 'Bruno';
		const ticket = addTicket(fake, { contactId: contact.id });
		const found = await listSearch('searchTickets', String(ticket.protocol));
		expect(found.results).toEqual([
			{
				name: `#${String(ticket.protocol)} Bruno (${(contact.data as { number: string }).number}) (open)`,
				value: ticket.id,
			},
		]);
	});

	it('searches messages by text and webhooks by name or URL', async () => {
		const [contact] = fake.addContacts(1);
		const message = fake.addIncomingMessage({
			contactId: contact.id,
			text: 'Quero cancelar',
			timestamp: '2024-05-01T12:30:00.000Z',
		});
		fake.addIncomingMessage({ contactId: contact.id, text: 'Outra coisa' });
		const messages = await listSearch('searchMessages', 'cancel');
		expect(messages.results).toEqual([
			{ name: '2024-05-01 12:30 Quero cancelar', value: message.id },
		]);

		fake.state.webhooks.push({
			id: 'w1',
			name: 'CRM',
			url: 'https://crm.example/h',
			events: ['message.created'],
		});
		const hooks = await listSearch('searchWebhooks', 'crm');
		expect(hooks.results).toEqual([{ name: 'CRM (https://crm.example/h)', value: 'w1' }]);
	});
});
