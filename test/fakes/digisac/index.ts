import { randomUUID } from 'crypto';

import type { FakeResponse, RecordedRequest } from '../fakeServer';
import { FakeServer, json, queryText } from '../fakeServer';

import { applyIncludes, bracketIncludes, pageWithIncludes, registerActionRoutes } from './actions';

/**
 * Digisac API as its public Postman page documents it
 * (https://documenter.getpostman.com/view/53282970/2sBXihpXmF) and recorded traffic shows it
 * (github.com/douglara/digisac, spec/cassettes):
 * - every path under `/api/v1` (and `/pdf/tickets/...` for PDF exports), `Authorization: Bearer <token>`;
 * - errors as `{error, message, status}` (a bad token: 401 "Invalid token: access token is invalid");
 * - lists as `{data,total,limit,skip,currentPage,lastPage,from,to}`, paged by `page` + `perPage`
 *   (default 15); `limit` is ignored;
 * - filters in `query=<JSON>` (`where` with `$in`, `$eq`, `$iLike`, `$gte`, `$lte`, `$or`, `$and`)
 *   or the bracket form `where[field]=value`.
 */
export const DIGISAC_DEFAULT_PER_PAGE = 15;

export type Row = Record<string, unknown> & { id: string };

export interface DigisacState {
	me: Row;
	contacts: Row[];
	messages: Row[];
	tickets: Row[];
	services: Row[];
	departments: Row[];
	users: Row[];
	tags: Row[];
	ticketTopics: Row[];
	customFields: Row[];
	bots: Row[];
	webhooks: Row[];
	integrations: Row[];
	templates: Row[];
}

export const ACCOUNT_ID = '7a1e2b1c-0000-4000-8000-00000000acc1';

export function seedDigisac(): DigisacState {
	const userId = '7a1e2b1c-0000-4000-8000-0000000000u1';
	const serviceId = '7a1e2b1c-0000-4000-8000-0000000000s1';
	return {
		me: {
			id: userId,
			name: 'Atendente API',
			email: 'api@example.com',
			accountId: ACCOUNT_ID,
			isSuperAdmin: false,
		},
		contacts: [],
		messages: [],
		tickets: [],
		services: [
			{
				id: serviceId,
				name: 'WhatsApp Vendas',
				type: 'whatsapp',
				accountId: ACCOUNT_ID,
				archivedAt: null,
				botId: null,
				data: { status: { isConnected: true } },
			},
			{
				id: '7a1e2b1c-0000-4000-8000-0000000000s2',
				name: 'WhatsApp Suporte',
				type: 'whatsapp',
				accountId: ACCOUNT_ID,
				archivedAt: null,
				botId: null,
				data: { status: { isConnected: false } },
			},
		],
		departments: [
			{
				id: '7a1e2b1c-0000-4000-8000-0000000000d1',
				name: 'Suporte',
				accountId: ACCOUNT_ID,
				archivedAt: null,
			},
			{
				id: '7a1e2b1c-0000-4000-8000-0000000000d2',
				name: 'Financeiro',
				accountId: ACCOUNT_ID,
				archivedAt: null,
			},
		],
		users: [
			{
				id: userId,
				name: 'Atendente API',
				email: 'api@example.com',
				accountId: ACCOUNT_ID,
				active: true,
			},
			{
				id: '7a1e2b1c-0000-4000-8000-0000000000u2',
				name: 'Paula Ramos',
				email: 'paula@example.com',
				accountId: ACCOUNT_ID,
				active: true,
			},
		],
		tags: [
			{
				id: '7a1e2b1c-0000-4000-8000-0000000000t1',
				label: 'VIP',
				backgroundColor: '#ff0',
				accountId: ACCOUNT_ID,
			},
			{
				id: '7a1e2b1c-0000-4000-8000-0000000000t2',
				label: 'Inadimplente',
				backgroundColor: '#f00',
				accountId: ACCOUNT_ID,
			},
		],
		ticketTopics: [
			{ id: '7a1e2b1c-0000-4000-8000-0000000000k1', name: 'Dúvida', archivedAt: null },
		],
		customFields: [
			{
				id: '7a1e2b1c-0000-4000-8000-0000000000c1',
				name: 'CPF',
				type: 'text',
				allowed: 'contacts',
			},
		],
		bots: [
			{ id: '7a1e2b1c-0000-4000-8000-0000000000b1', name: 'Bot de triagem', accountId: ACCOUNT_ID },
		],
		webhooks: [],
		integrations: [],
		templates: [],
	};
}

