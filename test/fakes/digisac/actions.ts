import { randomUUID } from 'crypto';

import type { FakeResponse, RecordedRequest } from '../fakeServer';
import { json, queryText } from '../fakeServer';

import type { DigisacFake, Row } from './index';
import { matchesWhere } from './index';

/**
 * The Digisac routes the action node uses beyond the core ones in index.ts: contacts (create,
 * many, update, delete, block, exists, CSV export, group members), tickets (list with includes,
 * one, transfer/open, close, TXT/CSV/PDF exports), connections, departments, users, tags,
 * ticket topics, custom fields, bots, integrations, templates, statistics and the password grant.
 * Faithful to the same sources as index.ts; where the public material shows no answer (transfer,
 * close, connection commands: "no response body") the fake answers an empty 200, and
 * `actionsOf(fake).ticketAnswer = 'ticket'` plays an account that answers the ticket instead.
 */
export interface DigisacActionState {
	/** What transfer and close answer: nothing (as in every public example) or the ticket. */
	ticketAnswer: 'empty' | 'ticket';
	/** Numbers the WhatsApp check reports as having WhatsApp. */
	whatsappNumbers: Set<string>;
	/** Users the password grant accepts: e-mail → password. */
	oauthUsers: Map<string, string>;
	/**
	 * What DELETE /contacts/:id does. Recorded twice in a test named "valid contact": 500
	 * "Cannot read property 'id' of null"; whether the contact was deleted anyway is not known, so
	 * '500-deleted' and '500-kept' play both, 'ok' an account where it works.
	 */
	contactDelete: 'ok' | '500-deleted' | '500-kept';
	nextProtocol: number;
}

const states = new WeakMap<DigisacFake, DigisacActionState>();

export function actionsOf(fake: DigisacFake): DigisacActionState {
	let state = states.get(fake);
	if (!state) {
		state = {
			ticketAnswer: 'empty',
			whatsappNumbers: new Set(),
			oauthUsers: new Map(),
			contactDelete: 'ok',
			nextProtocol: 2024070100001,
		};
		states.set(fake, state);
	}
	return state;
}

type Body = Record<string, unknown>;

