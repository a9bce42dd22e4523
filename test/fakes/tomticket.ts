import { randomBytes } from 'crypto';
import { setTimeout as delay } from 'timers/promises';

import type { FakeResponse, RecordedRequest } from './fakeServer';
import { FakeServer, formText, json, queryText } from './fakeServer';

/**
 * TomTicket API v2.0 as its help center documents it (https://tomticket.tomticket.com/kb, "help
 * center" below), with what third-party clients report from production use ("seen in production"):
 * - `Authorization: Bearer <token>` on every call; anything else gets a 401.
 * - Writes are multipart/form-data; a JSON body gets a bare 401 with no explanation (seen in production).
 * - Lists page by 50 with `{error,message,success,size,pages,next_page,previous_page,data}`.
 * - HTTP 200 with `error: true` for refused operations; 404 for unknown ids.
 * - 3 requests per second per token. What happens above it is reported both ways by third-party
 *   clients: nginx's HTML 429 page, or the request is queued and answered late (`rateLimitMode`).
 * - List and detail items carry no `last_update` field: no third-party ticket model has one (e.g.
 *   github.com/carlosguilhermeklein/painel-tomticket `src/types/index.ts`); the name exists only as
 *   the `last_update_ge` filter, which this fake applies to an update time it keeps to itself.
 */
export const TOMTICKET_PAGE_SIZE = 50;

export interface TomTicketTicket {
	id: string;
	protocol: number;
	subject: string;
	message: string;
	customer: {
		name: string;
		email: string;
		internal_id: string;
		organization: { id: string | null; name: string | null };
	};
	priority: number;
	creation_date: string;
	first_reply_date: string | null;
	end_date: string | null;
	situation: { id: number; apply_date: string; description: string };
	category: { id: string | null; name: string | null };
	department: { id: string; name: string };
	operator: { id: string | null; name: string | null };
	status: { id: string; description: string } | null;
	replies: Array<{
		id: string;
		message: string;
		sender: string;
		sender_type: 'A' | 'C';
		date: string;
		attachments: Array<{ name: string; size: number }>;
		start_date?: string;
		end_date?: string;
	}>;
	comments: Array<{
		id: string;
		comment: string;
		date: string;
		attachments: Array<{ name: string; size: number }>;
	}>;
	custom_fields: { open: Array<{ id: string; label: string; value: string }> };
	attachments: Array<{ name: string; size: number; mimetype: string }>;
}

export interface TomTicketCustomField {
	id: string;
	label: string;
	/** Set for a field that belongs to one category; absent for the department's general fields. */
	category_id?: string;
}

export interface TomTicketChat {
	id: string;
	protocol: number;
	situation: number;
	creation_date: string;
	end_date: string | null;
	customer: {
		name: string;
		email: string;
		internal_id: string;
		organization: { id: string | null; name: string | null };
	};
	department: { id: string; name: string };
	operator: { id: string; name: string } | null;
	messages: Array<{ message: string; sender: string; sender_type: 'A' | 'C'; date: string }>;
}

export interface TomTicketState {
	departments: Array<{
		id: string;
		name: string;
		categories: Array<{ id: string; name: string }>;
		operators: Array<{ id: string; name: string; mail_hash: string }>;
		customFields: TomTicketCustomField[];
	}>;
	customers: Array<
		Record<string, unknown> & { id: string; internal_id: string; name: string; email: string }
	>;
	tickets: TomTicketTicket[];
	chats: TomTicketChat[];
	organizations: Array<{ id: string; name: string }>;
	/** Custom ticket statuses (no API lists them; ids come from the TomTicket panel). */
	statuses: Array<{ id: string; description: string }>;
}

export const SITUATIONS: Record<number, string> = {
	0: 'Aguardando interação do atendente',
	1: 'Não iniciado',
	2: 'Respondido, aguardando cliente',
	3: 'Respondido pelo cliente, aguardando',
	4: 'Cancelado',
	5: 'Finalizado',
	6: 'Atendente alterado',
	7: 'Enviado para equipe de suporte',
	8: 'Aguardando avaliação do gestor',
	9: 'Aguardando avaliação do gestor',
};

export function hashId(): string {
	return randomBytes(16).toString('hex');
}

/** TomTicket's date form: "2026-11-21 10:15:00-03". */
export function tomTicketDate(date: Date): string {
	const local = new Date(date.getTime() - 3 * 3600_000);
	return `${local.toISOString().slice(0, 19).replace('T', ' ')}-03`;
}

/** Parses "YYYY-MM-DD HH:MM:SS-0300" (the filter format) and TomTicket's own "…-03". */
export function parseTomTicketDate(value: string): number {
	const match = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})([+-]\d{2})(\d{2})?$/.exec(value.trim());
	if (!match) return Number.NaN;
	return Date.parse(`${match[1]}T${match[2]}${match[3]}:${match[4] ?? '00'}`);
}

/** A record's creation time, for the `creation_date_*` filters. */
function created(record: Record<string, unknown>): number {
	return parseTomTicketDate(String(record.creation_date));
}

