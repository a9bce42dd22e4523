import { formText, json } from '../fakes/fakeServer';
import type { RecordedFile } from '../fakes/fakeServer';
import { tomTicketDate } from '../fakes/tomticket';
import { binaryInput, byId } from '../harness';

import { byProtocol, formFields, useTomTicket } from './harness';

const { fake, run } = useTomTicket();

function ticketWithOperator() {
	const [ticket] = fake.addTickets(1);
	ticket.operator = { id: 'op-ana', name: 'Ana Souza' };
	return ticket;
}

describe('ticket: create', () => {
	it('posts multipart form data with every field, custom fields as custom_field[<id>], and returns id and protocol', async () => {
		const result = await run({
			resource: 'ticket',
			operation: 'create',
			customerId: byId('CPF-123'),
			departmentId: 'dep-suporte',
			subject: 'Impressora não imprime',
			message: 'Desde ontem a impressora do caixa não funciona.',
			additionalFields: {
				categoryId: 'cat-financeiro',
				priority: 3,
				customFields: {
					field: [
						{ fieldId: 'cf-contrato', value: 'CT-778' },
						{ fieldId: 'cf-banco', value: 'Itaú' },
					],
				},
			},
			options: { returnTicket: false },
		});
		expect(result.error).toBeUndefined();
		const request = fake.last('POST', '/ticket/new');
		expect(request.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
		expect(formFields(request)).toEqual({
			customer_id: 'CPF-123',
			customer_id_type: 'I',
			department_id: 'dep-suporte',
			subject: 'Impressora não imprime',
			message: 'Desde ontem a impressora do caixa não funciona.',
			category_id: 'cat-financeiro',
			priority: '3',
			'custom_field[cf-contrato]': 'CT-778',
			'custom_field[cf-banco]': 'Itaú',
		});
		const created = fake.state.tickets[0];
		expect(result.items).toEqual([
			{
				json: {
					success: true,
					message: 'Operação realizada com sucesso.',
					ticket_id: created.id,
					protocol: created.protocol,
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(created.custom_fields.open.map((f) => f.value)).toEqual(['CT-778', 'Itaú']);
		expect(created.category.id).toBe('cat-financeiro');
	});

	it('returns the created ticket as Ticket → Get gives it, keeping the ticket_id and protocol TomTicket answered', async () => {
		const create = {
			resource: 'ticket',
			operation: 'create',
			customerId: byId('CPF-123'),
			departmentId: 'dep-suporte',
			subject: 'Impressora não imprime',
			message: 'Desde ontem a impressora do caixa não funciona.',
			additionalFields: {},
		};
		const result = await run(create);
		expect(result.error).toBeUndefined();
		const created = fake.state.tickets[0];
		expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'POST /ticket/new',
			'GET /ticket/detail',
		]);
		expect(fake.last('GET', '/ticket/detail').query).toEqual({ ticket_id: created.id });
		const got = await run({ resource: 'ticket', operation: 'get', ticketId: byId(created.id) });
		expect(result.items).toEqual([
			{
				json: { ...got.items[0].json, ticket_id: created.id, protocol: created.protocol },
				pairedItem: { item: 0 },
			},
		]);
		// The ticket's own opening message, not the API's "Operação realizada com sucesso."
		expect(result.items[0].json.message).toBe('Desde ontem a impressora do caixa não funciona.');

		fake.requests.length = 0;
		const answerOnly = await run({ ...create, options: { returnTicket: false } });
		expect(fake.requests.map((r) => r.path)).toEqual(['/ticket/new']);
		expect(Object.keys(answerOnly.items[0].json)).toEqual([
			'success',
			'message',
			'ticket_id',
			'protocol',
		]);
	});

	it('keeps a created ticket a success when reading it back fails, and says so', async () => {
		fake.failNext(
			json({ error: true, message: 'Chamado não encontrado.', success: false }, 404),
			1,
			(request) => request.path === '/ticket/detail',
		);
		const result = await run({
			resource: 'ticket',
			operation: 'create',
			customerId: byId('CPF-123'),
			departmentId: 'dep-suporte',
			subject: 'Impressora não imprime',
			message: 'Desde ontem a impressora do caixa não funciona.',
			additionalFields: {},
		});
		expect(result.error).toBeUndefined();
		const created = fake.state.tickets[0];
		expect(fake.state.tickets).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({
			success: true,
			ticket_id: created.id,
			protocol: created.protocol,
		});
		expect(String(result.items[0].json.ticketReadError)).toMatch(
			/created.*could not be read back.*Chamado não encontrado/,
		);
	});

	it('sends an e-mail address as customer_id_type E unless the type is chosen', async () => {
		await run({
			resource: 'ticket',
			operation: 'create',
			customerId: { __rl: true, mode: 'list', value: 'joao@example.com' },
			departmentId: 'dep-comercial',
			subject: 'Proposta',
			message: 'Quero uma proposta',
			additionalFields: {},
		});
		expect(formText(fake.last('POST', '/ticket/new'), 'customer_id_type')).toBe('E');
		expect(fake.state.tickets[0].customer.email).toBe('joao@example.com');

		const forced = await run({
			resource: 'ticket',
			operation: 'create',
			customerId: byId('joao@example.com'),
			departmentId: 'dep-comercial',
			subject: 'Proposta',
			message: 'Quero uma proposta',
			additionalFields: { customerIdType: 'I' },
		});
		expect(formText(fake.last('POST', '/ticket/new'), 'customer_id_type')).toBe('I');
		expect(forced.error?.message).toBe('Cliente não encontrado.');
	});

	it('attaches files from several binary properties as attachment[0], attachment[1]', async () => {
		const pdf = Buffer.from('%PDF-1.4 fake pdf');
		const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
		const result = await run(
			{
				resource: 'ticket',
				operation: 'create',
				customerId: byId('CPF-123'),
				departmentId: 'dep-suporte',
				subject: 'Com anexos',
				message: 'Segue nota e print',
				additionalFields: { binaryPropertyName: 'nota, print' },
			},
			{
				items: [
					binaryInput({
						nota: { content: pdf, fileName: 'nota.pdf', mimeType: 'application/pdf' },
						print: { content: png, fileName: 'tela.png', mimeType: 'image/png' },
					}),
				],
			},
		);
		expect(result.error).toBeUndefined();
		const form = fake.last('POST', '/ticket/new').form!;
		const first = form['attachment[0]'][0] as RecordedFile;
		const second = form['attachment[1]'][0] as RecordedFile;
		expect([first.fileName, first.mimeType, first.content.equals(pdf)]).toEqual([
			'nota.pdf',
			'application/pdf',
			true,
		]);
		expect([second.fileName, second.mimeType, second.content.equals(png)]).toEqual([
			'tela.png',
			'image/png',
			true,
		]);
		expect(fake.state.tickets[0].attachments.map((a) => a.name)).toEqual(['nota.pdf', 'tela.png']);
	});

	it("refuses before sending when the files would exceed TomTicket's 25 MB per request", async () => {
		const big = Buffer.alloc(13 * 1024 * 1024, 1);
		const result = await run(
			{
				resource: 'ticket',
				operation: 'create',
				customerId: byId('CPF-123'),
				departmentId: 'dep-suporte',
				subject: 'Grande',
				message: 'Arquivos grandes',
				additionalFields: { binaryPropertyName: 'a,b' },
			},
			{
				items: [
					binaryInput({
						a: { content: big, fileName: 'a.bin', mimeType: 'application/octet-stream' },
						b: { content: big, fileName: 'b.bin', mimeType: 'application/octet-stream' },
					}),
				],
			},
		);
		expect(result.error?.message).toMatch(/above TomTicket's 25 MB limit/);
		expect(result.error?.description).toMatch(/a\.bin \(13\.0 MB\), b\.bin \(13\.0 MB\)/);
		expect(fake.requests).toHaveLength(0);
	});

	it('refuses more than 25 attachments and a missing binary property, naming it', async () => {
		const files: Record<string, { content: string; fileName: string; mimeType: string }> = {};
		for (let n = 0; n < 26; n++)
			files[`f${n}`] = { content: 'x', fileName: `f${n}.txt`, mimeType: 'text/plain' };
		const base = {
			resource: 'ticket',
			operation: 'create',
			customerId: byId('CPF-123'),
			departmentId: 'dep-suporte',
			subject: 'x',
			message: 'y',
		};
		const tooMany = await run(
			{ ...base, additionalFields: { binaryPropertyName: Object.keys(files).join(',') } },
			{ items: [binaryInput(files)] },
		);
		expect(tooMany.error?.message).toBe('TomTicket accepts at most 25 attachments per request');
		const missing = await run(
			{ ...base, additionalFields: { binaryPropertyName: 'anexo' } },
			{
				items: [binaryInput({ data: { content: 'x', fileName: 'x.txt', mimeType: 'text/plain' } })],
			},
		);
		expect(missing.error?.message).toBe('Item 0 has no binary property "anexo"');
		expect(fake.requests).toHaveLength(0);
	});

	it('validates the subject length and the priority before sending', async () => {
		const base = {
			resource: 'ticket',
			operation: 'create',
			customerId: byId('CPF-123'),
			departmentId: 'dep-suporte',
			message: 'y',
		};
		const longSubject = await run({
			...base,
			subject: 'a'.repeat(251),
			additionalFields: {},
		});
		expect(longSubject.error?.message).toBe(
			'"Subject" is too long for TomTicket: 251 characters, at most 250',
		);
		// Advice for a subject, not for a reply.
		expect(longSubject.error?.description).toBe(
			'TomTicket accepts at most 250 characters in a subject. Shorten it, and put the details in "Message".',
		);
		const badPriority = await run({
			...base,
			subject: 'ok',
			additionalFields: { priority: 7 },
		});
		expect(badPriority.error?.message).toBe('"Priority" must be 1, 2, 3 or 4');
		expect(fake.requests).toHaveLength(0);
	});
});

describe('ticket: get and the ticket locator', () => {
	it('gets a ticket by hash id with its replies', async () => {
		const [ticket] = fake.addTickets(1);
		ticket.replies.push({
			id: 'r1',
			message: 'Oi',
			sender: 'Maria',
			sender_type: 'C',
			date: tomTicketDate(new Date()),
			attachments: [],
		});
		const result = await run({
			resource: 'ticket',
			operation: 'get',
			ticketId: byId(ticket.id),
			options: { includeTags: true },
		});
		expect(result.error).toBeUndefined();
		const request = fake.last('GET', '/ticket/detail');
		expect(request.query).toEqual({ ticket_id: ticket.id, show_tags: '1' });
		expect(result.items[0].json.id).toBe(ticket.id);
		expect(result.items[0].json.replies).toHaveLength(1);
	});

	it('resolves a protocol number through /ticket/list with min_protocol = max_protocol', async () => {
		const tickets = fake.addTickets(5);
		const wanted = tickets[2];
		const result = await run({
			resource: 'ticket',
			operation: 'get',
			ticketId: byProtocol(`#${wanted.protocol}`),
		});
		expect(result.error).toBeUndefined();
		expect(fake.requests.map((r) => r.path)).toEqual(['/ticket/list', '/ticket/detail']);
		expect(fake.requests[0].query).toEqual({
			min_protocol: String(wanted.protocol),
			max_protocol: String(wanted.protocol),
		});
		expect(fake.requests[1].query.ticket_id).toBe(wanted.id);
		expect(result.items[0].json.protocol).toBe(wanted.protocol);
	});

	it('looks each protocol up once per execution', async () => {
		const [ticket] = fake.addTickets(1);
		const result = await run(
			{ resource: 'ticket', operation: 'get', ticketId: byProtocol(ticket.protocol) },
			{ items: [{ json: {} }, { json: {} }, { json: {} }] },
		);
		expect(result.items).toHaveLength(3);
		expect(fake.handled('GET', '/ticket/list')).toHaveLength(1);
		expect(fake.handled('GET', '/ticket/detail')).toHaveLength(3);
	});

	it('says clearly when no ticket has the protocol', async () => {
		fake.addTickets(2);
		const result = await run({
			resource: 'ticket',
			operation: 'get',
			ticketId: byProtocol(99999),
		});
		expect(result.error?.message).toBe('No ticket with protocol 99999 was found');
		expect(fake.requests.map((r) => r.path)).toEqual(['/ticket/list']);
	});

	it('refuses a protocol that is not a number, and an empty ticket', async () => {
		// The editor's own validation stops a literal; an expression can still produce anything.
		const notNumber = await run({
			resource: 'ticket',
			operation: 'get',
			ticketId: byProtocol('={{ "abc" }}'),
		});
		expect(notNumber.error?.message).toBe('"abc" is not a ticket protocol number');
		const empty = await run({ resource: 'ticket', operation: 'get', ticketId: byId('  ') });
		expect(empty.error?.message).toBe('"Ticket" is required');
		expect(fake.requests).toHaveLength(0);
	});

	it('accepts a plain string as the ticket id (an expression or an AI tool call)', async () => {
		const [ticket] = fake.addTickets(1);
		const result = await run({ resource: 'ticket', operation: 'get', ticketId: ticket.id });
		expect(result.items[0].json.id).toBe(ticket.id);
	});

	it("reports an unknown id with TomTicket's message and HTTP 404", async () => {
		const result = await run({
			resource: 'ticket',
			operation: 'get',
			ticketId: byId('nao-existe'),
		});
		expect(result.error?.message).toBe('Chamado não encontrado.');
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.description).toMatch(/hash ID, not their protocol number/);
	});
});

describe('ticket: get many', () => {
	it('pages through 130 tickets (3 pages of 50) with Return All', async () => {
		fake.addTickets(130);
		const result = await run({
			resource: 'ticket',
			operation: 'getAll',
			returnAll: true,
			filters: {},
		});
		expect(result.items).toHaveLength(130);
		expect(fake.requests.map((r) => r.query.page)).toEqual(['1', '2', '3']);
		expect(new Set(result.items.map((i) => i.json.id)).size).toBe(130);
		expect(
			result.items.every((i) => i.pairedItem && (i.pairedItem as { item: number }).item === 0),
		).toBe(true);
	});

	it('stops paging as soon as the limit is reached', async () => {
		fake.addTickets(130);
		const result = await run({
			resource: 'ticket',
			operation: 'getAll',
			returnAll: false,
			limit: 60,
			filters: {},
		});
		expect(result.items).toHaveLength(60);
		expect(fake.requests.map((r) => r.query.page)).toEqual(['1', '2']);
	});

	it('sends every filter in the query string, dates in Brasília time', async () => {
		const [match] = fake.addTickets(1, {
			category: { id: 'cat-acesso', name: 'Acesso' },
			status: { id: 'st-peca', description: 'Aguardando peça' },
		});
		match.situation = { id: 2, apply_date: match.creation_date, description: 'x' };
		const result = await run({
			resource: 'ticket',
			operation: 'getAll',
			returnAll: true,
			filters: {
				customerId: 'maria@example.com',
				departmentId: 'dep-suporte',
				categoryId: 'cat-acesso',
				statusId: 'st-peca',
				situation: [1, 2],
				createdAfter: '2020-01-01T12:00:00Z',
				createdBefore: '2099-01-01T00:00:00-03:00',
				updatedAfter: new Date(Date.now() - 3600_000).toISOString(),
			},
		});
		expect(result.error).toBeUndefined();
		const query = fake.last('GET', '/ticket/list').query;
		expect(query).toMatchObject({
			page: '1',
			customer_id: 'maria@example.com',
			customer_type_id: 'E',
			department_id: 'dep-suporte',
			category_id: 'cat-acesso',
			status_id: 'st-peca',
			situation: '1,2',
			creation_date_ge: '2020-01-01 09:00:00-0300',
			creation_date_le: '2099-01-01 00:00:00-0300',
		});
		expect(query.last_update_ge).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}-0300$/);
		expect(result.items.map((i) => i.json.id)).toEqual([match.id]);
	});

	it('filters an exact protocol and a protocol range', async () => {
		const tickets = fake.addTickets(10);
		const exact = await run({
			resource: 'ticket',
			operation: 'getAll',
			returnAll: true,
			filters: { protocol: tickets[4].protocol },
		});
		expect(exact.items.map((i) => i.json.protocol)).toEqual([tickets[4].protocol]);
		expect(fake.last('GET', '/ticket/list').query).toMatchObject({
			min_protocol: String(tickets[4].protocol),
			max_protocol: String(tickets[4].protocol),
		});

		const range = await run({
			resource: 'ticket',
			operation: 'getAll',
			returnAll: true,
			filters: { protocolFrom: tickets[2].protocol, protocolTo: tickets[5].protocol },
		});
		expect(range.items.map((i) => i.json.protocol).sort()).toEqual(
			tickets.slice(2, 6).map((t) => t.protocol),
		);
	});

	// TomTicket's help center documents min_protocol as "less than or equal" and max_protocol as
	// "greater than or equal", the opposite of the names; third parties only ever send equal values.
	describe.each(['asNamed', 'asDocumented'] as const)(
		'when TomTicket reads min/max_protocol %s',
		(reading) => {
			beforeEach(() => {
				fake.protocolBounds = reading;
			});

			it.each([
				['From and To', { protocolFrom: 2, protocolTo: 5 }, [2, 3, 4, 5]],
				['From only', { protocolFrom: 8 }, [8, 9]],
				['To only', { protocolTo: 1 }, [0, 1]],
			])('gives exactly the tickets of a range (%s)', async (_label, bounds, positions) => {
				const tickets = fake.addTickets(10);
				const filters: Record<string, number> = {};
				for (const [key, position] of Object.entries(bounds))
					filters[key] = tickets[position].protocol;
				const result = await run({
					resource: 'ticket',
					operation: 'getAll',
					returnAll: true,
					filters,
				});
				expect(result.error).toBeUndefined();
				expect(result.items.map((i) => i.json.protocol).sort()).toEqual(
					positions.map((position) => tickets[position].protocol),
				);
				// The order the names suggest first; the other one only when that found nothing.
				expect(fake.requests).toHaveLength(reading === 'asNamed' ? 1 : 2);
			});

			it('gives nothing, in at most two requests, for a range that holds no ticket', async () => {
				const tickets = fake.addTickets(3);
				const result = await run({
					resource: 'ticket',
					operation: 'getAll',
					returnAll: true,
					filters: {
						protocolFrom: tickets[2].protocol + 1,
						protocolTo: tickets[2].protocol + 9,
					},
				});
				expect(result.error).toBeUndefined();
				expect(result.items).toEqual([]);
				expect(fake.requests).toHaveLength(2);
			});

			it('finds one protocol with equal bounds, in one request', async () => {
				const tickets = fake.addTickets(5);
				const result = await run({
					resource: 'ticket',
					operation: 'getAll',
					returnAll: true,
					filters: { protocol: tickets[3].protocol },
				});
				expect(result.items.map((i) => i.json.id)).toEqual([tickets[3].id]);
				expect(fake.requests).toHaveLength(1);
			});
		},
	);

	it('drops records outside the protocol range even if the API applies the bounds the other way', async () => {
		const tickets = fake.addTickets(6);
		// An API reading min/max the documented (inverted) way would answer with everything else.
		fake.failNext({
			status: 200,
			body: {
				error: false,
				success: true,
				message: '',
				size: 6,
				pages: 1,
				next_page: null,
				data: [...tickets].reverse(),
			},
		});
		const result = await run({
			resource: 'ticket',
			operation: 'getAll',
			returnAll: true,
			filters: { protocolFrom: tickets[1].protocol, protocolTo: tickets[2].protocol },
		});
		expect(result.items.map((i) => i.json.protocol).sort()).toEqual([
			tickets[1].protocol,
			tickets[2].protocol,
		]);
	});

	it('refuses a last-update filter older than 90 days before sending, and a date that is not one', async () => {
		const old = await run({
			resource: 'ticket',
			operation: 'getAll',
			returnAll: true,
			filters: { updatedAfter: new Date(Date.now() - 91 * 86_400_000).toISOString() },
		});
		expect(old.error?.message).toBe('"Updated After" can be at most 90 days ago');
		const bad = await run({
			resource: 'ticket',
			operation: 'getAll',
			returnAll: true,
			filters: { createdAfter: 'ontem' },
		});
		expect(bad.error?.message).toBe('"Created After" is not a valid date');
		expect(fake.requests).toHaveLength(0);
	});
});

describe('ticket: reply as operator', () => {
	it('fails clearly and sends nothing when the ticket has no linked operator', async () => {
		const [ticket] = fake.addTickets(1);
		const result = await run({
			resource: 'ticket',
			operation: 'replyAsOperator',
			ticketId: byId(ticket.id),
			message: 'Olá!',
			options: {},
		});
		expect(result.error?.message).toBe(
			"The ticket has no linked operator, so TomTicket would store this reply as the customer's",
		);
		expect(result.error?.description).toMatch(/Link Operator First.*"Link Operator" operation/);
		expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /ticket/detail']);
		expect(ticket.replies).toHaveLength(0);
	});

	it("replies in the linked operator's name", async () => {
		const ticket = ticketWithOperator();
		const result = await run({
			resource: 'ticket',
			operation: 'replyAsOperator',
			ticketId: byId(ticket.id),
			message: 'Já estamos verificando.',
			options: {},
		});
		expect(result.error).toBeUndefined();
		const request = fake.last('POST', '/ticket/reply/operator');
		expect(formFields(request)).toEqual({
			ticket_id: ticket.id,
			message: 'Já estamos verificando.',
		});
		expect(ticket.replies[0]).toMatchObject({ sender_type: 'A', sender: 'Ana Souza' });
		expect(result.items[0].json).toMatchObject({
			success: true,
			id: ticket.replies[0].id,
			ticket_id: ticket.id,
			operator: { id: 'op-ana', name: 'Ana Souza' },
		});
	});

	it('links the chosen operator first, then replies as them', async () => {
		const [ticket] = fake.addTickets(1);
		const result = await run({
			resource: 'ticket',
			operation: 'replyAsOperator',
			ticketId: byId(ticket.id),
			message: 'Assumi o chamado.',
			options: { linkOperatorId: 'op-bruno' },
		});
		expect(result.error).toBeUndefined();
		expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'POST /ticket/operator/link',
			'POST /ticket/reply/operator',
		]);
		expect(formFields(fake.requests[0])).toEqual({ ticket_id: ticket.id, operator_id: 'op-bruno' });
		expect(ticket.replies[0]).toMatchObject({ sender_type: 'A', sender: 'Bruno Lima' });
	});

	it('refuses a message above 512 characters before sending', async () => {
		const ticket = ticketWithOperator();
		const result = await run({
			resource: 'ticket',
			operation: 'replyAsOperator',
			ticketId: byId(ticket.id),
			message: 'é'.repeat(513),
			options: {},
		});
		expect(result.error?.message).toBe(
			'"Message" is too long for TomTicket: 513 characters, at most 512',
		);
		expect(result.error?.description).toBe(
			'TomTicket accepts at most 512 characters here. Shorten the text, or send the rest in a second reply or as an attachment.',
		);
		expect(fake.requests).toHaveLength(0);
		const exactly = await run({
			resource: 'ticket',
			operation: 'replyAsOperator',
			ticketId: byId(ticket.id),
			message: 'é'.repeat(512),
			options: {},
		});
		expect(exactly.error).toBeUndefined();
	});

	it('sends the time worked as a start_date/end_date pair, and refuses half of it', async () => {
		const ticket = ticketWithOperator();
		const half = await run({
			resource: 'ticket',
			operation: 'replyAsOperator',
			ticketId: byId(ticket.id),
			message: 'x',
			options: { workStart: '2026-05-04T13:00:00Z' },
		});
		expect(half.error?.message).toBe('"Work Start" and "Work End" go together');
		expect(fake.requests).toHaveLength(0);
		const pair = await run({
			resource: 'ticket',
			operation: 'replyAsOperator',
			ticketId: byId(ticket.id),
			message: 'x',
			options: { workStart: '2026-05-04T13:00:00Z', workEnd: '2026-05-04T13:45:30Z' },
		});
		expect(pair.error).toBeUndefined();
		const request = fake.last('POST', '/ticket/reply/operator');
		expect([formText(request, 'start_date'), formText(request, 'end_date')]).toEqual([
			'2026-05-04 10:00:00-0300',
			'2026-05-04 10:45:30-0300',
		]);
	});

	it('resolves a protocol before replying', async () => {
		const ticket = ticketWithOperator();
		const result = await run({
			resource: 'ticket',
			operation: 'replyAsOperator',
			ticketId: byProtocol(ticket.protocol),
			message: 'Oi',
			options: {},
		});
		expect(result.error).toBeUndefined();
		expect(fake.requests.map((r) => r.path)).toEqual([
			'/ticket/list',
			'/ticket/detail',
			'/ticket/reply/operator',
		]);
		expect(formText(fake.requests[2], 'ticket_id')).toBe(ticket.id);
	});
});

