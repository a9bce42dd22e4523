import { randomBytes } from 'crypto';

import type { FakeResponse, RecordedRequest } from './fakeServer';
import { FakeServer, formText, json, queryText } from './fakeServer';

/**
 * TomTicket API v2.0 as documented in shared/api-docs/tomticket-api.md:
 * - `Authorization: Bearer <token>` on every call; anything else gets a 401.
 * - Writes are multipart/form-data; a JSON body gets a bare 401 with no explanation [3P-A].
 * - Lists page by 50 with `{error,message,success,size,pages,next_page,previous_page,data}`.
 * - HTTP 200 with `error: true` for refused operations; 404 for unknown ids.
 * - 3 requests per second per token; more gets nginx's HTML 429 page [3P-A].
 */
export const TOMTICKET_PAGE_SIZE = 50;

export interface TomTicketTicket {
	id: string;
	protocol: number;
	subject: string;
	message: string;
	customer: { name: string; email: string; internal_id: string; organization: { id: string | null; name: string | null } };
	priority: number;
	creation_date: string;
	end_date: string | null;
	last_update: string;
	situation: { id: number; apply_date: string; description: string };
	category: { id: string | null; name: string | null };
	department: { id: string; name: string };
	operator: { id: string | null; name: string | null };
	status: { id: string; description: string } | null;
	replies: Array<{ id: string; message: string; sender: string; sender_type: 'A' | 'C'; date: string; attachments: Array<{ name: string; size: number }> }>;
	comments: Array<{ id: string; comment: string; date: string; attachments: Array<{ name: string; size: number }> }>;
	custom_fields: { open: Array<{ id: string; label: string; value: string }> };
	attachments: Array<{ name: string; size: number; mimetype: string }>;
}

export interface TomTicketState {
	departments: Array<{ id: string; name: string; categories: Array<{ id: string; name: string }>; operators: Array<{ id: string; name: string; mail_hash: string }>; customFields: Array<{ id: string; label: string; category_id?: string }> }>;
	customers: Array<Record<string, unknown> & { id: string; internal_id: string; name: string; email: string }>;
	tickets: TomTicketTicket[];
	chats: Array<Record<string, unknown> & { id: string; protocol: number }>;
	organizations: Array<{ id: string; name: string }>;
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
			customFields: [{ id: 'cf-contrato', label: 'Número do contrato' }],
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
		{ id: 'cus-1', internal_id: 'CPF-123', name: 'Maria Oliveira', email: 'maria@example.com', phone: '11987654321', active: true, organization: { id: 'org-1', name: 'Padaria Pão Quente' }, custom_fields: [] },
		{ id: 'cus-2', internal_id: 'CPF-456', name: 'João Santos', email: 'joao@example.com', phone: '21912345678', active: true, organization: { id: null, name: null }, custom_fields: [] },
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
	};
}

export class TomTicketFake extends FakeServer {
	state: TomTicketState = seedTomTicket();
	token = 'tt-test-token-0123456789';
	/** Refuse requests above 3 per second with nginx's HTML 429, as the real API does. */
	enforceRateLimit = true;
	private nextProtocol = 1000;

	constructor() {
		super('TomTicket');
		this.registerRoutes();
	}

	/** Adds `count` tickets (for paging tests), oldest first. */
	addTickets(count: number, overrides: Partial<TomTicketTicket> = {}): TomTicketTicket[] {
		const created: TomTicketTicket[] = [];
		for (let i = 0; i < count; i++) created.push(this.createTicket({ subject: `Chamado ${this.nextProtocol}`, ...overrides }));
		return created;
	}