export function seedTomTicket(): TomTicketState {
	const departments = [
		{
			id: 'dep-suporte',
			name: 'Suporte',
			categories: [
				{ id: 'cat-acesso', name: 'Acesso' },
				{ id: 'cat-financeiro', name: 'Financeiro' },
			],
			operators: [
				{ id: 'op-ana', name: 'Ana Souza', mail_hash: 'a1' },
				{ id: 'op-bruno', name: 'Bruno Lima', mail_hash: 'b2' },
			],
			customFields: [
				{ id: 'cf-contrato', label: 'Número do contrato' },
				{ id: 'cf-banco', label: 'Banco', category_id: 'cat-financeiro' },
			],
		},
		{
			id: 'dep-comercial',
			name: 'Comercial',
			categories: [{ id: 'cat-proposta', name: 'Proposta' }],
			operators: [
				{ id: 'op-bruno', name: 'Bruno Lima', mail_hash: 'b2' },
				{ id: 'op-carla', name: 'Carla Dias', mail_hash: 'c3' },
			],
			customFields: [{ id: 'cf-origem', label: 'Origem do lead' }],
		},
	];
	const customers = [
		{
			id: 'cus-1',
			internal_id: 'CPF-123',
			name: 'Maria Oliveira',
			email: 'maria@example.com',
			phone: '11987654321',
			active: true,
			organization: { id: 'org-1', name: 'Padaria Pão Quente' },
			custom_fields: [],
		},
		{
			id: 'cus-2',
			internal_id: 'CPF-456',
			name: 'João Santos',
			email: 'joao@example.com',
			phone: '21912345678',
			active: true,
			organization: { id: null, name: null },
			custom_fields: [],
		},
	];
	return {
		departments,
		customers,
		tickets: [],
		chats: [],
		organizations: [
			{ id: 'org-1', name: 'Padaria Pão Quente' },
			{ id: 'org-2', name: 'Oficina Dois Irmãos' },
		],
		statuses: [
			{ id: 'st-peca', description: 'Aguardando peça' },
			{ id: 'st-terceiro', description: 'Aguardando terceiro' },
		],
	};
}

/** Documented limits (help center; seen in production). */
export const MAX_MESSAGE_LENGTH = 512;
export const MAX_ATTACHMENTS = 25;
export const MAX_REQUEST_BYTES = 25 * 1024 * 1024;
/** `last_update_ge` may reach at most 90 days back (third-party clients, e.g. github.com/CarlosDDM/tomticket-api). */
export const LAST_UPDATE_WINDOW_DAYS = 90;

type FormFile = Exclude<NonNullable<RecordedRequest['form']>[string][number], string>;

export class TomTicketFake extends FakeServer {
	state: TomTicketState = seedTomTicket();
	token = 'tt-test-token-0123456789';
	/** Enforce 3 requests per second per token, in the way `rateLimitMode` says. */
	enforceRateLimit = true;
	/**
	 * What a request above the limit gets. Third-party clients disagree: one saw nginx's HTML 429
	 * page ('refuse'); another says "Estourar não devolve erro: o TomTicket enfileira" ('queue':
	 * held until it fits, then answered).
	 */
	rateLimitMode: 'refuse' | 'queue' = 'refuse';
	/**
	 * A transfer of a ticket with no linked operator. Third-party clients disagree: one says "a API
	 * recusa QUALQUER transferência ... de um chamado sem nenhum atendente vinculado" ('refuse');
	 * another transfers to a department right after `/ticket/new` and expects success ('allow').
	 */
	transferWithoutOperator: 'refuse' | 'allow' = 'refuse';
	/**
	 * How `min_protocol`/`max_protocol` are read. The help center (kb/chats/consultar-chats)
	 * documents min as "less than or equal" and max as "greater than or equal" ('asDocumented');
	 * the names suggest the opposite ('asNamed'). Third parties only ever send equal values, which
	 * mean one protocol under either reading.
	 */
	protocolBounds: 'asNamed' | 'asDocumented' = 'asNamed';
	/** How long each queued request was held (ms), in order of arrival. */
	readonly queued: Array<{ seq: number; waitMs: number }> = [];
	/** When the latest requests were let through (queue mode). */
	private admitted: number[] = [];
	/** When each ticket last changed: what `last_update_ge` compares, never sent to clients. */
	private readonly updatedAt = new WeakMap<TomTicketTicket, number>();
	private nextProtocol = 1000;
	private nextChatProtocol = 5000;

	constructor() {
		super('TomTicket');
		this.registerRoutes();
	}

	/**
	 * Back to the seeded accounts, departments and customers, with no tickets or chats, and to the
	 * default answer to each behaviour the evidence disagrees on.
	 */
	resetState(): this {
		this.state = seedTomTicket();
		this.rateLimitMode = 'refuse';
		this.transferWithoutOperator = 'refuse';
		this.protocolBounds = 'asNamed';
		this.queued.length = 0;
		this.admitted = [];
		return this;
	}