describe('ticket: other writes', () => {
	it('replies as the customer, with an attachment', async () => {
		const [ticket] = fake.addTickets(1);
		const result = await run(
			{
				resource: 'ticket',
				operation: 'replyAsCustomer',
				ticketId: byId(ticket.id),
				message: 'Segue o print',
				options: { binaryPropertyName: 'data' },
			},
			{
				items: [
					binaryInput({
						data: { content: 'png-bytes', fileName: 'print.png', mimeType: 'image/png' },
					}),
				],
			},
		);
		expect(result.error).toBeUndefined();
		const request = fake.last('POST', '/ticket/reply/customer');
		expect(formFields(request)).toEqual({ ticket_id: ticket.id, message: 'Segue o print' });
		expect((request.form!['attachment[0]'][0] as RecordedFile).fileName).toBe('print.png');
		expect(ticket.replies[0]).toMatchObject({
			sender_type: 'C',
			attachments: [{ name: 'print.png' }],
		});
		expect(result.items[0].json).toMatchObject({ success: true, ticket_id: ticket.id });
	});

	it('comments, within 512 characters', async () => {
		const [ticket] = fake.addTickets(1);
		const result = await run({
			resource: 'ticket',
			operation: 'comment',
			ticketId: byId(ticket.id),
			comment: 'Cliente VIP',
			options: {},
		});
		expect(result.error).toBeUndefined();
		expect(formFields(fake.last('POST', '/ticket/comment'))).toEqual({
			ticket_id: ticket.id,
			comment: 'Cliente VIP',
		});
		expect(ticket.comments[0].comment).toBe('Cliente VIP');
		const tooLong = await run({
			resource: 'ticket',
			operation: 'comment',
			ticketId: byId(ticket.id),
			comment: 'x'.repeat(600),
			options: {},
		});
		expect(tooLong.error?.message).toMatch(/"Comment" is too long/);
	});

	it('finishes a ticket with a closing message of any length', async () => {
		const [ticket] = fake.addTickets(1);
		const result = await run({
			resource: 'ticket',
			operation: 'finish',
			ticketId: byId(ticket.id),
			message: 'Resolvido.'.repeat(80),
			options: {},
		});
		expect(result.error).toBeUndefined();
		expect(formText(fake.last('POST', '/ticket/finish'), 'message')).toHaveLength(800);
		expect(ticket.situation.id).toBe(5);
		expect(result.items[0].json).toEqual({
			error: false,
			message: 'Operação realizada com sucesso.',
			success: true,
			ticket_id: ticket.id,
		});
	});

	it('transfers to a department and operator', async () => {
		const ticket = ticketWithOperator();
		const result = await run({
			resource: 'ticket',
			operation: 'transfer',
			ticketId: byId(ticket.id),
			departmentId: 'dep-comercial',
			operatorId: 'op-carla',
		});
		expect(result.error).toBeUndefined();
		expect(formFields(fake.last('POST', '/ticket/transfer'))).toEqual({
			ticket_id: ticket.id,
			department_id: 'dep-comercial',
			operator_id: 'op-carla',
		});
		expect(ticket.department.id).toBe('dep-comercial');
		expect(ticket.operator.id).toBe('op-carla');
		expect(result.items[0].json).toMatchObject({
			ticket_id: ticket.id,
			department_id: 'dep-comercial',
			operator_id: 'op-carla',
		});
	});

	it("needs a department or an operator to transfer, and shows TomTicket's refusal of a ticket with no operator", async () => {
		const [ticket] = fake.addTickets(1);
		const nothing = await run({
			resource: 'ticket',
			operation: 'transfer',
			ticketId: byId(ticket.id),
			departmentId: '',
			operatorId: '',
		});
		expect(nothing.error?.message).toBe(
			'Give a department, an operator, or both to transfer the ticket to',
		);
		expect(fake.requests).toHaveLength(0);
		const refused = await run({
			resource: 'ticket',
			operation: 'transfer',
			ticketId: byId(ticket.id),
			departmentId: 'dep-comercial',
			operatorId: '',
		});
		expect(refused.error?.message).toBe('Not possible to transfer tickets without attendants.');
		expect(refused.error?.description).toMatch(/although it answered HTTP 200/);
		// What to do about it, in the node's terms.
		expect(refused.error?.description).toMatch(/has no linked operator/);
		expect(refused.error?.description).toMatch(/"Operator" field.*"Link Operator"/);
		expect(formFields(fake.last('POST', '/ticket/transfer'))).toEqual({
			ticket_id: ticket.id,
			department_id: 'dep-comercial',
		});
	});

	// Third-party clients disagree: one saw this refused in production, another transfers a ticket
	// right after creating it (no operator yet) and counts on success.
	it('transfers a ticket with no operator to a department where TomTicket allows it', async () => {
		fake.transferWithoutOperator = 'allow';
		const [ticket] = fake.addTickets(1);
		const result = await run({
			resource: 'ticket',
			operation: 'transfer',
			ticketId: byId(ticket.id),
			departmentId: 'dep-comercial',
			operatorId: '',
		});
		expect(result.error).toBeUndefined();
		expect(ticket.department.id).toBe('dep-comercial');
		expect(ticket.operator.id).toBeNull();
		expect(result.items[0].json).toMatchObject({
			success: true,
			ticket_id: ticket.id,
			department_id: 'dep-comercial',
			operator_id: null,
		});
	});

	it('links an operator', async () => {
		const [ticket] = fake.addTickets(1);
		const result = await run({
			resource: 'ticket',
			operation: 'linkOperator',
			ticketId: byId(ticket.id),
			operatorId: 'op-bruno',
		});
		expect(result.error).toBeUndefined();
		expect(formFields(fake.last('POST', '/ticket/operator/link'))).toEqual({
			ticket_id: ticket.id,
			operator_id: 'op-bruno',
		});
		expect(ticket.operator).toEqual({ id: 'op-bruno', name: 'Bruno Lima' });
		expect(result.items[0].json).toMatchObject({
			success: true,
			ticket_id: ticket.id,
			operator_id: 'op-bruno',
		});
	});

	it('starts a custom status with a comment, then ends it', async () => {
		const [ticket] = fake.addTickets(1);
		const started = await run({
			resource: 'ticket',
			operation: 'startStatus',
			ticketId: byId(ticket.id),
			statusId: 'st-peca',
			options: { comment: 'Peça encomendada' },
		});
		expect(started.error).toBeUndefined();
		expect(formFields(fake.last('POST', '/ticket/status/open'))).toEqual({
			ticket_id: ticket.id,
			status_id: 'st-peca',
			comment: 'Peça encomendada',
		});
		expect(ticket.status?.id).toBe('st-peca');
		const ended = await run({
			resource: 'ticket',
			operation: 'endStatus',
			ticketId: byId(ticket.id),
		});
		expect(ended.error).toBeUndefined();
		expect(formFields(fake.last('POST', '/ticket/status/close'))).toEqual({ ticket_id: ticket.id });
		expect(ticket.status).toBeNull();
		const again = await run({
			resource: 'ticket',
			operation: 'endStatus',
			ticketId: byId(ticket.id),
		});
		expect(again.error?.message).toBe('O chamado não possui status aberto.');
	});
});