	createTicket(fields: Partial<TomTicketTicket> & { customerId?: string; departmentId?: string }): TomTicketTicket {
		const department = this.state.departments.find((d) => d.id === (fields.departmentId ?? fields.department?.id)) ?? this.state.departments[0];
		const customer = this.state.customers.find((c) => c.internal_id === fields.customerId || c.email === fields.customerId) ?? this.state.customers[0];
		const now = tomTicketDate(new Date());
		const ticket: TomTicketTicket = {
			id: hashId(),
			protocol: this.nextProtocol++,
			subject: 'Sem assunto',
			message: '',
			customer: { name: customer.name, email: customer.email, internal_id: customer.internal_id, organization: { id: null, name: null } },
			priority: 2,
			creation_date: now,
			end_date: null,
			last_update: now,
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
		delete (ticket as unknown as Record<string, unknown>).customerId;
		delete (ticket as unknown as Record<string, unknown>).departmentId;
		this.state.tickets.push(ticket);
		return ticket;
	}

	protected guard(request: RecordedRequest): FakeResponse | undefined {
		if (this.enforceRateLimit) {
			const recent = this.requests.filter((r) => r !== request && !r.fault && request.time - r.time < 1000 && r.status !== 429);
			if (recent.length >= 3) return this.rateLimited(0);
		}
		if (request.headers.authorization !== `Bearer ${this.token}`) {
			// GUESS: the body of a bad-token 401 is not documented; TomTicket's envelope is assumed.
			return json({ error: true, message: 'Token de acesso inválido.', success: false }, 401);
		}
		if (request.method === 'POST') {
			const type = String(request.headers['content-type'] ?? '');
			if (!type.includes('multipart/form-data') && !type.includes('application/x-www-form-urlencoded')) {
				// [3P-A]: a JSON body is refused with a bare 401 and no explanation.
				return { status: 401, raw: '' };
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
		return { status: 404, raw: `<html><head><title>404 Not Found</title></head><body>${request.path}</body></html>`, headers: { 'content-type': 'text/html' } };
	}

	/** The 50-per-page list envelope. */
	page<T>(request: RecordedRequest, records: T[]): FakeResponse {
		const page = Math.max(1, Number(queryText(request, 'page') ?? 1) || 1);
		const pages = Math.max(1, Math.ceil(records.length / TOMTICKET_PAGE_SIZE));
		const data = records.slice((page - 1) * TOMTICKET_PAGE_SIZE, page * TOMTICKET_PAGE_SIZE);
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
		return json({ error: false, message: 'Operação realizada com sucesso.', success: true, ...extra });
	}

	refuse(message: string): FakeResponse {
		// TomTicket refuses operations with HTTP 200 and error: true.
		return json({ error: true, message, success: false });
	}

	findTicket(id: string | undefined): TomTicketTicket | undefined {
		return this.state.tickets.find((t) => t.id === id);
	}

	private registerRoutes() {
		this.route('GET', '/department/list', (request) => {
			const nested = queryText(request, 'show_nested_items') === '1';
			const data = this.state.departments.map((d) =>
				nested
					? { id: d.id, name: d.name, categories: d.categories, operators: d.operators, general_custom_fields: { tickets: d.customFields } }
					: { id: d.id, name: d.name },
			);
			return json({ error: false, message: '', success: true, size: data.length, data });
		});

		this.route('GET', '/ticket/list', (request) => {
			let tickets = [...this.state.tickets].reverse(); // newest first, as observed [3P-B]
			const min = queryText(request, 'min_protocol');
			const max = queryText(request, 'max_protocol');
			// Documented oddly [KB:chats]: both bounds are inclusive; equal values give one protocol.
			if (min !== undefined) tickets = tickets.filter((t) => t.protocol >= Number(min));
			if (max !== undefined) tickets = tickets.filter((t) => t.protocol <= Number(max));
			const situation = queryText(request, 'situation');
			if (situation) {
				const wanted = situation.split(',').map(Number);
				tickets = tickets.filter((t) => wanted.includes(t.situation.id));
			}
			const department = queryText(request, 'department_id');
			if (department) tickets = tickets.filter((t) => department.split(',').includes(t.department.id));
			for (const [param, field, cmp] of [
				['creation_date_ge', 'creation_date', 1],
				['creation_date_le', 'creation_date', -1],
				['last_update_ge', 'last_update', 1],
			] as const) {
				const value = queryText(request, param);
				if (value === undefined) continue;
				const bound = parseTomTicketDate(value);
				if (Number.isNaN(bound)) return json({ error: true, message: 'Invalid date.', success: false }, 401);
				tickets = tickets.filter((t) => (cmp > 0 ? parseTomTicketDate(t[field]) >= bound : parseTomTicketDate(t[field]) <= bound));
			}
			// The list carries neither replies nor custom fields [3P-B].
			const listed = tickets.map(({ replies: _replies, custom_fields: _fields, comments: _comments, ...rest }) => rest);
			return this.page(request, listed);
		});

		this.route('GET', '/ticket/detail', (request) => {
			const ticket = this.findTicket(queryText(request, 'ticket_id'));
			if (!ticket) return json({ error: true, message: 'Chamado não encontrado.', success: false }, 404);
			return json({ error: false, message: '', success: true, data: ticket });
		});

		this.route('POST', '/ticket/new', (request) => {
			const missing = ['customer_id', 'department_id', 'subject', 'message'].filter((f) => !formText(request, f));
			if (missing.length) return this.refuse(`Parâmetro obrigatório não informado: ${missing.join(', ')}`);
			const department = this.state.departments.find((d) => d.id === formText(request, 'department_id'));
			if (!department) return this.refuse('Departamento não encontrado.');
			const customerId = formText(request, 'customer_id')!;
			const byEmail = formText(request, 'customer_id_type') === 'E';
			const customer = this.state.customers.find((c) => (byEmail ? c.email === customerId : c.internal_id === customerId));
			if (!customer) return this.refuse('Cliente não encontrado.');
			const customFields = Object.entries(request.form ?? {})
				.filter(([name]) => name.startsWith('custom_field['))
				.map(([name, values]) => ({ id: name.slice('custom_field['.length, -1), label: name, value: String(values[0]) }));
			const attachments = Object.entries(request.form ?? {})
				.filter(([name]) => /^attachment\[\d+\]$/.test(name))
				.flatMap(([, values]) => values)
				.map((v) => (typeof v === 'string' ? { name: v, size: v.length, mimetype: 'text/plain' } : { name: v.fileName, size: v.size, mimetype: v.mimeType }));
			const category = department.categories.find((c) => c.id === formText(request, 'category_id'));
			const ticket = this.createTicket({
				customerId: customer.internal_id,
				departmentId: department.id,
				subject: formText(request, 'subject')!,
				message: formText(request, 'message')!,
				priority: Number(formText(request, 'priority') ?? 2),
				category: category ? { id: category.id, name: category.name } : { id: null, name: null },
				custom_fields: { open: customFields },
				attachments,
			});
			// [3P-A]: the id and protocol come back at the root, not inside `data`.
			return this.ok({ ticket_id: ticket.id, protocol: ticket.protocol });
		});

		this.route('GET', '/customer/list', (request) => this.page(request, this.state.customers));
		this.route('GET', '/organization/list', (request) => this.page(request, this.state.organizations));
	}
}