	protected async admit(request: RecordedRequest): Promise<void> {
		if (!this.enforceRateLimit || this.rateLimitMode !== 'queue') return;
		// Counted on arrival: a request goes through once fewer than 3 went through in the last second.
		const now = Date.now();
		const recent = this.admitted.filter((time) => time > now - 1000);
		const slot = recent.length >= 3 ? recent[recent.length - 3] + 1000 : now;
		this.admitted = [...recent, slot].sort((a, b) => a - b);
		const waitMs = Math.max(0, slot - now);
		if (waitMs > 0) {
			this.queued.push({ seq: request.seq, waitMs });
			await delay(waitMs);
		}
	}

	/** Adds `count` tickets (for paging tests), oldest first. */
	addTickets(
		count: number,
		overrides: Partial<TomTicketTicket> & { updatedAt?: string } = {},
	): TomTicketTicket[] {
		const created: TomTicketTicket[] = [];
		for (let i = 0; i < count; i++)
			created.push(this.createTicket({ subject: `Chamado ${this.nextProtocol}`, ...overrides }));
		return created;
	}

	/**
	 * Opens a ticket. `updatedAt` (TomTicket's date form) sets the hidden update time that
	 * `last_update_ge` filters on; it defaults to the creation date.
	 */
	createTicket(
		fields: Partial<TomTicketTicket> & {
			customerId?: string;
			departmentId?: string;
			updatedAt?: string;
		},
	): TomTicketTicket {
		const department =
			this.state.departments.find((d) => d.id === (fields.departmentId ?? fields.department?.id)) ??
			this.state.departments[0];
		const customer =
			this.state.customers.find(
				(c) => c.internal_id === fields.customerId || c.email === fields.customerId,
			) ?? this.state.customers[0];
		const now = tomTicketDate(new Date());
		const ticket: TomTicketTicket = {
			id: hashId(),
			protocol: this.nextProtocol++,
			subject: 'Sem assunto',
			message: '',
			customer: {
				name: customer.name,
				email: customer.email,
				internal_id: customer.internal_id,
				organization: { id: null, name: null },
			},
			priority: 2,
			creation_date: now,
			first_reply_date: null,
			end_date: null,
			situation: { id: 1, apply_date: now, description: SITUATIONS[1] },
			category: { id: null, name: null },
			department: { id: department.id, name: department.name },
			operator: { id: null, name: null },
			status: null,
			replies: [],
			comments: [],
			custom_fields: { open: [] },
			attachments: [],
			...fields,
		} as TomTicketTicket;
		for (const extra of ['customerId', 'departmentId', 'updatedAt'])
			delete (ticket as unknown as Record<string, unknown>)[extra];
		this.updatedAt.set(ticket, parseTomTicketDate(fields.updatedAt ?? ticket.creation_date));
		this.state.tickets.push(ticket);
		return ticket;
	}

	/** Adds `count` chats, oldest first. */
	addChats(count: number, overrides: Partial<TomTicketChat> = {}): TomTicketChat[] {
		const created: TomTicketChat[] = [];
		for (let i = 0; i < count; i++) {
			const department = this.state.departments[0];
			const customer = this.state.customers[0];
			const chat: TomTicketChat = {
				id: hashId(),
				protocol: this.nextChatProtocol++,
				situation: 3,
				creation_date: tomTicketDate(new Date()),
				end_date: null,
				customer: {
					name: customer.name,
					email: customer.email,
					internal_id: customer.internal_id,
					organization: customer.organization as TomTicketChat['customer']['organization'],
				},
				department: { id: department.id, name: department.name },
				operator: { id: department.operators[0].id, name: department.operators[0].name },
				messages: [
					{
						message: 'Olá, preciso de ajuda',
						sender: customer.name,
						sender_type: 'C',
						date: tomTicketDate(new Date()),
					},
				],
				...overrides,
			};
			this.state.chats.push(chat);
			created.push(chat);
		}
		return created;
	}

	protected guard(request: RecordedRequest): FakeResponse | undefined {
		if (this.enforceRateLimit && this.rateLimitMode === 'refuse') {
			const recent = this.requests.filter(
				(r) => r !== request && !r.fault && request.time - r.time < 1000 && r.status !== 429,
			);
			if (recent.length >= 3) return this.rateLimited(0);
		}
		if (request.headers.authorization !== `Bearer ${this.token}`) {
			// GUESS: the body of a bad-token 401 is not documented; TomTicket's envelope is assumed.
			return json(
				{
					error: true,
					message: this.refusal('Token de acesso inválido.', request),
					success: false,
				},
				401,
			);
		}
		if (request.method === 'POST') {
			const type = String(request.headers['content-type'] ?? '');
			if (
				!type.includes('multipart/form-data') &&
				!type.includes('application/x-www-form-urlencoded')
			) {
				// Seen in production: a JSON body is refused with a bare 401 and no explanation.
				return { status: 401, raw: '' };
			}
			if (request.rawBody.length > MAX_REQUEST_BYTES) {
				// GUESS: nginx's own page for a body above the 25 MB request limit (help center).
				return {
					status: 413,
					raw: '<html><head><title>413 Request Entity Too Large</title></head><body><center><h1>413 Request Entity Too Large</h1></center><hr><center>nginx</center></body></html>',
					headers: { 'content-type': 'text/html' },
				};
			}
		}
		return undefined;
	}