describe('errors', () => {
	it('a wrong token gives a readable 401 that never contains the token', async () => {
		const badToken = 'tt-wrong-token-987654321';
		const result = await run(
			{ resource: 'ticket', operation: 'getAll', returnAll: true, filters: {} },
			{ token: badToken },
		);
		expect(result.error?.message).toBe('Token de acesso inválido.');
		expect(result.error?.httpCode).toBe('401');
		expect(result.error?.description).toMatch(/Check the token in the credential/);
		expect(
			JSON.stringify({ m: result.error?.message, d: result.error?.description }),
		).not.toContain(badToken);
		expect(fake.last().headers.authorization).toBe(`Bearer ${badToken}`);
	});

	it("a refusal with HTTP 200 and error: true fails the item with TomTicket's message", async () => {
		const result = await run({
			resource: 'ticket',
			operation: 'create',
			customerId: byId('CPF-123'),
			departmentId: 'dep-nao-existe',
			subject: 's',
			message: 'm',
			additionalFields: {},
		});
		expect(result.error?.message).toBe('Departamento não encontrado.');
		expect(result.error?.context?.itemIndex).toBe(0);
	});

	it('Continue On Fail turns a failing item into an error item paired with its input', async () => {
		const [ticket] = fake.addTickets(1);
		const result = await run(
			{ resource: 'ticket', operation: 'get', ticketId: '={{ $json.id }}' },
			{
				items: [
					{ json: { id: ticket.id } },
					{ json: { id: 'sumiu' } },
					{ json: { id: ticket.id } },
				],
				continueOnFail: true,
			},
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(result.items[0].json.id).toBe(ticket.id);
		expect(result.items[1].json).toMatchObject({
			error: 'Chamado não encontrado.',
			httpCode: '404',
		});
		expect(result.items[2].json.id).toBe(ticket.id);
	});

	it('without Continue On Fail the failing item stops the node and names its index', async () => {
		const [ticket] = fake.addTickets(1);
		const result = await run(
			{ resource: 'ticket', operation: 'get', ticketId: '={{ $json.id }}' },
			{ items: [{ json: { id: ticket.id } }, { json: { id: 'sumiu' } }] },
		);
		expect(result.error?.message).toBe('Chamado não encontrado.');
		expect(result.error?.context?.itemIndex).toBe(1);
	});

	it('retries the HTML 429 page and never shows it', async () => {
		const [ticket] = fake.addTickets(1);
		fake.failNext('429');
		const result = await run({
			resource: 'ticket',
			operation: 'get',
			ticketId: byId(ticket.id),
		});
		expect(result.error).toBeUndefined();
		expect(fake.requests.map((r) => r.status)).toEqual([429, 200]);
	});

	it('retries a 429 on a write too: TomTicket did not process it', async () => {
		const ticket = ticketWithOperator();
		fake.failNext('429', 1, (r) => r.method === 'POST');
		const result = await run({
			resource: 'ticket',
			operation: 'comment',
			ticketId: byId(ticket.id),
			comment: 'uma vez',
			options: {},
		});
		expect(result.error).toBeUndefined();
		expect(ticket.comments).toHaveLength(1);
	});

	it('never repeats a write after an ambiguous failure', async () => {
		const [ticket] = fake.addTickets(1);
		fake.failNext('502-after');
		const result = await run({
			resource: 'ticket',
			operation: 'comment',
			ticketId: byId(ticket.id),
			comment: 'só uma vez',
			options: {},
		});
		expect(result.error?.message).toMatch(/Bad Gateway/i);
		expect(fake.handled('POST', '/ticket/comment')).toHaveLength(1);
		expect(ticket.comments).toHaveLength(1);
	});
});

describe('odd answers never end in a TypeError', () => {
	it('a create answered with a bare true still gives a useful item', async () => {
		fake.failNext({ status: 200, body: true });
		const result = await run({
			resource: 'ticket',
			operation: 'create',
			customerId: byId('CPF-123'),
			departmentId: 'dep-suporte',
			subject: 's',
			message: 'm',
			additionalFields: {},
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toEqual({
			success: true,
			message: '',
			ticket_id: null,
			protocol: null,
		});
	});

	it('a create that puts the id inside data is read too', async () => {
		fake.failNext({
			status: 200,
			body: { error: false, message: 'ok', success: true, data: { id: 'abc', protocol: 77 } },
		});
		const result = await run({
			resource: 'ticket',
			operation: 'create',
			customerId: byId('CPF-123'),
			departmentId: 'dep-suporte',
			subject: 's',
			message: 'm',
			additionalFields: {},
			options: { returnTicket: false },
		});
		expect(result.items[0].json).toEqual({
			success: true,
			message: 'ok',
			ticket_id: 'abc',
			protocol: 77,
		});
	});

	it('lists with null entries, a lone record, or a bare array', async () => {
		fake.failNext({
			status: 200,
			body: {
				error: false,
				success: true,
				next_page: null,
				data: [null, { id: 't1', protocol: 1 }, 'x'],
			},
		});
		const withNulls = await run({
			resource: 'ticket',
			operation: 'getAll',
			returnAll: true,
			filters: {},
		});
		expect(withNulls.items.map((i) => i.json.id)).toEqual(['t1']);
		fake.failNext({
			status: 200,
			body: {
				error: false,
				success: true,
				data: { id: 't2', protocol: 2, customer: { name: 'Maria' } },
			},
		});
		const lone = await run({
			resource: 'ticket',
			operation: 'getAll',
			returnAll: true,
			filters: {},
		});
		expect(lone.items.map((i) => i.json.id)).toEqual(['t2']);
		fake.failNext({ status: 200, body: [{ id: 't3' }] });
		const bare = await run({
			resource: 'organization',
			operation: 'getAll',
			returnAll: true,
		});
		expect(bare.items.map((i) => i.json.id)).toEqual(['t3']);
	});

	it('a detail with null data, or the ticket wrapped in an array, still works', async () => {
		const ticket = ticketWithOperator();
		fake.failNext({ status: 200, body: { error: false, success: true, data: null } });
		const empty = await run({
			resource: 'ticket',
			operation: 'get',
			ticketId: byId(ticket.id),
		});
		expect(empty.error).toBeUndefined();
		expect(empty.items).toEqual([{ json: {}, pairedItem: { item: 0 } }]);
		fake.failNext({
			status: 200,
			body: {
				error: false,
				success: true,
				data: [{ id: ticket.id, operator: { id: 'op-ana', name: 'Ana Souza' } }],
			},
		});
		const wrapped = await run({
			resource: 'ticket',
			operation: 'replyAsOperator',
			ticketId: byId(ticket.id),
			message: 'oi',
			options: {},
		});
		expect(wrapped.error).toBeUndefined();
		fake.failNext({
			status: 200,
			body: { error: false, success: true, data: { id: ticket.id, operator: null } },
		});
		const noOperator = await run({
			resource: 'ticket',
			operation: 'replyAsOperator',
			ticketId: byId(ticket.id),
			message: 'oi',
			options: {},
		});
		expect(noOperator.error?.message).toMatch(/has no linked operator/);
	});

	it('an empty 200 body on a write is a success item, not a crash', async () => {
		const [ticket] = fake.addTickets(1);
		fake.failNext({ status: 200, raw: '' });
		const result = await run({
			resource: 'ticket',
			operation: 'endStatus',
			ticketId: byId(ticket.id),
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toEqual({ ticket_id: ticket.id });
	});
});

describe('attachments whose binary metadata is not text', () => {
	// A Code node can write `binary.data.fileName = 123`: a clear error for the item, never the
	// empty message of a TypeError in the size count, and nothing sent.
	const operations = [
		{
			operation: 'create',
			customerId: byId('CPF-123'),
			departmentId: 'dep-suporte',
			subject: 'Boleto',
			message: 'Segue o boleto.',
			additionalFields: { binaryPropertyName: 'data' },
		},
		{
			operation: 'replyAsOperator',
			message: 'Segue o boleto.',
			options: { binaryPropertyName: 'data' },
		},
		{
			operation: 'replyAsCustomer',
			message: 'Segue o boleto.',
			options: { binaryPropertyName: 'data' },
		},
		{ operation: 'comment', comment: 'Segue o boleto.', options: { binaryPropertyName: 'data' } },
		{ operation: 'finish', message: 'Segue o boleto.', options: { binaryPropertyName: 'data' } },
	];

	it.each(
		operations.flatMap((parameters) =>
			[123, { name: 'boleto.pdf' }].map((fileName) => [parameters.operation, fileName, parameters]),
		),
	)('%s with fileName %j', async (_operation, fileName, parameters) => {
		const ticket = ticketWithOperator();
		const input = binaryInput({
			data: { content: '%PDF-1.4', fileName: 'boleto.pdf', mimeType: 'application/pdf' },
		});
		(input.binary!.data as unknown as { fileName: unknown }).fileName = fileName;
		const result = await run(
			{ resource: 'ticket', ticketId: byId(ticket.id), ...(parameters as object) },
			{ items: [input] },
		);
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(/file name/i);
		expect(result.error?.message).not.toMatch(/ERR_INVALID_ARG_TYPE|is not a function/);
		expect(fake.requests.filter((r) => r.method === 'POST')).toEqual([]);
	});
});
