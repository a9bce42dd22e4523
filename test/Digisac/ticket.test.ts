import { actionsOf, addTicket } from '../fakes/digisac/actions';
import { byId } from '../harness';

import { binaryBytes, queryOf, useDigisac } from './harness';

const { fake, run } = useDigisac();
const support = () => fake.state.departments[0];
const finance = () => fake.state.departments[1];
const paula = () => fake.state.users[1];
const topic = () => fake.state.ticketTopics[0];

describe('ticket: transfer and close', () => {
	it("opens a ticket when the contact has none, and tolerates Digisac's empty answer", async () => {
		const [contact] = fake.addContacts(1);
		const result = await run({
			resource: 'ticket',
			operation: 'transfer',
			contactId: byId(contact.id),
			departmentId: finance().id,
			options: { userId: paula().id, comments: 'Segunda via de boleto' },
		});
		expect(result.error).toBeUndefined();
		const request = fake.last('POST', `/api/v1/contacts/${contact.id}/ticket/transfer`);
		expect(request.json).toEqual({
			departmentId: finance().id,
			userId: paula().id,
			comments: 'Segunda via de boleto',
		});
		expect(fake.state.tickets).toHaveLength(1);
		expect(fake.state.tickets[0]).toMatchObject({
			contactId: contact.id,
			isOpen: true,
			departmentId: finance().id,
			userId: paula().id,
		});
		expect(result.items[0].json).toEqual({
			success: true,
			contactId: contact.id,
			departmentId: finance().id,
			userId: paula().id,
			comments: 'Segunda via de boleto',
		});
	});

	it('transfers the open ticket instead of opening a second one, and outputs what was done with the ticket Digisac sends', async () => {
		const [contact] = fake.addContacts(1);
		const open = addTicket(fake, { contactId: contact.id, departmentId: support().id });
		actionsOf(fake).ticketAnswer = 'ticket';
		const result = await run({
			resource: 'ticket',
			operation: 'transfer',
			contactId: contact.id,
			departmentId: finance().id,
		});
		expect(result.error).toBeUndefined();
		expect(fake.last('POST', `/api/v1/contacts/${contact.id}/ticket/transfer`).json).toEqual({
			departmentId: finance().id,
		});
		expect(fake.state.tickets).toHaveLength(1);
		// The platform's object merged over what was done (shared actionResult).
		expect(result.items[0].json).toMatchObject({
			success: true,
			contactId: contact.id,
			id: open.id,
			departmentId: finance().id,
			isOpen: true,
		});
	});

	it('passes on an unknown department as Digisac reports it', async () => {
		const [contact] = fake.addContacts(1);
		const result = await run({
			resource: 'ticket',
			operation: 'transfer',
			contactId: contact.id,
			departmentId: 'dep-x',
		});
		expect(result.error?.message).toBe('Department dep-x not found');
		expect(fake.state.tickets).toHaveLength(0);
	});

	it('closes with closing topics as an array', async () => {
		const [contact] = fake.addContacts(1);
		addTicket(fake, { contactId: contact.id });
		const result = await run({
			resource: 'ticket',
			operation: 'close',
			contactId: contact.id,
			ticketTopicIds: [topic().id],
		});
		expect(result.error).toBeUndefined();
		expect(fake.last('POST', `/api/v1/contacts/${contact.id}/ticket/close`).json).toEqual({
			ticketTopicIds: [topic().id],
		});
		expect(fake.state.tickets[0]).toMatchObject({ isOpen: false, ticketTopicIds: [topic().id] });
		expect(result.items[0].json).toEqual({
			success: true,
			contactId: contact.id,
			closed: true,
			ticketTopicIds: [topic().id],
		});
	});

	it('closes without a body when no topic is chosen', async () => {
		const [contact] = fake.addContacts(1);
		addTicket(fake, { contactId: contact.id });
		const result = await run({ resource: 'ticket', operation: 'close', contactId: contact.id });
		expect(result.error).toBeUndefined();
		expect(fake.last('POST', `/api/v1/contacts/${contact.id}/ticket/close`).rawBody.length).toBe(0);
	});

	it('reports closing a contact with no open ticket', async () => {
		const [contact] = fake.addContacts(1);
		const result = await run({ resource: 'ticket', operation: 'close', contactId: contact.id });
		expect(result.error?.message).toBe(`Contact ${contact.id} has no open ticket`);
		expect(result.error?.httpCode).toBe('400');
	});
});