	protected rateLimited(_retryAfterSeconds = 0): FakeResponse {
		// nginx's page: HTML, no Retry-After.
		return {
			status: 429,
			raw: '<html>\r\n<head><title>429 Too Many Requests</title></head>\r\n<body>\r\n<center><h1>429 Too Many Requests</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n',
			headers: { 'content-type': 'text/html' },
		};
	}

	protected notFound(request: RecordedRequest): FakeResponse {
		return {
			status: 404,
			raw: `<html><head><title>404 Not Found</title></head><body>${request.path}</body></html>`,
			headers: { 'content-type': 'text/html' },
		};
	}

	/** The 50-per-page list envelope. */
	page<T>(
		request: RecordedRequest,
		records: T[],
		shown: (record: T) => unknown = (record) => record,
	): FakeResponse {
		const page = Math.max(1, Number(queryText(request, 'page') ?? 1) || 1);
		const pages = Math.max(1, Math.ceil(records.length / TOMTICKET_PAGE_SIZE));
		const data = records
			.slice((page - 1) * TOMTICKET_PAGE_SIZE, page * TOMTICKET_PAGE_SIZE)
			.map(shown);
		return json({
			error: false,
			message: '',
			success: true,
			size: records.length,
			pages,
			next_page: page < pages ? page + 1 : null,
			previous_page: page > 1 ? page - 1 : null,
			data,
		});
	}

	ok(extra: Record<string, unknown> = {}): FakeResponse {
		return json({
			error: false,
			message: 'Operação realizada com sucesso.',
			success: true,
			...extra,
		});
	}

	refuse(message: string): FakeResponse {
		// TomTicket refuses operations with HTTP 200 and error: true.
		return json({ error: true, message, success: false });
	}

	/** An unknown id: HTTP 404 with the usual envelope. */
	missing(message: string): FakeResponse {
		return json({ error: true, message, success: false }, 404);
	}

	findTicket(id: string | undefined): TomTicketTicket | undefined {
		return this.state.tickets.find((t) => t.id === id);
	}

	findOperator(id: string | undefined) {
		for (const department of this.state.departments) {
			const operator = department.operators.find((o) => o.id === id);
			if (operator) return operator;
		}
		return undefined;
	}

	/** `customer_id` + its type: I (internal id, the default) or E (e-mail). */
	findCustomer(id: string | undefined, type: string | undefined) {
		if (!id) return undefined;
		return this.state.customers.find((c) =>
			(type ?? 'I') === 'E' ? c.email === id : c.internal_id === id,
		);
	}

	/** Files sent as `attachment[0]`, `attachment[1]`… (seen in production). */
	private attachments(request: RecordedRequest): FormFile[] {
		return Object.entries(request.form ?? {})
			.filter(([name]) => /^attachment\[\d+\]$/.test(name))
			.flatMap(([, values]) => values)
			.filter((value): value is FormFile => typeof value !== 'string');
	}

	/** The checks every ticket write shares; returns the ticket or the refusal. */
	private ticketWrite(
		request: RecordedRequest,
		textField?: { name: string; maxLength?: number },
	): { ticket: TomTicketTicket; text: string; files: FormFile[] } | { refusal: FakeResponse } {
		const ticketId = formText(request, 'ticket_id');
		if (!ticketId)
			return { refusal: this.refuse('Parâmetro obrigatório não informado: ticket_id') };
		let text = '';
		if (textField) {
			text = formText(request, textField.name) ?? '';
			if (!text)
				return { refusal: this.refuse(`Parâmetro obrigatório não informado: ${textField.name}`) };
			if (textField.maxLength && [...text].length > textField.maxLength) {
				// GUESS: the refusal text for an over-long message is not documented.
				return {
					refusal: this.refuse(
						`O campo ${textField.name} deve ter no máximo ${textField.maxLength} caracteres.`,
					),
				};
			}
		}
		const files = this.attachments(request);
		if (files.length > MAX_ATTACHMENTS)
			return { refusal: this.refuse(`Máximo de ${MAX_ATTACHMENTS} anexos por requisição.`) };
		const ticket = this.findTicket(ticketId);
		if (!ticket) return { refusal: this.missing('Chamado não encontrado.') };
		return { ticket, text, files };
	}

	/** The time `last_update_ge` sees for a ticket (ms). */
	lastUpdateOf(ticket: TomTicketTicket): number {
		return this.updatedAt.get(ticket) ?? parseTomTicketDate(ticket.creation_date);
	}

	/**
	 * Changes a ticket as the panel would (a test's stand-in for an agent): applies `changes`, sets
	 * its update time (`at`, default now) and, when given, a new situation applied at that time.
	 */
	updateTicket(
		ticket: TomTicketTicket,
		changes: Partial<TomTicketTicket> & { situationId?: number } = {},
		at: Date = new Date(),
	): TomTicketTicket {
		const { situationId, ...fields } = changes;
		Object.assign(ticket, fields);
		this.touch(ticket, situationId, at);
		return ticket;
	}