/**
 * PostgreSQL's `ILIKE`, which Sequelize's `$iLike` becomes: `%` any run of characters, `_` exactly
 * one, a backslash makes the next character literal; case-insensitive, but accent-sensitive
 * ("joao" does not match "João": a plain database has no `unaccent`).
 */
export function iLike(value: string, pattern: string): boolean {
	const chars = Array.from(pattern);
	let source = '';
	for (let i = 0; i < chars.length; i++) {
		const char = chars[i];
		if (char === '\\' && i + 1 < chars.length) source += escapeRegExp(chars[++i]);
		else if (char === '%') source += '[\\s\\S]*';
		else if (char === '_') source += '[\\s\\S]';
		else source += escapeRegExp(char);
	}
	return new RegExp(`^${source}$`, 'iu').test(value);
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Evaluates the subset of Sequelize-style `where` the public material shows. */
export function matchesWhere(
	row: Record<string, unknown>,
	where: Record<string, unknown> | undefined,
): boolean {
	if (!where) return true;
	return Object.entries(where).every(([key, condition]) => {
		if (key === '$or')
			return (condition as Record<string, unknown>[]).some((w) => matchesWhere(row, w));
		if (key === '$and')
			return (condition as Record<string, unknown>[]).every((w) => matchesWhere(row, w));
		const value = key
			.split('.')
			.reduce<unknown>((acc, part) => (acc as Record<string, unknown> | undefined)?.[part], row);
		if (condition !== null && typeof condition === 'object' && !Array.isArray(condition)) {
			return Object.entries(condition as Record<string, unknown>).every(([op, operand]) => {
				switch (op) {
					case '$eq':
						return value === operand;
					case '$ne':
						return value !== operand;
					case '$in':
						return (operand as unknown[]).includes(value);
					case '$gte':
						return String(value) >= String(operand);
					case '$lte':
						return String(value) <= String(operand);
					case '$iLike':
						return iLike(String(value ?? ''), String(operand));
					default:
						// A nested object on a JSON column: {"data": {"number": "…"}}.
						return matchesWhere((value ?? {}) as Record<string, unknown>, { [op]: operand });
				}
			});
		}
		return value === condition;
	});
}

export interface StoredFile {
	id: string;
	name: string;
	mimetype: string;
	content: Buffer;
}

/** The message type Digisac gives a file send, by the file's MIME type. */
function typeOfFile(mimetype: string): string {
	if (mimetype.startsWith('image/')) return 'image';
	if (mimetype.startsWith('audio/')) return 'audio';
	if (mimetype.startsWith('video/')) return 'video';
	return 'document';
}

export class DigisacFake extends FakeServer {
	state: DigisacState = seedDigisac();
	token = 'dg-test-token-0123456789';
	/** Files behind `file.url`, served without auth like a signed storage URL. */
	readonly files = new Map<string, StoredFile>();
	/** Message id → how many more GETs answer with no file yet (media arriving after the event). */
	readonly pendingFiles = new Map<string, number>();
	/**
	 * DELETE /api/v1/me/webhooks/:id is not in Digisac's public collection. 'supported' plays an
	 * account where it exists; 404/405 play one where it does not (then PUT active:false is the way).
	 */
	webhookDelete: 'supported' | 404 | 405 = 404;
	/**
	 * What a send with `type: "chat"` and a file does. Every recorded or third-party file send
	 * leaves `type` out and the server picks image/video/document; `chat` with a file is
	 * unrecorded. 'text-only' plays the feared outcome (the text goes, the file is dropped),
	 * 'retype' an API that types the message by the file anyway.
	 */
	chatWithFile: 'text-only' | 'retype' = 'text-only';
	/**
	 * How contact numbers are stored. 'whatsapp' as recorded: a Brazilian mobile that WhatsApp
	 * knows without its 9th digit is stored that way (`5541990333696` sent, `554190333696` stored);
	 * 'as-sent' keeps every number as it came.
	 */
	numberStorage: 'whatsapp' | 'as-sent' = 'whatsapp';
	/**
	 * Whether POST /api/v1/me/webhooks needs the token user's `userId` and `accountId`, which
	 * Digisac's example body carries (whether they are required is not documented). 'optional'
	 * takes a body without them; 'required' answers 400 when either is missing or not the token's.
	 */
	webhookOwner: 'optional' | 'required' = 'optional';
	/** Numbers WhatsApp does not know: a contact is still created, with `data.valid: false`. */
	readonly invalidNumbers = new Set<string>();
	/**
	 * A legacy account host (`https://<account>-api.digisac.com.br/v1`, the host of every VCR
	 * recording): the API lives under `/v1/...`, and `/api/v1/...` is not found. The paths as they
	 * arrived are kept in `legacyPaths` (requests record them as `/api/v1/...` for the routes).
	 */
	legacyApi = false;
	readonly legacyPaths: string[] = [];

	constructor() {
		super('Digisac');
		this.registerRoutes();
	}

	protected guard(request: RecordedRequest): FakeResponse | undefined {
		if (this.legacyApi) {
			if (request.path.startsWith('/api/')) return this.notFound(request);
			if (request.path.startsWith('/v1/')) {
				this.legacyPaths.push(request.path);
				request.path = `/api${request.path}`;
			}
		}
		if (request.path === '/api/v1/oauth/token' || request.path.startsWith('/storage/'))
			return undefined;
		if (request.headers.authorization !== `Bearer ${this.token}`) {
			return json(
				{
					error: 'HttpError',
					message: this.refusal('Invalid token: access token is invalid', request),
					status: 401,
				},
				401,
			);
		}
		return undefined;
	}

	protected notFound(request: RecordedRequest): FakeResponse {
		return this.error(
			404,
			'NotFoundHttpError',
			`Route ${request.method} ${request.path} not found`,
		);
	}

	protected methodNotAllowed(request: RecordedRequest): FakeResponse {
		// Digisac has no 405 in the public material; an unknown method+path is a 404 there.
		return this.notFound(request);
	}

	error(status: number, kind: string, message: string): FakeResponse {
		return json({ error: kind, message, status }, status);
	}

	/** The `query` JSON and bracket filters of a list request, merged. */
	listQuery(request: RecordedRequest): {
		where?: Record<string, unknown>;
		page: number;
		perPage: number;
		raw: Record<string, unknown>;
	} {
		let raw: Record<string, unknown> = {};
		const text = queryText(request, 'query');
		if (text) raw = JSON.parse(text) as Record<string, unknown>;
		const where: Record<string, unknown> = { ...((raw.where as Record<string, unknown>) ?? {}) };
		for (const [key, value] of Object.entries(request.query)) {
			const match = /^where\[([^\]]+)\](?:\[(\$\w+)\])?$/.exec(key);
			if (!match) continue;
			const parsed = value === 'true' ? true : value === 'false' ? false : value;
			where[match[1]] = match[2] ? { [match[2]]: parsed } : parsed;
		}
		const page = Number(queryText(request, 'page') ?? raw.page ?? 1) || 1;
		const perPage =
			Number(queryText(request, 'perPage') ?? raw.perPage ?? DIGISAC_DEFAULT_PER_PAGE) ||
			DIGISAC_DEFAULT_PER_PAGE;
		return { where: Object.keys(where).length ? where : undefined, page, perPage, raw };
	}

	/** The list envelope; `limit` in the query is ignored, as the real API does. */
	page(request: RecordedRequest, rows: Row[]): FakeResponse {
		let query;
		try {
			query = this.listQuery(request);
		} catch {
			return this.error(400, 'BadRequestHttpError', 'Invalid query');
		}
		const filtered = rows.filter((row) => matchesWhere(row, query.where));
		const { page, perPage } = query;
		const lastPage = Math.max(1, Math.ceil(filtered.length / perPage));
		const skip = (page - 1) * perPage;
		const data = filtered.slice(skip, skip + perPage);
		return json({
			data,
			total: filtered.length,
			limit: perPage,
			skip,
			currentPage: page,
			lastPage,
			from: skip,
			// Recorded: 8 records on one page still answer `"to": 15`, i.e. skip + limit.
			to: skip + perPage,
		});
	}

	/**
	 * The number Digisac keeps for one sent to it. Recorded: `5541990333696` (area code 41) became
	 * `554190333696`, while the invalid `5599999999999` stayed as sent. GUESS (the recordings show
	 * only area code 41): as WhatsApp's own ids do, area codes 11 to 28 keep the 9th digit, the
	 * others lose it, and only for numbers WhatsApp knows.
	 */
	storedNumber(number: string): string {
		if (this.numberStorage === 'as-sent' || this.invalidNumbers.has(number)) return number;
		const mobile = /^55(\d\d)9(\d{8})$/.exec(number);
		if (!mobile || Number(mobile[1]) <= 28) return number;
		return `55${mobile[1]}${mobile[2]}`;
	}

	addContacts(count: number, fields: Record<string, unknown> = {}): Row[] {
		const created: Row[] = [];
		for (let i = 0; i < count; i++) {
			const number = `55119${String(10000000 + this.state.contacts.length).padStart(8, '0')}`;
			const contact: Row = {
				id: randomUUID(),
				name: `Contato ${this.state.contacts.length + 1}`,
				internalName: null,
				isGroup: false,
				serviceId: this.state.services[0].id,
				accountId: ACCOUNT_ID,
				visible: true,
				data: { number, valid: true },
				tagIds: [],
				createdAt: new Date().toISOString(),
				...fields,
			};
			this.state.contacts.push(contact);
			created.push(contact);
		}
		return created;
	}

	/** Stores a file and returns Digisac's file object for it. */
	storeFile(name: string, mimetype: string, content: Buffer): Row {
		const id = randomUUID();
		this.files.set(id, { id, name, mimetype, content });
		return {
			id,
			name,
			mimetype,
			publicFilename: name,
			url: `${this.url}/storage/${id}/${encodeURIComponent(name)}`,
		};
	}

	/**
	 * Adds a message as if a contact had sent it. With `file`, the media is attached; with
	 * `fileReadyAfter`, that many GETs of the message still show no file (Digisac downloads media
	 * from WhatsApp after emitting the event).
	 */
	addIncomingMessage(
		fields: Record<string, unknown> & { contactId: string },
		file?: { name: string; mimetype: string; content: Buffer; readyAfter?: number },
	): Row {
		const contact = this.state.contacts.find((c) => c.id === fields.contactId);
		const message: Row = {
			id: randomUUID(),
			isFromMe: false,
			isFromBot: false,
			sent: true,
			type: file
				? file.mimetype.startsWith('image/')
					? 'image'
					: file.mimetype.startsWith('audio/')
						? 'ptt'
						: 'document'
				: 'chat',
			text: '',
			timestamp: new Date().toISOString(),
			serviceId: contact?.serviceId ?? this.state.services[0].id,
			ticketId: null,
			ticketUserId: null,
			accountId: ACCOUNT_ID,
			origin: null,
			file: null,
			data: { ack: -1, isNew: true },
			...fields,
		};
		if (file) {
			message.fileDescriptor = this.storeFile(file.name, file.mimetype, file.content);
			if (file.readyAfter) this.pendingFiles.set(message.id, file.readyAfter);
		}
		this.state.messages.push(message);
		return message;
	}

	/** A message as the API shows it: `file` only when asked with include=file and ready. */
	presentMessage(message: Row, includeFile: boolean): Row {
		const { fileDescriptor, ...rest } = message as Row & { fileDescriptor?: Row };
		if (!includeFile || !fileDescriptor) return { ...rest, file: includeFile ? null : undefined };
		const pending = this.pendingFiles.get(message.id) ?? 0;
		if (pending > 0) {
			this.pendingFiles.set(message.id, pending - 1);
			return {
				...rest,
				file: null,
				data: { ...(rest.data as object), fileDownload: { isDownloading: true } },
			};
		}
		return { ...rest, file: fileDescriptor, files: [fileDescriptor] };
	}

	private wantsFile(request: RecordedRequest): boolean {
		const values = Object.entries(request.query)
			.filter(([key]) => key === 'include' || key.startsWith('include['))
			.flatMap(([, value]) => (Array.isArray(value) ? value : [value]));
		if (values.includes('file') || values.includes('files')) return true;
		const query = queryText(request, 'query');
		return !!query && /"file"/.test(query);
	}

	/**
	 * Sends an event to a registered webhook's URL as Digisac does: POST with
	 * `{event, data, webhookId, timestamp}`. Returns the receiver's status.
	 */
	async deliver(
		webhookId: string,
		event: string,
		data: Record<string, unknown>,
	): Promise<{ status: number; body: string }> {
		const hook = this.state.webhooks.find((w) => w.id === webhookId);
		if (!hook) throw new Error(`no webhook ${webhookId}`);
		const response = await fetch(String(hook.url), {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ event, data, webhookId, timestamp: new Date().toISOString() }),
		});
		return { status: response.status, body: await response.text() };
	}

	private registerWebhookRoutes() {
		const validate = (body: Record<string, unknown>): FakeResponse | undefined => {
			if (typeof body.url !== 'string' || !/^https?:\/\//.test(body.url))
				return this.error(400, 'ValidationError', 'url must be a valid URL');
			if (!Array.isArray(body.events) || body.events.length === 0)
				return this.error(400, 'ValidationError', 'events must be a non-empty array');
			return undefined;
		};
		this.route('GET', '/api/v1/me/webhooks', (request) => this.page(request, this.state.webhooks));
		this.route('GET', '/api/v1/me/webhooks/:id', (_request, { id }) => {
			const hook = this.state.webhooks.find((w) => w.id === id);
			return hook ? json(hook) : this.error(404, 'NotFoundHttpError', `Webhook ${id} not found`);
		});
		this.route('POST', '/api/v1/me/webhooks', (request) => {
			const body = (request.json ?? {}) as Record<string, unknown>;
			const invalid = validate(body);
			if (invalid) return invalid;
			if (
				this.webhookOwner === 'required' &&
				(body.userId !== this.state.me.id || body.accountId !== this.state.me.accountId)
			)
				return this.error(
					400,
					'ValidationError',
					'userId and accountId must be those of the token',
				);
			const now = new Date().toISOString();
			const hook: Row = {
				id: randomUUID(),
				name: body.name ?? '',
				url: body.url,
				events: body.events,
				active: body.active !== false,
				type: body.type ?? 'general',
				userId: body.userId ?? this.state.me.id,
				accountId: ACCOUNT_ID,
				createdAt: now,
				updatedAt: now,
				deletedAt: null,
			};
			this.state.webhooks.push(hook);
			return json(hook);
		});
		this.route('PUT', '/api/v1/me/webhooks/:id', (request, { id }) => {
			const hook = this.state.webhooks.find((w) => w.id === id);
			if (!hook) return this.error(404, 'NotFoundHttpError', `Webhook ${id} not found`);
			const body = (request.json ?? {}) as Record<string, unknown>;
			const merged = {
				...hook,
				...body,
				id,
				accountId: ACCOUNT_ID,
				updatedAt: new Date().toISOString(),
			};
			const invalid = validate(merged);
			if (invalid) return invalid;
			Object.assign(hook, merged);
			return json(hook);
		});
		this.route('DELETE', '/api/v1/me/webhooks/:id', (_request, { id }) => {
			if (this.webhookDelete !== 'supported')
				return this.error(this.webhookDelete, 'NotFoundHttpError', 'Route not found');
			const index = this.state.webhooks.findIndex((w) => w.id === id);
			if (index < 0) return this.error(404, 'NotFoundHttpError', `Webhook ${id} not found`);
			this.state.webhooks.splice(index, 1);
			return json({});
		});
	}

	/** What Digisac refuses in a send body: a malformed file, an unknown template, a non-array `parameters`. */
	private validateSend(body: Record<string, unknown>): FakeResponse | undefined {
		if (body.file !== undefined) {
			const file = body.file as Record<string, unknown> | null;
			if (
				!file ||
				typeof file !== 'object' ||
				typeof file.base64 !== 'string' ||
				typeof file.mimetype !== 'string'
			) {
				return this.error(400, 'ValidationError', 'file must be {base64, mimetype, name}');
			}
			if (file.base64.startsWith('data:') || !/^[A-Za-z0-9+/]*={0,2}$/.test(file.base64))
				return this.error(400, 'ValidationError', 'file.base64 must be raw base64');
		}
		if (body.hsmId !== undefined) {
			if (!this.state.templates.some((t) => t.id === body.hsmId))
				return this.error(404, 'NotFoundHttpError', `Template ${String(body.hsmId)} not found`);
			if (!Array.isArray(body.parameters))
				return this.error(400, 'ValidationError', 'parameters must be an array');
		}
		return undefined;
	}

	private registerRoutes() {
		// The action node's routes go first, so e.g. /contacts/exists is not taken for a contact id.
		registerActionRoutes(this);
		this.registerWebhookRoutes();
		this.route('GET', '/storage/:id/:name', (_request, { id }): FakeResponse => {
			const file = this.files.get(id);
			if (!file)
				return { status: 404, raw: 'NoSuchKey', headers: { 'content-type': 'text/plain' } };
			return {
				status: 200,
				raw: file.content,
				headers: { 'content-type': file.mimetype, 'content-length': String(file.content.length) },
			};
		});
		this.route('GET', '/api/v1/messages', (request) =>
			this.page(
				request,
				this.state.messages.map((m) => this.presentMessage(m, this.wantsFile(request))),
			),
		);
		this.route('GET', '/api/v1/messages/:id', (request, { id }) => {
			const message = this.state.messages.find((m) => m.id === id);
			return message
				? json(this.presentMessage(message, this.wantsFile(request)))
				: this.error(404, 'NotFoundHttpError', `Message ${id} not found`);
		});
		this.route('GET', '/api/v1/me', () => json(this.state.me));
		this.route('GET', '/api/v1/contacts', (request) =>
			pageWithIncludes(this, request, this.state.contacts),
		);
		this.route('GET', '/api/v1/contacts/:id', (request, { id }) => {
			const contact = this.state.contacts.find((c) => c.id === id);
			return contact
				? json(applyIncludes(this, [contact], bracketIncludes(request))[0])
				: this.error(404, 'NotFoundHttpError', `Contact ${id} not found`);
		});
		this.route('GET', '/api/v1/services', (request) => this.page(request, this.state.services));
		this.route('GET', '/api/v1/departments', (request) =>
			this.page(request, this.state.departments),
		);
		this.route('POST', '/api/v1/messages', (request) => {
			const body = (request.json ?? {}) as Record<string, unknown>;
			let contact = this.state.contacts.find((c) => c.id === body.contactId);
			if (!contact && typeof body.number === 'string' && body.serviceId) {
				// An unknown number gets a contact, stored the way Digisac keeps numbers.
				const number = this.storedNumber(body.number);
				contact =
					this.state.contacts.find(
						(c) =>
							(c.data as { number: string }).number === number && c.serviceId === body.serviceId,
					) ??
					this.addContacts(1, {
						serviceId: body.serviceId,
						data: { number, valid: !this.invalidNumbers.has(body.number) },
					})[0];
			}
			if (!contact)
				return this.error(
					400,
					'BadRequestHttpError',
					'contactId or number and serviceId are required',
				);
			const service = this.state.services.find((s) => s.id === contact!.serviceId);
			if (service && !(service.data as { status: { isConnected: boolean } }).status.isConnected) {
				return this.error(400, 'BadRequestHttpError', `Service (${service.id}) disconnected.`);
			}
			const invalid = this.validateSend(body);
			if (invalid) return invalid;
			const file = body.file as { base64: string; mimetype: string; name?: string } | undefined;
			// Recorded: without `type` the server types a file send by its mimetype.
			const typedByFile =
				file && (body.type === undefined || this.chatWithFile === 'retype')
					? typeOfFile(file.mimetype)
					: undefined;
			const dontOpenTicket = body.dontOpenTicket === true;
			// The answer as recorded (send-message-chat-200 and its siblings): the message without
			// createdAt/updatedAt, `dontOpenTicket` in data only when it was sent.
			const message: Row = {
				id: randomUUID(),
				isFromMe: true,
				sent: true,
				type: typedByFile ?? body.type ?? 'chat',
				timestamp: new Date().toISOString(),
				data: {
					ack: 0,
					isNew: true,
					isFirst: false,
					...(typedByFile
						? { fileDownload: { startedAt: new Date().toISOString(), isDownloading: true } }
						: {}),
					...(dontOpenTicket ? { dontOpenTicket: true } : {}),
				},
				visible: true,
				accountId: ACCOUNT_ID,
				contactId: contact.id,
				fromId: randomUUID(),
				serviceId: contact.serviceId,
				toId: null,
				userId: body.userId ?? this.state.me.id,
				ticketId: dontOpenTicket ? null : randomUUID(),
				ticketUserId: null,
				ticketDepartmentId: null,
				quotedMessageId: null,
				origin: body.origin ?? 'user',
				text: body.text ?? '',
				obfuscated: false,
				files: null,
				quotedMessage: null,
				isFromBot: false,
			};
			if (body.hsmId) Object.assign(message, { hsmId: body.hsmId, parameters: body.parameters });
			if (file && typedByFile) {
				message.fileDescriptor = this.storeFile(
					file.name ?? 'file',
					file.mimetype,
					Buffer.from(file.base64, 'base64'),
				);
			}
			this.state.messages.push(message);
			const { fileDescriptor: _file, ...answer } = message;
			return json(answer);
		});
	}
}