function isObject(value: unknown): value is Body {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** 200 with no body, as Digisac's examples show for commands. */
const empty = (): FakeResponse => ({ status: 200, raw: '' });

function validation(fake: DigisacFake, message: string): FakeResponse {
	return fake.error(400, 'ValidationError', message);
}

/** A request body must be JSON: Digisac refuses anything else. */
function jsonBody(request: RecordedRequest): unknown {
	if (!String(request.headers['content-type'] ?? '').includes('application/json')) return undefined;
	return request.json;
}

/** Related records of a contact or ticket, by include model name. */
function related(fake: DigisacFake, row: Row, model: string): unknown {
	const { state } = fake;
	switch (model) {
		case 'contact':
			return state.contacts.find((c) => c.id === row.contactId) ?? null;
		case 'department':
			return state.departments.find((d) => d.id === row.departmentId) ?? null;
		case 'user':
			return state.users.find((u) => u.id === row.userId) ?? null;
		case 'ticketTopics':
			return state.ticketTopics.filter((t) =>
				((row.ticketTopicIds as string[] | undefined) ?? []).includes(t.id),
			);
		case 'ticketTransfers':
			return ((row.ticketTransfers as Row[] | undefined) ?? []).map((transfer) => ({
				...transfer,
				byUser: state.users.find((u) => u.id === transfer.byUserId) ?? null,
			}));
		case 'tags':
			return state.tags.filter((t) => ((row.tagIds as string[] | undefined) ?? []).includes(t.id));
		case 'customFieldValues':
			return (row.customFieldValues as Row[] | undefined) ?? [];
		case 'person':
			return row.personId ? { id: row.personId, name: `Pessoa ${String(row.personId)}` } : null;
		case 'service':
			return state.services.find((s) => s.id === row.serviceId) ?? null;
		case 'file':
			return row.file ?? null;
		default:
			// avatar, thumbAvatar, account, firstMessage...: present but empty in the fake.
			return null;
	}
}

/**
 * Applies `include` as Sequelize does: attaches the association, filters it by its `where`, and
 * with `required: true` drops rows whose association is empty (an inner join).
 */
export function applyIncludes(fake: DigisacFake, rows: Row[], includes: unknown): Row[] {
	if (!Array.isArray(includes) || includes.length === 0) return rows;
	const result: Row[] = [];
	for (const row of rows) {
		const copy: Row = { ...row };
		let keep = true;
		for (const include of includes) {
			const model =
				typeof include === 'string'
					? include
					: isObject(include)
						? String(include.model ?? '')
						: '';
			if (!model) continue;
			let value = related(fake, row, model);
			const where = isObject(include) && isObject(include.where) ? include.where : undefined;
			if (where) {
				if (Array.isArray(value)) value = (value as Row[]).filter((v) => matchesWhere(v, where));
				else if (value && !matchesWhere(value as Row, where)) value = null;
			}
			const required =
				isObject(include) && (include.required === true || include.required === 'true');
			if (required && (value === null || (Array.isArray(value) && value.length === 0)))
				keep = false;
			copy[model] = value;
		}
		if (keep) result.push(copy);
	}
	return result;
}

/** A list answer with the query's includes applied. */
export function pageWithIncludes(
	fake: DigisacFake,
	request: RecordedRequest,
	rows: Row[],
): FakeResponse {
	let raw: Record<string, unknown>;
	try {
		raw = fake.listQuery(request).raw;
	} catch {
		return fake.error(400, 'BadRequestHttpError', 'Invalid query');
	}
	return fake.page(request, applyIncludes(fake, rows, raw.include));
}

/** `include[0]=tags`, `include[0][model]=contact&include[0][include][0]=avatar` → model names. */
export function bracketIncludes(request: RecordedRequest): string[] {
	const models = new Map<string, string>();
	for (const [key, value] of Object.entries(request.query)) {
		const match = /^include\[(\d+)\](\[model\])?$/.exec(key);
		if (match) models.set(match[1], String(Array.isArray(value) ? value[0] : value));
	}
	return [...models.entries()].sort(([a], [b]) => Number(a) - Number(b)).map(([, model]) => model);
}

export function addTicket(
	fake: DigisacFake,
	fields: Record<string, unknown> & { contactId: string },
): Row {
	const now = new Date().toISOString();
	const ticket: Row = {
		id: randomUUID(),
		isOpen: true,
		protocol: String(actionsOf(fake).nextProtocol++),
		origin: 'manual',
		startedAt: now,
		endedAt: null,
		departmentId: fake.state.departments[0].id,
		userId: null,
		accountId: fake.state.me.accountId,
		ticketTopicIds: [],
		ticketTransfers: [],
		createdAt: now,
		updatedAt: now,
		metrics: { ticketTime: 0, waitingTime: 0, messagingTime: 0, ticketTransferCount: 0 },
		...fields,
	};
	fake.state.tickets.push(ticket);
	return ticket;
}

function csv(rows: string[][], separator: string): string {
	const quote = (value: string) =>
		/[",;\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
	return `${rows.map((row) => row.map(quote).join(separator)).join('\n')}\n`;
}

function contactNumber(contact: Row): string {
	return String((contact.data as { number?: string } | undefined)?.number ?? '');
}

/** Validates and stores one contact body; returns the contact or an error answer. */
function upsertContact(fake: DigisacFake, body: unknown): Row | FakeResponse {
	const { state } = fake;
	if (!isObject(body)) return validation(fake, 'body must be an object');
	if (typeof body.serviceId !== 'string' || !body.serviceId)
		return validation(fake, 'serviceId is required');
	if (!state.services.some((s) => s.id === body.serviceId))
		return fake.error(404, 'NotFoundHttpError', `Service ${body.serviceId} not found`);
	const tagIds = body.tagIds ?? [];
	if (!Array.isArray(tagIds) || tagIds.some((id) => !state.tags.some((t) => t.id === id)))
		return validation(fake, 'tagIds must be an array of existing tag ids');
	const customFields = body.customFields ?? [];
	if (
		!Array.isArray(customFields) ||
		customFields.some(
			(f) => !isObject(f) || !state.customFields.some((c) => c.id === (f.id ?? f.customFieldId)),
		)
	) {
		return validation(fake, 'customFields must be [{id, value}] with existing custom field ids');
	}
	if (body.isGroup === true) {
		if (typeof body.internalName !== 'string' || !body.internalName)
			return validation(fake, 'internalName is required for a group');
		return fake.addContacts(1, {
			name: body.internalName,
			internalName: body.internalName,
			isGroup: true,
			serviceId: body.serviceId,
			data: {
				number: `${Date.now()}${Math.floor(Math.random() * 1000)}@g.us`,
				valid: true,
				participants: [],
				admins: [],
			},
		})[0];
	}
	if (typeof body.number !== 'string' || !/^\d+$/.test(body.number))
		return validation(fake, 'number is required (digits only)');
	// Recorded: the number is kept as WhatsApp knows it (without the 9th digit for some Brazilian
	// mobiles), and the same number on the same connection returns the contact it has (an upsert).
	const number = fake.storedNumber(body.number);
	const existing = state.contacts.find(
		(c) => c.serviceId === body.serviceId && contactNumber(c) === number,
	);
	const contact =
		existing ??
		fake.addContacts(1, {
			serviceId: body.serviceId,
			name: body.internalName ?? body.number,
			// Recorded: an unknown number is still created, with 200 and `valid: false`.
			data: {
				valid: !fake.invalidNumbers.has(body.number) && number.length >= 12 && number.length <= 13,
				number,
				webchat: {},
			},
			customFieldValues: [],
		})[0];
	applyContactFields(contact, { ...body, number });
	return contact;
}

function applyContactFields(contact: Row, body: Body) {
	if (typeof body.internalName === 'string') contact.internalName = body.internalName;
	if (body.defaultDepartmentId !== undefined)
		contact.defaultDepartmentId = body.defaultDepartmentId;
	if (Array.isArray(body.tagIds)) contact.tagIds = [...body.tagIds];
	if (typeof body.isSilenced === 'boolean') contact.isSilenced = body.isSilenced;
	if (typeof body.serviceId === 'string') contact.serviceId = body.serviceId;
	if (typeof body.number === 'string')
		contact.data = { ...(contact.data as object), number: body.number };
	if (Array.isArray(body.customFields)) {
		const values = ((contact.customFieldValues as Row[] | undefined) ?? []).slice();
		for (const field of body.customFields as Body[]) {
			const customFieldId = String(field.id ?? field.customFieldId);
			const current = values.find((v) => v.customFieldId === customFieldId);
			if (current) current.value = field.value;
			else values.push({ id: randomUUID(), customFieldId, value: field.value });
		}
		contact.customFieldValues = values;
	}
	contact.updatedAt = new Date().toISOString();
}

export function registerActionRoutes(fake: DigisacFake): void {
	registerContactRoutes(fake);
	registerTicketRoutes(fake);
	registerConnectionRoutes(fake);
	registerResourceRoutes(fake);
	registerStatisticsRoutes(fake);
	registerAccountRoutes(fake);
}

/** Lookups the route handlers share. */
function lookups(fake: DigisacFake) {
	const notFound = (what: string, id: string) =>
		fake.error(404, 'NotFoundHttpError', `${what} ${id} not found`);
	const byId =
		(rows: () => Row[], what: string) =>
		(_request: RecordedRequest, { id }: Record<string, string>) => {
			const row = rows().find((r) => r.id === id);
			return row ? json(row) : notFound(what, id);
		};
	const findContact = (id: string) => fake.state.contacts.find((c) => c.id === id);

	return { notFound, byId, findContact };
}

/** Contacts and WhatsApp groups (members, admins). */
function registerContactRoutes(fake: DigisacFake): void {
	const { notFound, findContact } = lookups(fake);
	// --- contacts (registered before index.ts's /contacts/:id, so /contacts/exists is not an id)
	fake.route('GET', '/api/v1/contacts/exists', (request) => {
		const serviceId = queryText(request, 'serviceId');
		const numbers = Object.entries(request.query)
			.filter(([key]) => key === 'numbers[]' || /^numbers\[\d*\]$/.test(key) || key === 'numbers')
			.flatMap(([, value]) => (Array.isArray(value) ? value : [value]));
		if (!serviceId) return validation(fake, 'serviceId is required');
		if (!numbers.length) return validation(fake, 'numbers is required');
		if (!fake.state.services.some((s) => s.id === serviceId)) return notFound('Service', serviceId);
		// GUESS (undocumented answer): an object keyed by number.
		const known = actionsOf(fake).whatsappNumbers;
		return json(Object.fromEntries(numbers.map((n) => [n, known.has(n)])));
	});
	fake.route('POST', '/api/v1/contacts/many', (request) => {
		const body = jsonBody(request);
		if (!Array.isArray(body)) return validation(fake, 'body must be an array of contacts');
		const created: Row[] = [];
		for (const entry of body) {
			const result = upsertContact(fake, entry);
			if (!('id' in result)) return result as FakeResponse;
			created.push(result as Row);
		}
		return json(created);
	});
	fake.route('POST', '/api/v1/contacts/export/csv', (request) => {
		const body = jsonBody(request);
		if (!isObject(body)) return validation(fake, 'body must be an object');
		if (body.type !== undefined && body.type !== 'comma' && body.type !== 'semiColon')
			return validation(fake, 'type must be comma or semiColon');
		const where = isObject(body.where) ? (body.where as Record<string, unknown>) : undefined;
		const rows = applyIncludes(fake, fake.state.contacts, body.include).filter((c) =>
			matchesWhere(c, where),
		);
		const separator = body.type === 'semiColon' ? ';' : ',';
		const content = csv(
			[
				['Nome', 'Número'],
				...rows.map((c) => [String(c.internalName ?? c.name ?? ''), contactNumber(c)]),
			],
			separator,
		);
		return {
			status: 200,
			raw: content,
			headers: {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': 'attachment; filename="contatos.csv"',
			},
		};
	});
	fake.route('POST', '/api/v1/contacts', (request) => {
		const result = upsertContact(fake, jsonBody(request));
		return 'id' in result ? json(result) : (result as FakeResponse);
	});
	fake.route('PUT', '/api/v1/contacts/:id', (request, { id }) => {
		const contact = findContact(id);
		if (!contact) return notFound('Contact', id);
		const body = jsonBody(request);
		if (!isObject(body)) return validation(fake, 'body must be an object');
		if (
			body.tagIds !== undefined &&
			(!Array.isArray(body.tagIds) ||
				body.tagIds.some((t) => !fake.state.tags.some((tag) => tag.id === t)))
		) {
			return validation(fake, 'tagIds must be an array of existing tag ids');
		}
		applyContactFields(
			contact,
			typeof body.number === 'string' ? { ...body, number: fake.storedNumber(body.number) } : body,
		);
		return json(contact);
	});
	fake.route('DELETE', '/api/v1/contacts/:id', (_request, { id }) => {
		const index = fake.state.contacts.findIndex((c) => c.id === id);
		if (index < 0) return notFound('Contact', id);
		const mode = actionsOf(fake).contactDelete;
		if (mode !== '500-kept') fake.state.contacts.splice(index, 1);
		if (mode === 'ok') return empty();
		return fake.error(500, 'HttpError', "Cannot read property 'id' of null");
	});
	fake.route('POST', '/api/v1/contacts/:id/block', (request, { id }) => {
		const contact = findContact(id);
		if (!contact) return notFound('Contact', id);
		const body = jsonBody(request);
		if (!isObject(body) || typeof body.block !== 'boolean')
			return validation(fake, 'block must be a boolean');
		const data = (contact.data ?? {}) as Body;
		contact.data = {
			...data,
			whatsapp: { ...((data.whatsapp as Body) ?? {}), isBlocked: body.block },
			blockDescription: body.description ?? null,
		};
		return json(contact);
	});
	const groupRoute = (
		suffix: string,
		apply: (group: Row, body: unknown[]) => FakeResponse | undefined,
	) =>
		fake.route('POST', `/api/v1/contacts/:id/${suffix}`, (request, { id }) => {
			const group = findContact(id);
			if (!group) return notFound('Contact', id);
			if (group.isGroup !== true)
				return fake.error(400, 'BadRequestHttpError', `Contact ${id} is not a group`);
			const body = jsonBody(request);
			if (!Array.isArray(body) || body.length === 0)
				return validation(fake, 'body must be a non-empty array');
			return apply(group, body) ?? empty();
		});
	groupRoute('add-members', (group, body) => {
		if (body.some((m) => !isObject(m) || typeof m.number !== 'string' || !/^\d+$/.test(m.number)))
			return validation(fake, 'members must be [{number}]');
		const data = group.data as { participants: string[] };
		data.participants = [
			...new Set([...(data.participants ?? []), ...body.map((m) => String((m as Body).number))]),
		];
		return json(group);
	});
	for (const [suffix, promote] of [
		['promote-members', true],
		['demote-members', false],
	] as const) {
		groupRoute(suffix, (group, body) => {
			if (body.some((m) => typeof m !== 'string' || !findContact(m)))
				return validation(fake, 'members must be an array of contact ids');
			const data = group.data as { admins: string[] };
			const admins = new Set(data.admins ?? []);
			for (const member of body as string[]) {
				if (promote) admins.add(member);
				else admins.delete(member);
			}
			data.admins = [...admins];
			return undefined;
		});
	}
}

/** Ticket actions (keyed by contact), lists and the three exports. */
function registerTicketRoutes(fake: DigisacFake): void {
	const { notFound, findContact } = lookups(fake);
	// --- tickets: keyed by contact for actions
	const ticketAnswer = (ticket: Row) =>
		actionsOf(fake).ticketAnswer === 'ticket' ? json(ticket) : empty();
	fake.route('POST', '/api/v1/contacts/:id/ticket/transfer', (request, { id }) => {
		const contact = findContact(id);
		if (!contact) return notFound('Contact', id);
		const body = jsonBody(request);
		if (!isObject(body) || typeof body.departmentId !== 'string')
			return validation(fake, 'departmentId is required');
		if (!fake.state.departments.some((d) => d.id === body.departmentId))
			return notFound('Department', body.departmentId);
		if (body.userId !== undefined && !fake.state.users.some((u) => u.id === body.userId))
			return notFound('User', String(body.userId));
		const open = fake.state.tickets.find((t) => t.contactId === id && t.isOpen === true);
		const now = new Date().toISOString();
		if (!open) {
			// No open ticket: the transfer opens one ("Abertura de chamado").
			return ticketAnswer(
				addTicket(fake, {
					contactId: id,
					departmentId: body.departmentId,
					userId: body.userId ?? null,
					comments: body.comments ?? null,
				}),
			);
		}
		(open.ticketTransfers as Row[]).push({
			id: randomUUID(),
			action: 'transfer',
			fromDepartmentId: open.departmentId,
			toDepartmentId: body.departmentId,
			fromUserId: open.userId,
			toUserId: body.userId ?? null,
			comments: body.comments ?? null,
			byUserId: fake.state.me.id,
			createdAt: now,
		});
		Object.assign(open, {
			departmentId: body.departmentId,
			userId: body.userId ?? null,
			updatedAt: now,
		});
		return ticketAnswer(open);
	});
	fake.route('POST', '/api/v1/contacts/:id/ticket/close', (request, { id }) => {
		if (!findContact(id)) return notFound('Contact', id);
		const body = request.rawBody.length ? jsonBody(request) : {};
		if (!isObject(body)) return validation(fake, 'body must be an object');
		const topics = body.ticketTopicIds;
		if (
			topics !== undefined &&
			(!Array.isArray(topics) ||
				topics.some((t) => !fake.state.ticketTopics.some((k) => k.id === t)))
		) {
			return validation(fake, 'ticketTopicIds must be an array of existing ticket topic ids');
		}
		const open = fake.state.tickets.find((t) => t.contactId === id && t.isOpen === true);
		// GUESS: the answer for a contact without an open ticket is not in the public material.
		if (!open) return fake.error(400, 'BadRequestHttpError', `Contact ${id} has no open ticket`);
		const now = new Date().toISOString();
		(open.ticketTransfers as Row[]).push({
			id: randomUUID(),
			action: 'close',
			byUserId: fake.state.me.id,
			createdAt: now,
		});
		Object.assign(open, {
			isOpen: false,
			endedAt: now,
			updatedAt: now,
			ticketTopicIds: (topics as string[] | undefined) ?? [],
		});
		return ticketAnswer(open);
	});
	fake.route('GET', '/api/v1/tickets', (request) => {
		const start = queryText(request, 'startPeriod');
		const end = queryText(request, 'endPeriod');
		const rows = fake.state.tickets.filter(
			(t) => (!start || String(t.startedAt) >= start) && (!end || String(t.startedAt) <= end),
		);
		return pageWithIncludes(fake, request, rows);
	});
	fake.route('GET', '/api/v1/tickets/:id', (request, { id }) => {
		const ticket = fake.state.tickets.find((t) => t.id === id);
		if (!ticket) return notFound('Ticket', id);
		return json(applyIncludes(fake, [ticket], bracketIncludes(request))[0]);
	});
	fake.route('POST', '/api/v1/tickets/export', (request) => {
		const body = jsonBody(request);
		if (!isObject(body) || typeof body.protocol !== 'string' || !body.protocol)
			return validation(fake, 'protocol is required');
		const ticket = fake.state.tickets.find((t) => t.protocol === body.protocol);
		if (!ticket)
			return fake.error(
				404,
				'NotFoundHttpError',
				`Ticket with protocol ${body.protocol} not found`,
			);
		const lines = fake.state.messages
			.filter((m) => m.ticketId === ticket.id)
			.map((m) => `[${String(m.timestamp)}] ${String(m.text ?? '')}`);
		return {
			status: 200,
			raw: `Protocolo: ${ticket.protocol}\n${lines.join('\n')}\n`,
			headers: { 'content-type': 'text/plain; charset=utf-8' },
		};
	});
	fake.route('POST', '/api/v1/tickets/export-history', (request) => {
		let raw: Record<string, unknown>;
		try {
			raw = fake.listQuery(request).raw;
		} catch {
			return fake.error(400, 'BadRequestHttpError', 'Invalid query');
		}
		const where = isObject(raw.where) ? (raw.where as Record<string, unknown>) : undefined;
		const rows = applyIncludes(fake, fake.state.tickets, raw.include).filter((t) =>
			matchesWhere(t, where),
		);
		const content = csv(
			[
				['Protocolo', 'Aberto', 'Contato'],
				...rows.map((t) => [
					String(t.protocol),
					t.isOpen ? 'sim' : 'não',
					String((t.contact as Row | null)?.name ?? ''),
				]),
			],
			',',
		);
		return {
			status: 200,
			raw: content,
			headers: {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': "attachment; filename*=UTF-8''hist%C3%B3rico%20chamados.csv",
			},
		};
	});
	fake.route('GET', '/pdf/tickets/:id/:lng', (request, { id, lng }) => {
		const ticket = fake.state.tickets.find((t) => t.id === id);
		if (!ticket) return notFound('Ticket', id);
		if (queryText(request, 'pdf') !== '1')
			return {
				status: 200,
				raw: `<html><body>Chamado ${String(ticket.protocol)} (${lng})</body></html>`,
				headers: { 'content-type': 'text/html' },
			};
		return {
			status: 200,
			raw: Buffer.from(`%PDF-1.4\n% Chamado ${String(ticket.protocol)} ${lng}\n%%EOF\n`),
			headers: { 'content-type': 'application/pdf' },
		};
	});
}

/** Connections (services) and their commands. */
function registerConnectionRoutes(fake: DigisacFake): void {
	const { notFound, byId } = lookups(fake);
	// --- connections
	fake.route(
		'GET',
		'/api/v1/services/:id',
		byId(() => fake.state.services, 'Service'),
	);
	for (const command of ['start', 'restart', 'shutdown', 'logout']) {
		fake.route('POST', `/api/v1/services/:id/${command}`, (_request, { id }) => {
			const service = fake.state.services.find((s) => s.id === id);
			if (!service) return notFound('Service', id);
			const isConnected = command === 'start' || command === 'restart';
			service.data = { ...(service.data as object), status: { isConnected, lastCommand: command } };
			return empty();
		});
	}
}

/** Departments, users, ticket topics, custom fields, bots, integrations, templates, tags. */
function registerResourceRoutes(fake: DigisacFake): void {
	const { notFound, byId, findContact } = lookups(fake);
	// --- simple resources
	fake.route(
		'GET',
		'/api/v1/departments/:id',
		byId(() => fake.state.departments, 'Department'),
	);
	fake.route('GET', '/api/v1/users', (request) =>
		pageWithIncludes(fake, request, fake.state.users),
	);
	fake.route(
		'GET',
		'/api/v1/users/:id',
		byId(() => fake.state.users, 'User'),
	);
	fake.route('GET', '/api/v1/ticket-topics', (request) =>
		fake.page(request, fake.state.ticketTopics),
	);
	fake.route('GET', '/api/v1/custom-fields', (request) =>
		fake.page(request, fake.state.customFields),
	);
	fake.route('GET', '/api/v1/bots', (request) => fake.page(request, fake.state.bots));
	fake.route('GET', '/api/v1/integrations', (request) =>
		fake.page(request, fake.state.integrations),
	);
	fake.route('GET', '/api/v1/whatsapp-business-templates', (request) =>
		fake.page(request, fake.state.templates),
	);
	fake.route('GET', '/api/v1/tags', (request) => fake.page(request, fake.state.tags));
	fake.route(
		'GET',
		'/api/v1/tags/:id',
		byId(() => fake.state.tags, 'Tag'),
	);
	fake.route('POST', '/api/v1/tags', (request) => {
		const body = jsonBody(request);
		if (!isObject(body) || typeof body.label !== 'string' || !body.label)
			return validation(fake, 'label is required');
		if (body.departments !== undefined && !Array.isArray(body.departments))
			return validation(fake, 'departments must be an array');
		const tag: Row = {
			id: randomUUID(),
			label: body.label,
			backgroundColor: body.backgroundColor ?? '#40C3FF',
			departments: body.departments ?? [],
			accountId: fake.state.me.accountId,
		};
		fake.state.tags.push(tag);
		return json(tag);
	});
	fake.route('PUT', '/api/v1/tags/:id', (request, { id }) => {
		const tag = fake.state.tags.find((t) => t.id === id);
		if (!tag) return notFound('Tag', id);
		const body = jsonBody(request);
		if (!isObject(body)) return validation(fake, 'body must be an object');
		Object.assign(tag, body, { id });
		return json(tag);
	});
	fake.route('DELETE', '/api/v1/tags/:id', (_request, { id }) => {
		const index = fake.state.tags.findIndex((t) => t.id === id);
		if (index < 0) return notFound('Tag', id);
		fake.state.tags.splice(index, 1);
		return json({});
	});
	fake.route(
		'POST',
		'/api/v1/bots/:botId/trigger-signal/:contactId',
		(request, { botId, contactId }) => {
			if (!fake.state.bots.some((b) => b.id === botId)) return notFound('Bot', botId);
			if (!findContact(contactId)) return notFound('Contact', contactId);
			if (!queryText(request, 'flag')) return validation(fake, 'flag is required');
			return empty();
		},
	);
}

/** Statistics and the real-time dashboard. */
function registerStatisticsRoutes(fake: DigisacFake): void {
	// --- statistics
	fake.route('GET', '/api/v1/dashboard/general', (request) => {
		const start = queryText(request, 'startPeriod');
		const end = queryText(request, 'endPeriod');
		if (!start || !end) return validation(fake, 'startPeriod and endPeriod are required');
		const departmentId = queryText(request, 'departmentId');
		const tickets = fake.state.tickets.filter(
			(t) =>
				String(t.startedAt) >= start &&
				String(t.startedAt) <= end &&
				(!departmentId || departmentId === 'all' || t.departmentId === departmentId),
		);
		return json({
			ticketsCount: tickets.length,
			openTicketsCount: tickets.filter((t) => t.isOpen).length,
			closedTicketsCount: tickets.filter((t) => !t.isOpen).length,
			averageTicketTime: 0,
			averageWaitingTime: 0,
		});
	});
	fake.route('GET', '/api/v1/now/resume', () =>
		json({
			openTickets: fake.state.tickets.filter((t) => t.isOpen).length,
			waitingTickets: 0,
			onlineUsers: 1,
		}),
	);
	fake.route('GET', '/api/v1/now/attendance-resume', () =>
		json(
			fake.state.users.map((u) => ({
				id: u.id,
				name: u.name,
				openTickets: fake.state.tickets.filter((t) => t.isOpen && t.userId === u.id).length,
			})),
		),
	);
	fake.route('GET', '/api/v1/now/departments-resume', () =>
		json(
			fake.state.departments.map((d) => ({
				id: d.id,
				name: d.name,
				openTickets: fake.state.tickets.filter((t) => t.isOpen && t.departmentId === d.id).length,
			})),
		),
	);
}

/** The password grant (no Authorization needed: see the guard in index.ts). */
function registerAccountRoutes(fake: DigisacFake): void {
	// --- password grant (no Authorization needed: see the guard in index.ts)
	fake.route('POST', '/api/v1/oauth/token', (request) => {
		const body = jsonBody(request);
		if (!isObject(body)) return validation(fake, 'body must be JSON');
		if (
			body.grant_type !== 'password' ||
			body.client_id !== 'api' ||
			body.client_secret !== 'secret'
		) {
			return fake.error(400, 'BadRequestHttpError', 'Invalid client');
		}
		const password = actionsOf(fake).oauthUsers.get(String(body.username));
		if (password === undefined || password !== body.password)
			return fake.error(401, 'HttpError', 'Invalid credentials: user or password is invalid');
		return json({
			access_token: `oauth-${randomUUID()}`,
			token_type: 'Bearer',
			expires_in: 31536000,
			refresh_token: randomUUID(),
		});
	});
}