	private touch(ticket: TomTicketTicket, situation?: number, at: Date = new Date()) {
		const when = tomTicketDate(at);
		this.updatedAt.set(ticket, at.getTime());
		if (situation !== undefined)
			ticket.situation = { id: situation, apply_date: when, description: SITUATIONS[situation] };
	}

	private listFilters(
		request: RecordedRequest,
		records: Array<Record<string, unknown>>,
		dateFields: Array<
			[param: string, timeOf: (record: Record<string, unknown>) => number, direction: 1 | -1]
		>,
	): Array<Record<string, unknown>> | FakeResponse {
		let result = records;
		const min = queryText(request, 'min_protocol');
		const max = queryText(request, 'max_protocol');
		// Both bounds are inclusive; equal values give one protocol under either reading.
		const [lowest, highest] = this.protocolBounds === 'asNamed' ? [min, max] : [max, min];
		if (lowest !== undefined) result = result.filter((t) => Number(t.protocol) >= Number(lowest));
		if (highest !== undefined) result = result.filter((t) => Number(t.protocol) <= Number(highest));
		const customerId = queryText(request, 'customer_id');
		if (customerId) {
			// The list endpoints spell it customer_type_id (ticket/new says customer_id_type).
			const byEmail = (queryText(request, 'customer_type_id') ?? 'I') === 'E';
			result = result.filter((t) => {
				const customer = t.customer as { email: string; internal_id: string };
				return byEmail ? customer.email === customerId : customer.internal_id === customerId;
			});
		}
		const department = queryText(request, 'department_id');
		if (department)
			result = result.filter((t) =>
				department.split(',').includes((t.department as { id: string }).id),
			);
		for (const [param, timeOf, direction] of dateFields) {
			const value = queryText(request, param);
			if (value === undefined) continue;
			const bound = parseTomTicketDate(value);
			// Third-party clients: a malformed date is refused with a 401 that has nothing to do with the token.
			if (Number.isNaN(bound)) return json({ message: 'Invalid date.' }, 401);
			if (param === 'last_update_ge' && bound < Date.now() - LAST_UPDATE_WINDOW_DAYS * 86_400_000) {
				// GUESS: the wording and status of this refusal are not documented, only that it errors.
				return this.refuse(
					`O filtro last_update_ge permite no máximo ${LAST_UPDATE_WINDOW_DAYS} dias.`,
				);
			}
			result = result.filter((t) => {
				const time = timeOf(t);
				return direction > 0 ? time >= bound : time <= bound;
			});
		}
		return result;
	}

	private registerRoutes() {
		this.registerDepartmentRoutes();
		this.registerTicketReadRoutes();
		this.registerTicketWriteRoutes();
		this.registerTicketFlowRoutes();
		this.registerChatRoutes();
		this.registerCustomerRoutes();
	}

	/** Departments, their categories, operators and custom fields. */
	private registerDepartmentRoutes() {
		this.route('GET', '/department/list', (request) => {
			const nested = queryText(request, 'show_nested_items') === '1';
			const data = this.state.departments.map((d) =>
				nested
					? {
							id: d.id,
							name: d.name,
							categories: d.categories.map((c) => ({
								...c,
								custom_fields: d.customFields
									.filter((f) => f.category_id === c.id)
									.map(({ id, label }) => ({ id, label })),
							})),
							operators: d.operators,
							general_custom_fields: {
								tickets: d.customFields
									.filter((f) => !f.category_id)
									.map(({ id, label }) => ({ id, label })),
							},
						}
					: { id: d.id, name: d.name },
			);
			return json({ error: false, message: '', success: true, size: data.length, data });
		});

		this.route('GET', '/department/category/list', (request) => {
			const department = this.state.departments.find(
				(d) => d.id === queryText(request, 'department_id'),
			);
			if (!queryText(request, 'department_id'))
				return this.refuse('Parâmetro obrigatório não informado: department_id');
			if (!department) return this.missing('Departamento não encontrado.');
			return json({
				error: false,
				message: '',
				success: true,
				size: department.categories.length,
				data: department.categories,
			});
		});

		this.route('GET', '/department/operator/list', (request) => {
			if (!queryText(request, 'department_id'))
				return this.refuse('Parâmetro obrigatório não informado: department_id');
			const department = this.state.departments.find(
				(d) => d.id === queryText(request, 'department_id'),
			);
			if (!department) return this.missing('Departamento não encontrado.');
			return json({
				error: false,
				message: '',
				success: true,
				size: department.operators.length,
				data: department.operators,
			});
		});

		this.route('GET', '/custom_field/department/list', (request) => {
			if (!queryText(request, 'department_id'))
				return this.refuse('Parâmetro obrigatório não informado: department_id');
			const department = this.state.departments.find(
				(d) => d.id === queryText(request, 'department_id'),
			);
			if (!department) return this.missing('Departamento não encontrado.');
			const categoryId = queryText(request, 'category_id');
			// Help center: without a category, the department's category-less fields; a third-party
			// script reads data.ticket[].
			const fields = department.customFields
				.filter((f) => (categoryId ? f.category_id === categoryId : !f.category_id))
				.map(({ id, label }) => ({ id, label }));
			return json({
				error: false,
				message: '',
				success: true,
				size: fields.length,
				data: { ticket: fields },
			});
		});
	}