describe('ticket: get and getAll', () => {
	it("gets a ticket with the includes of Digisac's own request", async () => {
		const [contact] = fake.addContacts(1);
		const ticket = addTicket(fake, {
			contactId: contact.id,
			userId: paula().id,
			ticketTopicIds: [topic().id],
		});
		const result = await run({
			resource: 'ticket',
			operation: 'get',
			ticketId: byId(ticket.id),
			options: { includeTransfers: true },
		});
		expect(result.error).toBeUndefined();
		expect(fake.last('GET', `/api/v1/tickets/${ticket.id}`).query).toEqual({
			'include[0][model]': 'contact',
			'include[0][include][0]': 'avatar',
			'include[0][include][1]': 'thumbAvatar',
			'include[1]': 'department',
			'include[2]': 'user',
			'include[3]': 'ticketTopics',
			'include[4][model]': 'ticketTransfers',
			'include[4][include][0]': 'byUser',
		});
		expect(result.items[0].json).toMatchObject({
			id: ticket.id,
			contact: { id: contact.id },
			department: { id: support().id },
			user: { id: paula().id },
			ticketTopics: [topic()],
		});
	});

	it('lists open tickets of a department (Digisac\'s "abertos por departamento")', async () => {
		const [a, b] = fake.addContacts(2);
		const wanted = addTicket(fake, { contactId: a.id, departmentId: finance().id });
		addTicket(fake, { contactId: b.id, departmentId: support().id });
		addTicket(fake, { contactId: b.id, departmentId: finance().id, isOpen: false });
		const result = await run({
			resource: 'ticket',
			operation: 'getAll',
			returnAll: true,
			filters: { status: 'open', departmentId: finance().id },
		});
		expect(result.items.map((i) => i.json.id)).toEqual([wanted.id]);
		expect(queryOf(fake.last('GET', '/api/v1/tickets'))).toEqual({
			where: { isOpen: true, departmentId: finance().id },
			order: [['updatedAt', 'DESC']],
		});
	});

	it("filters closed tickets by connection through the contact, as Digisac's request does", async () => {
		const [onSales] = fake.addContacts(1);
		const [onSupport] = fake.addContacts(1, { serviceId: fake.state.services[1].id });
		const wanted = addTicket(fake, { contactId: onSales.id, isOpen: false });
		addTicket(fake, { contactId: onSupport.id, isOpen: false });
		addTicket(fake, { contactId: onSales.id });
		const result = await run({
			resource: 'ticket',
			operation: 'getAll',
			returnAll: true,
			filters: { status: 'closed', serviceId: fake.state.services[0].id },
		});
		expect(result.items.map((i) => i.json.id)).toEqual([wanted.id]);
		const query = queryOf(fake.last('GET', '/api/v1/tickets'));
		expect(query.include).toEqual([
			{ model: 'contact', required: true, where: { serviceId: fake.state.services[0].id } },
		]);
		expect(query.distinct).toBe(true);
	});

	it('sends the period as startPeriod / endPeriod, and includes transfers on request', async () => {
		const [contact] = fake.addContacts(1);
		const old = addTicket(fake, { contactId: contact.id, startedAt: '2024-01-10T10:00:00.000Z' });
		addTicket(fake, { contactId: contact.id, startedAt: '2024-03-10T10:00:00.000Z' });
		const result = await run({
			resource: 'ticket',
			operation: 'getAll',
			returnAll: true,
			filters: {
				contactId: byId(contact.id),
				startPeriod: '2024-01-01T00:00:00Z',
				endPeriod: '2024-01-31T23:59:59Z',
			},
			options: { includeTransfers: true },
		});
		expect(result.items.map((i) => i.json.id)).toEqual([old.id]);
		const request = fake.last('GET', '/api/v1/tickets');
		expect(request.query.startPeriod).toBe('2024-01-01T00:00:00.000Z');
		expect(request.query.endPeriod).toBe('2024-01-31T23:59:59.000Z');
		expect(queryOf(request)).toEqual({
			where: { contactId: contact.id },
			order: [['updatedAt', 'DESC']],
			include: [{ model: 'ticketTransfers', include: ['byUser'] }],
		});
		expect(result.items[0].json.ticketTransfers).toEqual([]);
	});

	it('pages through 230 tickets in 3 pages and merges the raw query', async () => {
		const [contact] = fake.addContacts(1);
		for (let n = 0; n < 230; n++) addTicket(fake, { contactId: contact.id, isOpen: n % 2 === 0 });
		const result = await run({
			resource: 'ticket',
			operation: 'getAll',
			returnAll: true,
			options: { query: '{"where": {"isOpen": true}, "perPage": 5}' },
		});
		expect(result.items).toHaveLength(115);
		expect(fake.requests.map((r) => [r.query.page, r.query.perPage])).toEqual([
			['1', '100'],
			['2', '100'],
		]);
		fake.reset();
		const all = await run({ resource: 'ticket', operation: 'getAll', returnAll: true });
		expect(all.items).toHaveLength(230);
		expect(fake.requests.map((r) => r.query.page)).toEqual(['1', '2', '3']);
	});
});