	/** Ticket lists and details. */
	private registerTicketReadRoutes() {
		this.route('GET', '/ticket/list', (request) => {
			let tickets = [...this.state.tickets].reverse() as unknown as Array<Record<string, unknown>>; // newest first, as third-party clients observe
			const situation = queryText(request, 'situation');
			if (situation) {
				const wanted = situation.split(',').map(Number);
				tickets = tickets.filter((t) => wanted.includes((t.situation as { id: number }).id));
			}
			const categoryId = queryText(request, 'category_id');
			if (categoryId)
				tickets = tickets.filter((t) => (t.category as { id: string | null }).id === categoryId);
			const statusId = queryText(request, 'status_id');
			if (statusId)
				tickets = tickets.filter((t) => (t.status as { id: string } | null)?.id === statusId);
			const filtered = this.listFilters(request, tickets, [
				['creation_date_ge', created, 1],
				['creation_date_le', created, -1],
				['last_update_ge', (t) => this.lastUpdateOf(t as unknown as TomTicketTicket), 1],
			]);
			if (!Array.isArray(filtered)) return filtered;
			// The list carries neither replies nor custom fields (third-party clients).
			return this.page(
				request,
				filtered,
				({ replies: _replies, custom_fields: _fields, comments: _comments, ...rest }) => rest,
			);
		});

		this.route('GET', '/ticket/detail', (request) => {
			const ticket = this.findTicket(queryText(request, 'ticket_id'));
			if (!ticket) return this.missing('Chamado não encontrado.');
			return json({ error: false, message: '', success: true, data: ticket });
		});
	}

	/** Opening a ticket, replies and comments. */
	private registerTicketWriteRoutes() {
		this.route('POST', '/ticket/new', (request) => {
			const missing = ['customer_id', 'department_id', 'subject', 'message'].filter(
				(f) => !formText(request, f),
			);
			if (missing.length)
				return this.refuse(`Parâmetro obrigatório não informado: ${missing.join(', ')}`);
			if ((formText(request, 'subject') ?? '').length > 250)
				return this.refuse('O campo subject deve ter no máximo 250 caracteres.');
			const priority = formText(request, 'priority');
			if (priority !== undefined && !['1', '2', '3', '4'].includes(priority))
				return this.refuse('Prioridade inválida.');
			const department = this.state.departments.find(
				(d) => d.id === formText(request, 'department_id'),
			);
			if (!department) return this.refuse('Departamento não encontrado.');
			const customerId = formText(request, 'customer_id')!;
			const customer = this.findCustomer(customerId, formText(request, 'customer_id_type'));
			if (!customer) return this.refuse('Cliente não encontrado.');
			const categoryId = formText(request, 'category_id');
			const category = department.categories.find((c) => c.id === categoryId);
			if (categoryId && !category) return this.refuse('Categoria não encontrada.');
			const customFields = Object.entries(request.form ?? {})
				.filter(([name]) => name.startsWith('custom_field['))
				.map(([name, values]) => ({
					id: name.slice('custom_field['.length, -1),
					label: name,
					value: String(values[0]),
				}));
			const files = this.attachments(request);
			if (files.length > MAX_ATTACHMENTS)
				return this.refuse(`Máximo de ${MAX_ATTACHMENTS} anexos por requisição.`);
			const ticket = this.createTicket({
				customerId: customer.internal_id,
				departmentId: department.id,
				subject: formText(request, 'subject')!,
				message: formText(request, 'message')!,
				priority: Number(priority ?? 2),
				category: category ? { id: category.id, name: category.name } : { id: null, name: null },
				custom_fields: { open: customFields },
				attachments: files.map((v) => ({ name: v.fileName, size: v.size, mimetype: v.mimeType })),
			});
			// Seen in production: the id and protocol come back at the root, not inside `data`.
			return this.ok({ ticket_id: ticket.id, protocol: ticket.protocol });
		});

		const reply = (senderType: 'operator' | 'customer') => (request: RecordedRequest) => {
			const write = this.ticketWrite(request, { name: 'message', maxLength: MAX_MESSAGE_LENGTH });
			if ('refusal' in write) return write.refusal;
			const { ticket, text, files } = write;
			const start = formText(request, 'start_date');
			const end = formText(request, 'end_date');
			if (senderType === 'operator' && (start === undefined) !== (end === undefined)) {
				return this.refuse('Os campos start_date e end_date devem ser informados juntos.');
			}
			for (const value of [start, end]) {
				if (value !== undefined && Number.isNaN(parseTomTicketDate(value)))
					return json({ message: 'Invalid date.' }, 401);
			}
			// Seen in production: with no operator linked, an operator reply is silently stored as the
			// customer's, with no error.
			const asOperator = senderType === 'operator' && ticket.operator.id !== null;
			const id = hashId();
			ticket.replies.push({
				id,
				message: text,
				sender: asOperator ? String(ticket.operator.name) : ticket.customer.name,
				sender_type: asOperator ? 'A' : 'C',
				date: tomTicketDate(new Date()),
				attachments: files.map((f) => ({ name: f.fileName, size: f.size })),
				...(start !== undefined ? { start_date: start, end_date: end } : {}),
			});
			this.touch(ticket, asOperator ? 2 : 3);
			if (asOperator) ticket.first_reply_date ??= ticket.situation.apply_date;
			// Third-party clients: the answer carries the reply's id.
			return this.ok({ id });
		};
		this.route('POST', '/ticket/reply/operator', reply('operator'));
		this.route('POST', '/ticket/reply/customer', reply('customer'));

		this.route('POST', '/ticket/comment', (request) => {
			const write = this.ticketWrite(request, { name: 'comment', maxLength: MAX_MESSAGE_LENGTH });
			if ('refusal' in write) return write.refusal;
			write.ticket.comments.push({
				id: hashId(),
				comment: write.text,
				date: tomTicketDate(new Date()),
				attachments: write.files.map((f) => ({ name: f.fileName, size: f.size })),
			});
			this.touch(write.ticket);
			return this.ok();
		});
	}

	/** Finishing, transferring, linking an operator, custom statuses. */
	private registerTicketFlowRoutes() {
		this.route('POST', '/ticket/finish', (request) => {
			const write = this.ticketWrite(request, { name: 'message' });
			if ('refusal' in write) return write.refusal;
			const { ticket, text, files } = write;
			if (ticket.situation.id === 5) return this.refuse('O chamado já está finalizado.');
			ticket.replies.push({
				id: hashId(),
				message: text,
				sender: String(ticket.operator.name ?? ''),
				sender_type: 'A',
				date: tomTicketDate(new Date()),
				attachments: files.map((f) => ({ name: f.fileName, size: f.size })),
			});
			this.touch(ticket, 5);
			ticket.end_date = ticket.situation.apply_date;
			// Third-party clients: no id in this answer, only the envelope.
			return this.ok();
		});

		this.route('POST', '/ticket/transfer', (request) => {
			const write = this.ticketWrite(request);
			if ('refusal' in write) return write.refusal;
			const { ticket } = write;
			const departmentId = formText(request, 'department_id');
			const operatorId = formText(request, 'operator_id');
			if (!departmentId && !operatorId)
				return this.refuse('Informe o departamento ou o atendente de destino.');
			if (ticket.operator.id === null && this.transferWithoutOperator === 'refuse')
				return this.refuse('Not possible to transfer tickets without attendants.');
			const department = departmentId
				? this.state.departments.find((d) => d.id === departmentId)
				: this.state.departments.find((d) => d.id === ticket.department.id);
			if (!department) return this.refuse('Departamento não encontrado.');
			let operator = operatorId ? department.operators.find((o) => o.id === operatorId) : undefined;
			if (operatorId && !operator)
				return this.refuse('Atendente não encontrado no departamento de destino.');
			if (!operatorId && department.id !== ticket.department.id) operator = undefined;
			ticket.department = { id: department.id, name: department.name };
			ticket.operator = operator
				? { id: operator.id, name: operator.name }
				: departmentId
					? { id: null, name: null }
					: ticket.operator;
			this.touch(ticket, 6);
			return this.ok();
		});

		this.route('POST', '/ticket/operator/link', (request) => {
			const write = this.ticketWrite(request);
			if ('refusal' in write) return write.refusal;
			const operatorId = formText(request, 'operator_id');
			if (!operatorId) return this.refuse('Parâmetro obrigatório não informado: operator_id');
			const operator = this.findOperator(operatorId);
			if (!operator) return this.refuse('Atendente não encontrado.');
			write.ticket.operator = { id: operator.id, name: operator.name };
			this.touch(write.ticket);
			return this.ok();
		});

		this.route('POST', '/ticket/status/open', (request) => {
			const write = this.ticketWrite(request);
			if ('refusal' in write) return write.refusal;
			const statusId = formText(request, 'status_id');
			if (!statusId) return this.refuse('Parâmetro obrigatório não informado: status_id');
			const status = this.state.statuses.find((s) => s.id === statusId);
			if (!status) return this.refuse('Status não encontrado.');
			write.ticket.status = { ...status };
			const comment = formText(request, 'comment');
			if (comment)
				write.ticket.comments.push({
					id: hashId(),
					comment,
					date: tomTicketDate(new Date()),
					attachments: [],
				});
			this.touch(write.ticket);
			return this.ok();
		});

		this.route('POST', '/ticket/status/close', (request) => {
			const write = this.ticketWrite(request);
			if ('refusal' in write) return write.refusal;
			// GUESS: closing when no status is open is refused.
			if (!write.ticket.status) return this.refuse('O chamado não possui status aberto.');
			write.ticket.status = null;
			this.touch(write.ticket);
			return this.ok();
		});
	}