describe('ticket: exports', () => {
	it('exports a ticket as PDF from the account root, as binary', async () => {
		const [contact] = fake.addContacts(1);
		const ticket = addTicket(fake, { contactId: contact.id });
		const result = await run(
			{ resource: 'ticket', operation: 'exportPdf', ticketId: ticket.id },
			{ accountUrl: `${fake.url}/api/v1/` },
		);
		expect(result.error).toBeUndefined();
		const request = fake.last('GET', `/pdf/tickets/${ticket.id}/pt-BR`);
		expect(request.query).toEqual({ pdf: '1', lng: 'pt-BR' });
		expect(request.headers.authorization).toBe(`Bearer ${fake.token}`);
		expect(result.items[0].binary?.data).toMatchObject({
			fileName: `ticket-${ticket.id}.pdf`,
			mimeType: 'application/pdf',
		});
		expect(binaryBytes(result.items[0]).toString()).toMatch(/^%PDF-1\.4/);
		expect(result.items[0].json).toMatchObject({
			ticketId: ticket.id,
			fileName: `ticket-${ticket.id}.pdf`,
		});
	});

	it('exports a ticket as text by protocol', async () => {
		const [contact] = fake.addContacts(1);
		const ticket = addTicket(fake, { contactId: contact.id });
		fake.addIncomingMessage({
			contactId: contact.id,
			ticketId: ticket.id,
			text: 'preciso de ajuda',
		});
		const result = await run({
			resource: 'ticket',
			operation: 'exportTxt',
			protocol: String(ticket.protocol),
		});
		expect(result.error).toBeUndefined();
		expect(fake.last('POST', '/api/v1/tickets/export').json).toEqual({ protocol: ticket.protocol });
		expect(result.items[0].binary?.data).toMatchObject({
			fileName: `ticket-${String(ticket.protocol)}.txt`,
			mimeType: 'text/plain',
		});
		expect(binaryBytes(result.items[0]).toString()).toContain('preciso de ajuda');
	});

	it("reports an unknown protocol with Digisac's message", async () => {
		const result = await run({ resource: 'ticket', operation: 'exportTxt', protocol: '999' });
		expect(result.error?.message).toBe('Ticket with protocol 999 not found');
		expect(result.error?.httpCode).toBe('404');
	});

	it("exports the ticket history as CSV with the getAll filters and Digisac's file name", async () => {
		const [contact] = fake.addContacts(1);
		addTicket(fake, { contactId: contact.id, departmentId: finance().id });
		addTicket(fake, { contactId: contact.id, departmentId: support().id });
		const result = await run({
			resource: 'ticket',
			operation: 'exportCsv',
			filters: { departmentId: finance().id },
		});
		expect(result.error).toBeUndefined();
		const request = fake.last('POST', '/api/v1/tickets/export-history');
		const query = queryOf(request);
		expect(query.where).toEqual({ departmentId: finance().id });
		expect(query.include).toEqual(['contact', 'department', 'user', 'ticketTopics']);
		expect(result.items[0].binary?.data).toMatchObject({
			fileName: 'histórico chamados.csv',
			mimeType: 'text/csv',
		});
		expect(binaryBytes(result.items[0]).toString().trim().split('\n')).toHaveLength(2);
	});

	it('refuses an HTML page where a file was expected', async () => {
		const [contact] = fake.addContacts(1);
		const ticket = addTicket(fake, { contactId: contact.id });
		fake.failNext({
			status: 200,
			raw: '<html><head><title>Digisac - Login</title></head></html>',
			headers: { 'content-type': 'text/html' },
		});
		const result = await run({ resource: 'ticket', operation: 'exportPdf', ticketId: ticket.id });
		expect(result.error?.message).toBe('Digisac answered with an HTML page instead of a file');
		expect(result.error?.description).toMatch(/Digisac - Login/);
	});
});