	/** Live chats. */
	private registerChatRoutes() {
		this.route('GET', '/chat/list', (request) => {
			let chats = [...this.state.chats]
				.reverse()
				.map(({ messages: _messages, ...rest }) => rest) as unknown as Array<
				Record<string, unknown>
			>;
			const organizationId = queryText(request, 'organization_id');
			if (organizationId)
				chats = chats.filter(
					(c) => (c.customer as TomTicketChat['customer']).organization.id === organizationId,
				);
			const filtered = this.listFilters(request, chats, [
				['creation_date_ge', created, 1],
				['creation_date_le', created, -1],
			]);
			if (!Array.isArray(filtered)) return filtered;
			return this.page(request, filtered);
		});

		this.route('GET', '/chat/detail', (request) => {
			// GUESS: the help center names no parameter for chat/detail; chat_id by analogy.
			const chatId = queryText(request, 'chat_id');
			if (!chatId) return this.refuse('Parâmetro obrigatório não informado: chat_id');
			const chat = this.state.chats.find((c) => c.id === chatId);
			if (!chat) return this.missing('Chat não encontrado.');
			return json({ error: false, message: '', success: true, data: chat });
		});
	}

	/** Customers and organizations. */
	private registerCustomerRoutes() {
		this.route('GET', '/customer/list', (request) => {
			const withFields = queryText(request, 'show_custom_fields') === '1';
			return this.page(
				request,
				this.state.customers.map(({ custom_fields, ...rest }) =>
					withFields ? { ...rest, custom_fields } : rest,
				),
			);
		});

		this.route('GET', '/customer/details', (request) => {
			const customerId = queryText(request, 'customer_id');
			if (!customerId) return this.refuse('Parâmetro obrigatório não informado: customer_id');
			const customer = this.findCustomer(customerId, queryText(request, 'customer_type_id'));
			if (!customer) return this.missing('Cliente não encontrado.');
			return json({ error: false, message: '', success: true, data: customer });
		});

		const customerFields = (
			request: RecordedRequest,
		): { fields: Record<string, unknown> } | { refusal: FakeResponse } => {
			const fields: Record<string, unknown> = {};
			for (const name of ['name', 'email', 'phone']) {
				const value = formText(request, name);
				if (value !== undefined) fields[name] = value;
			}
			if (typeof fields.phone === 'string' && fields.phone.length > 20)
				return { refusal: this.refuse('O campo phone deve ter no máximo 20 caracteres.') };
			const createTickets = formText(request, 'create_tickets');
			if (createTickets !== undefined) {
				if (!['0', '1'].includes(createTickets))
					return { refusal: this.refuse('Valor inválido para create_tickets.') };
				fields.allow_create_tickets = createTickets === '1';
			}
			const language = formText(request, 'language');
			if (language !== undefined) {
				if (!['pt-BR', 'es_ES', 'en-US'].includes(language))
					return { refusal: this.refuse('Idioma inválido.') };
				fields.language = language;
			}
			const organizationId = formText(request, 'organization_id');
			if (organizationId !== undefined) {
				const organization = this.state.organizations.find((o) => o.id === organizationId);
				if (!organization) return { refusal: this.refuse('Organização não encontrada.') };
				fields.organization = { ...organization };
			}
			const portfolioId = formText(request, 'portfolio_id');
			if (portfolioId !== undefined) fields.portfolio_id = portfolioId;
			const customFields = Object.entries(request.form ?? {})
				.filter(([name]) => name.startsWith('custom_field['))
				.map(([name, values]) => ({
					field_id: name.slice('custom_field['.length, -1),
					field_name: name,
					value: String(values[0]),
				}));
			if (customFields.length) fields.custom_fields = customFields;
			return { fields };
		};

		this.route('POST', '/customer/new', (request) => {
			const missing = ['customer_id', 'name'].filter((f) => !formText(request, f));
			if (missing.length)
				return this.refuse(`Parâmetro obrigatório não informado: ${missing.join(', ')}`);
			const internalId = formText(request, 'customer_id')!;
			if (this.findCustomer(internalId, 'I'))
				return this.refuse('Já existe um cliente com este identificador.');
			const checked = customerFields(request);
			if ('refusal' in checked) return checked.refusal;
			const customer = {
				id: hashId(),
				internal_id: internalId,
				email: '',
				active: true,
				allow_create_tickets: true,
				organization: { id: null, name: null },
				custom_fields: [],
				creation_date: tomTicketDate(new Date()),
				...checked.fields,
				name: formText(request, 'name')!,
			};
			this.state.customers.push(customer);
			return this.ok();
		});

		this.route('POST', '/customer/update', (request) => {
			const customerId = formText(request, 'customer_id');
			if (!customerId) return this.refuse('Parâmetro obrigatório não informado: customer_id');
			const customer = this.findCustomer(customerId, formText(request, 'customer_type_id'));
			if (!customer) return this.missing('Cliente não encontrado.');
			const checked = customerFields(request);
			if ('refusal' in checked) return checked.refusal;
			Object.assign(customer, checked.fields);
			return this.ok();
		});

		this.route('GET', '/organization/list', (request) =>
			this.page(request, this.state.organizations),
		);
	}
}
