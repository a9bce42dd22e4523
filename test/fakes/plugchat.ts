import { randomBytes } from 'crypto';

import type { FakeResponse, RecordedRequest } from './fakeServer';
import { FakeServer, json, queryText } from './fakeServer';

/**
 * PlugChat as the vendor's pages document it (github.com/zalasikR/plug-chat-docs @ c906c3c):
 * - `Authorization: <token>`, the raw token with no "Bearer", as documented everywhere but two
 *   2025 pages and as three public clients send it; one public client (zogss/localize
 *   @ 2e20d01, plug-chat.provider.ts) sends "Bearer <token>". `authForm` plays an account that
 *   takes either form, or only the prefixed one;
 * - a body without `Content-Type: application/json` gets 415; a wrong method on a known path 405;
 * - odd success answers: bare `true`, `{success:true}`, `{value:true}`, 204, arrays, id-keyed maps;
 *   the WhatsApp routes report a failed action as HTTP 200 `{"value": false}`;
 * - `get-attendence-by-task` (sic) takes the attendance number in a `Ticket` header and answers 500
 *   for an invalid one;
 * - `page`/`pageSize` lists return bare arrays with no total;
 * - WhatsApp routes want `phone` as digits with the country code (or a group id), and media as a
 *   URL or a `data:<mime>;base64,` URI;
 * - `update-webhooks` takes the flat body of the vendor's own docs (fourpixelit/plug-chat-docs,
 *   docs/webhooks/update-webhooks.md: `{"<eventKey>": url, ...}`, sent the same way by the only
 *   public third-party caller); keys left out keep their URL (GUESS, not documented). The
 *   `{"value": ...}` bodies of the 2025 docs fork (zalasikR/plug-chat-docs @ c906c3c, copied from
 *   Z-API) and unknown keys are refused with a bare 401, PlugChat's answer to a malformed object;
 *   so are URLs that are not HTTPS (`requireHttps`). `notifySentByMe` is taken next to the keys
 *   (GUESS, from the fork's "update every webhook" page).
 * Undocumented error answers (unknown chat, group or queue entry) are a 404 with `{message}`.
 */
export interface PlugChatAttendance {
	id: string;
	attendanceNumber: number;
	customer: { name: string; phone: string };
	status: 'PROGRESS' | 'FINISH';
	operators: Record<string, true>;
	departmentId?: string;
	requestTime: number;
	startTime: number;
	endTime?: number;
	finishBy?: string;
}

export interface PlugChatGroup {
	phone: string;
	owner: string;
	subject: string;
	description: string;
	creation: number;
	invitationLink: string;
	participants: Array<{
		phone: string;
		isAdmin: boolean;
		isSuperAdmin: boolean;
		name?: string;
		short?: string;
	}>;
}

export interface QueuedMessage {
	Message: string;
	Phone: string;
	ZaapId: string;
	Created: number;
	MessageId: string;
}

export interface PlugChatState {
	accountId: string;
	departments: Array<{ id: string; name: string; active: boolean; createdAt: number }>;
	operators: Array<{
		id: string;
		name: string;
		login: string;
		active: boolean;
		departaments: string[];
		createdAt: number;
	}>;
	presence: Array<{ id: string; name: string; state: 'online' | 'offline'; lastChanged: number }>;
	attendances: PlugChatAttendance[];
	/** Messages by attendance id, keyed by message id (the API's maps). */
	chatMessages: Record<string, Record<string, Record<string, unknown>>>;
	chats: Array<Record<string, unknown> & { phone: string }>;
	contacts: Array<Record<string, unknown> & { phone: string }>;
	pendingChats: Array<Record<string, unknown> & { phone: string }>;
	/** Numbers that have a WhatsApp account, besides those of chats and contacts. */
	whatsappNumbers: string[];
	profilePictures: Record<string, string>;
	groups: PlugChatGroup[];
	webhooks: Record<string, string>;
	notifySentByMe: boolean;
	sent: Array<{ path: string; body: Record<string, unknown>; zaapId: string; messageId: string }>;
	read: Array<{ phone: string; messageId: string }>;
	deleted: Array<{ phone: string; messageId: string; owner: boolean }>;
	queue: QueuedMessage[];
	genericFields: Array<{ phone: string; label: string; value?: string }>;
	instance: {
		connected: boolean;
		session: boolean;
		smartphoneConnected: boolean;
		restarts: number;
	};
}

export const WEBHOOK_EVENTS = [
	'finishAttendance',
	'startAttendance',
	'receiveMessage',
	'sendingMessage',
	'messageDeliveryError',
	'messageStatus',
	'whenDisconnecting',
] as const;

/** A 1×1 PNG, for the QR code. */
export const QR_PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
	'base64',
);

export function seedPlugChat(): PlugChatState {
	const created = Date.parse('2026-01-10T12:00:00Z');
	return {
		accountId: 'acc-plug-0001',
		departments: [
			{ id: 'dep-geral', name: 'Geral', active: true, createdAt: created },
			{ id: 'dep-vendas', name: 'Vendas', active: true, createdAt: created },
			{ id: 'dep-antigo', name: 'Antigo', active: false, createdAt: created },
		],
		operators: [
			{
				id: 'op-lucas',
				name: 'Lucas Pereira',
				login: 'lucas',
				active: true,
				departaments: ['dep-geral'],
				createdAt: created,
			},
			{
				id: 'op-marina',
				name: 'Marina Costa',
				login: 'marina',
				active: true,
				departaments: ['dep-geral', 'dep-vendas'],
				createdAt: created,
			},
			{
				id: 'op-joao',
				name: 'João Silva',
				login: 'joao',
				active: false,
				departaments: ['dep-vendas'],
				createdAt: created,
			},
		],
		presence: [
			{ id: 'op-lucas', name: 'Lucas Pereira', state: 'online', lastChanged: created },
			{ id: 'op-marina', name: 'Marina Costa', state: 'offline', lastChanged: created },
		],
		attendances: [],
		chatMessages: {},
		chats: [],
		contacts: [],
		pendingChats: [],
		whatsappNumbers: [],
		profilePictures: {},
		groups: [],
		webhooks: Object.fromEntries(WEBHOOK_EVENTS.map((e) => [e, ''])),
		notifySentByMe: false,
		sent: [],
		read: [],
		deleted: [],
		queue: [],
		genericFields: [],
		instance: { connected: true, session: true, smartphoneConnected: true, restarts: 0 },
	};
}

export function zaapId(): string {
	return randomBytes(16).toString('hex').toUpperCase();
}

const GROUP_ID = /^\d{5,20}-(group|\d{6,13})$/;
const PHONE = /^\d{10,15}$/;

function isRecord(value: unknown): value is Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function nonEmptyString(value: unknown): value is string {
	return typeof value === 'string' && value.trim().length > 0;
}

/** A media field as the WhatsApp routes take it: a web address, or base64 as a data URI. */
function isMedia(value: unknown): boolean {
	if (typeof value !== 'string') return false;
	if (/^https?:\/\/\S+$/i.test(value)) return true;
	const match = /^data:([a-z]+\/[a-z0-9.+-]+);base64,([A-Za-z0-9+/=]+)$/i.exec(value);
	return match !== null && Buffer.from(match[2], 'base64').length > 0;
}

export class PlugChatFake extends FakeServer {
	state: PlugChatState = seedPlugChat();
	token = 'pc-test-token-0123456789';
	/** Which Authorization forms the account takes: `<token>`, `Bearer <token>`, or both. */
	authForm: 'raw' | 'bearer' | 'either' = 'raw';
	/**
	 * How `/profile-picture` answers: `{link}` as a public client reads it (`imageProfile.link`), or
	 * `[{link}]` as the doc sample shows it.
	 */
	profilePictureShape: 'object' | 'array' = 'object';
	/** When set, no page holds more than this many records, whatever pageSize asks for. */
	pageSizeCap?: number;
	/** PlugChat refuses webhook URLs that are not HTTPS; n8n under test serves plain http. */
	requireHttps = true;
	/** How `/qr-code/image` answers: Z-API's `{value: dataUri}`, raw PNG bytes, or a bare base64 string. */
	qrCodeFormat: 'json' | 'raw' | 'bare' = 'json';
	private nextAttendanceNumber = 1470;

	constructor() {
		super('PlugChat');
		this.registerRoutes();
	}

	/** Back to the seeded account, with the documented defaults. */
	resetState(): this {
		this.state = seedPlugChat();
		this.authForm = 'raw';
		this.profilePictureShape = 'object';
		this.requireHttps = true;
		this.qrCodeFormat = 'json';
		return this;
	}

	protected guard(request: RecordedRequest): FakeResponse | undefined {
		// WhatsApp's picture CDN, not PlugChat: no token there.
		if (request.path.startsWith('/cdn/')) return undefined;
		const header = request.headers.authorization;
		const ok =
			(this.authForm !== 'bearer' && header === this.token) ||
			(this.authForm !== 'raw' && header === `Bearer ${this.token}`);
		if (!ok) return json({ message: this.refusal('Unauthorized', request) }, 401);
		if (
			request.rawBody.length > 0 &&
			!String(request.headers['content-type'] ?? '').includes('application/json')
		) {
			return json({ message: 'Unsupported Media Type' }, 415);
		}
		return undefined;
	}

	protected methodNotAllowed(): FakeResponse {
		return json({ message: 'Method Not Allowed' }, 405);
	}

	body(request: RecordedRequest): Record<string, unknown> {
		return (isRecord(request.json) ? request.json : {}) as Record<string, unknown>;
	}

	/** Bare-array page of a `page`/`pageSize` list; `firstPage` is the index of the first page. */
	page<T>(request: RecordedRequest, rows: T[], firstPage = 1): FakeResponse {
		const page = Number(queryText(request, 'page') ?? firstPage);
		// A server-side cap on pageSize (undocumented either way) plays an account that returns fewer.
		const pageSize = Math.min(
			Number(queryText(request, 'pageSize') ?? 20),
			this.pageSizeCap ?? Infinity,
		);
		const start = (page - firstPage) * pageSize;
		return json(start < 0 ? [] : rows.slice(start, start + pageSize));
	}

	openAttendance(
		phone: string,
		operators: string[],
		departmentId?: string,
		name = 'Cliente',
	): PlugChatAttendance {
		const now = Date.now();
		const attendance: PlugChatAttendance = {
			id: `att-${randomBytes(6).toString('hex')}`,
			attendanceNumber: this.nextAttendanceNumber++,
			customer: { name, phone },
			status: 'PROGRESS',
			operators: Object.fromEntries(operators.map((o) => [o, true])) as Record<string, true>,
			departmentId,
			requestTime: now - 60_000,
			startTime: now,
		};
		this.state.attendances.push(attendance);
		this.state.chatMessages[attendance.id] = {};
		return attendance;
	}

	addGroup(subject: string, members: string[], owner = '5511900000000'): PlugChatGroup {
		const group: PlugChatGroup = {
			phone: `1203630${String(Date.now()).slice(-8)}${String(this.state.groups.length).padStart(3, '0')}-group`,
			owner,
			subject,
			description: '',
			creation: Date.now(),
			invitationLink: `https://chat.whatsapp.com/${randomBytes(8).toString('hex')}`,
			participants: [
				{ phone: owner, isAdmin: true, isSuperAdmin: true },
				...members.map((phone) => ({ phone, isAdmin: false, isSuperAdmin: false })),
			],
		};
		this.state.groups.push(group);
		this.state.chats.push({
			name: subject,
			phone: group.phone,
			unread: '0',
			lastMessageTime: String(Math.floor(Date.now() / 1000)),
			isMuted: '0',
			isMarkedSpam: 'false',
			profileThumbnail: null,
		});
		return group;
	}

	/**
	 * What PlugChat would POST for an event: to the URL registered for it, query string included,
	 * with the payload as JSON. Throws when no URL is registered for the event.
	 */
	deliveryFor(
		event: (typeof WEBHOOK_EVENTS)[number],
		payload: unknown,
	): { url: string; query: Record<string, string>; body: unknown } {
		const url = this.state.webhooks[event];
		if (!url) throw new Error(`PlugChat fake: no webhook URL registered for ${event}`);
		const parsed = new URL(url);
		return {
			url,
			query: Object.fromEntries(parsed.searchParams.entries()),
			body: JSON.parse(JSON.stringify(payload)),
		};
	}

	private validPhone(value: unknown, allowGroup = true): value is string {
		return typeof value === 'string' && (PHONE.test(value) || (allowGroup && GROUP_ID.test(value)));
	}

	private badRequest(message: string): FakeResponse {
		return json({ message }, 400);
	}

	/**
	 * One send route: checks the required fields (and the optional `delayMessage`/`messageId`),
	 * records the send, queues it while the number is disconnected, answers `{zaapId, messageId}`.
	 */
	private sendRoute(
		path: string,
		check: (body: Record<string, unknown>, request: RecordedRequest) => string | undefined,
	) {
		this.route('POST', path, (request) => {
			const body = this.body(request);
			if (!this.validPhone(body.phone))
				return this.badRequest('phone must be digits with country code, or a group id');
			const problem = check(body, request);
			if (problem) return this.badRequest(problem);
			if (
				body.delayMessage !== undefined &&
				!(
					Number.isInteger(body.delayMessage) &&
					Number(body.delayMessage) >= 1 &&
					Number(body.delayMessage) <= 15
				)
			) {
				return this.badRequest('delayMessage must be between 1 and 15');
			}
			if (body.messageId !== undefined && !nonEmptyString(body.messageId))
				return this.badRequest('messageId must be a string');
			const sent = {
				path: request.path,
				body,
				zaapId: zaapId(),
				messageId: randomBytes(10).toString('hex').toUpperCase(),
			};
			this.state.sent.push(sent);
			if (!this.state.instance.connected) {
				this.state.queue.push({
					Message: String(body.message ?? body.caption ?? ''),
					Phone: String(body.phone),
					ZaapId: sent.zaapId,
					Created: Date.now(),
					MessageId: sent.messageId,
				});
			}
			return json({ zaapId: sent.zaapId, messageId: sent.messageId });
		});
	}

	private group(groupId: unknown): PlugChatGroup | undefined {
		return this.state.groups.find((g) => g.phone === groupId);
	}

	private registerRoutes() {
		this.registerAttendanceRoutes();
		this.registerWebhookRoutes();
		this.registerSendRoutes();
		this.registerChatRoutes();
		this.registerGroupRoutes();
		this.registerInstanceRoutes();
	}

	/** Departments, operators and attendances (the integrations API). */
	private registerAttendanceRoutes() {
		// ---- integrations: departments, operators, attendances
		this.route('GET', '/api/integrations/departments', () => json(this.state.departments));
		// The sample is an array of operators (missing its "[" in the docs).
		this.route('GET', '/api/operator/get-all', () => json(this.state.operators));
		this.route('GET', '/api/account/get-operators-online', (request) => {
			const id = queryText(request, 'id');
			if (!id) return this.badRequest('id is required');
			if (id !== this.state.accountId) return this.badRequest('account not found');
			return json({ data: this.state.presence });
		});

		this.route('POST', '/api/integrations/start-attendance', (request) => {
			const { phone, operators, departmentId } = this.body(request) as {
				phone?: string;
				operators?: string[];
				departmentId?: string;
			};
			if (!phone || !Array.isArray(operators) || operators.length === 0)
				return json({ message: 'phone and operators are required' }, 400);
			const open = this.state.attendances.find(
				(a) => a.customer.phone === phone && a.status === 'PROGRESS',
			);
			if (open) {
				return json({
					status: 'progress',
					message: 'chat is already in service',
					attendanceNumber: open.attendanceNumber,
					operators: Object.keys(open.operators).map((id) => ({
						id,
						name: this.state.operators.find((o) => o.id === id)?.name ?? id,
					})),
				});
			}
			this.openAttendance(phone, operators, departmentId);
			return json(true);
		});

		this.route('POST', '/api/integrations/finish-attendance', (request) => {
			const { phone, operatorId, autoTransfer } = this.body(request);
			if (
				!nonEmptyString(phone) ||
				!nonEmptyString(operatorId) ||
				typeof autoTransfer !== 'boolean'
			) {
				return this.badRequest('phone, operatorId and autoTransfer are required');
			}
			const open = this.state.attendances.find(
				(a) => a.customer.phone === phone && a.status === 'PROGRESS',
			);
			// Not documented: the answer when there is no chat to close (GUESS, after `chatFounded`).
			if (!open) return json({ success: false, message: 'Chat not found', chatFounded: false });
			open.status = 'FINISH';
			open.endTime = Date.now();
			open.finishBy = operatorId;
			if (autoTransfer) open.departmentId = 'dep-geral';
			return json({ success: true, message: 'Ticket closed successfully', chatFounded: true });
		});

		this.route('GET', '/api/integrations/get-attendence-by-task', (request) => {
			const ticket = Number(request.headers.ticket);
			const attendance = this.state.attendances.find((a) => a.attendanceNumber === ticket);
			if (!attendance) return json({ message: 'send a valid number in the ticket attribute' }, 500);
			return json({
				attendanceData: { [attendance.id]: attendance },
				chat: this.state.chatMessages[attendance.id] ?? {},
			});
		});

		this.route('POST', '/api/integrations/change-department', (request) => {
			const { phone, departmentId } = this.body(request);
			// The example's spelling is the one the API reads; the table's `departamentId` is a typo.
			if (!nonEmptyString(phone) || !nonEmptyString(departmentId))
				return this.badRequest('phone and departmentId are required');
			if (!this.state.departments.some((d) => d.id === departmentId))
				return this.badRequest('department not found');
			for (const attendance of this.state.attendances) {
				if (attendance.customer.phone === phone && attendance.status === 'PROGRESS')
					attendance.departmentId = departmentId;
			}
			return json(true);
		});

		this.route('POST', '/api/integrations/create-generic-field', (request) => {
			const { phone, label, value } = this.body(request);
			if (!nonEmptyString(phone) || !nonEmptyString(label))
				return this.badRequest('phone and label are required');
			const existing = this.state.genericFields.find((f) => f.phone === phone && f.label === label);
			if (existing) existing.value = value === undefined ? undefined : String(value);
			else
				this.state.genericFields.push({
					phone,
					label,
					value: value === undefined ? undefined : String(value),
				});
			return json({ success: true });
		});
	}

	/** The account's webhook URLs. */
	private registerWebhookRoutes() {
		this.route('PUT', '/api/integrations/update-webhooks', (request) => {
			const body = this.body(request);
			const insecure = (url: unknown) =>
				this.requireHttps && typeof url === 'string' && url !== '' && !/^https:\/\//i.test(url);
			const known = (key: string) => (WEBHOOK_EVENTS as readonly string[]).includes(key);
			const { notifySentByMe, ...urls } = body;
			const entries = Object.entries(urls);
			if (
				entries.length === 0 ||
				(notifySentByMe !== undefined && typeof notifySentByMe !== 'boolean') ||
				entries.some(([key, url]) => !known(key) || typeof url !== 'string' || insecure(url))
			) {
				return json({ message: 'Unauthorized' }, 401);
			}
			for (const [key, url] of entries) this.state.webhooks[key] = String(url);
			if (typeof notifySentByMe === 'boolean') this.state.notifySentByMe = notifySentByMe;
			// Not documented for this body; the fork's "every webhook" page shows `{"value": boolean}`.
			return json({ value: true });
		});
	}

	/** WhatsApp sends, read receipts and deletes. */
	private registerSendRoutes() {
		// ---- WhatsApp sends
		this.sendRoute('/api/whatsapp/send-text', (body) =>
			nonEmptyString(body.message) ? undefined : 'message is required',
		);
		this.sendRoute('/api/whatsapp/send-image', (body) =>
			isMedia(body.image) ? undefined : 'image must be a URL or a data:...;base64, URI',
		);
		this.sendRoute('/api/whatsapp/send-audio', (body) =>
			isMedia(body.audio) ? undefined : 'audio must be a URL or a data:...;base64, URI',
		);
		this.sendRoute('/api/whatsapp/send-video', (body) =>
			isMedia(body.video) ? undefined : 'video must be a URL or a data:...;base64, URI',
		);
		this.sendRoute('/api/whatsapp/send-document/:extension', (body, request) => {
			const extension = request.path.split('/').pop() ?? '';
			if (!/^[a-z0-9]{1,10}$/i.test(extension)) return 'extension is required in the path';
			return isMedia(body.document)
				? undefined
				: 'document must be a URL or a data:...;base64, URI';
		});
		this.sendRoute('/api/whatsapp/send-link', (body) => {
			if (!nonEmptyString(body.message) || !nonEmptyString(body.linkUrl))
				return 'message and linkUrl are required';
			return undefined;
		});
		this.sendRoute('/api/whatsapp/send-location', (body) => {
			for (const key of ['title', 'address', 'latitude', 'longitude'])
				if (!nonEmptyString(body[key])) return `${key} is required`;
			if (!Number.isFinite(Number(body.latitude)) || !Number.isFinite(Number(body.longitude)))
				return 'latitude and longitude must be numbers';
			return undefined;
		});
		this.sendRoute('/api/whatsapp/send-contact', (body) => {
			if (!nonEmptyString(body.contactName)) return 'contactName is required';
			return this.validPhone(body.contactPhone, false)
				? undefined
				: 'contactPhone must be digits with country code';
		});
		this.sendRoute('/api/whatsapp/send-button-list', (body) => {
			const buttons = isRecord(body.buttonList) ? body.buttonList.buttons : undefined;
			if (!nonEmptyString(body.message)) return 'message is required';
			if (
				!Array.isArray(buttons) ||
				buttons.length === 0 ||
				buttons.some((b) => !isRecord(b) || !nonEmptyString(b.label))
			) {
				return 'buttonList.buttons must be a list of {id, label}';
			}
			return undefined;
		});
		this.sendRoute('/api/whatsapp/send-option-list', (body) => {
			const list = body.optionList;
			if (!nonEmptyString(body.message)) return 'message is required';
			if (!isRecord(list) || !nonEmptyString(list.title) || !nonEmptyString(list.buttonLabel))
				return 'optionList needs title and buttonLabel';
			if (
				!Array.isArray(list.options) ||
				list.options.length === 0 ||
				list.options.some((o) => !isRecord(o) || !nonEmptyString(o.title))
			) {
				return 'optionList.options must be a list of {id, title, description}';
			}
			return undefined;
		});

		this.route('POST', '/api/whatsapp/read-message', (request) => {
			const { phone, messageId } = this.body(request);
			if (!this.validPhone(phone) || !nonEmptyString(messageId))
				return this.badRequest('phone and messageId are required');
			this.state.read.push({ phone, messageId });
			return { status: 204 };
		});

		this.route('DELETE', '/api/whatsapp/messages', (request) => {
			const phone = queryText(request, 'phone');
			const messageId = queryText(request, 'messageId');
			const owner = queryText(request, 'owner');
			if (
				!this.validPhone(phone) ||
				!nonEmptyString(messageId) ||
				(owner !== 'true' && owner !== 'false')
			) {
				return this.badRequest('messageId, phone and owner are required');
			}
			this.state.deleted.push({ phone, messageId, owner: owner === 'true' });
			return { status: 204 };
		});
	}

	/** Chats, contacts and profile pictures. */
	private registerChatRoutes() {
		// ---- chats and contacts
		this.route('GET', '/api/whatsapp/chats', (request) => this.page(request, this.state.chats));
		this.route('GET', '/api/whatsapp/chats/:phone', (_request, { phone }) => {
			const chat = this.state.chats.find((c) => c.phone === phone);
			return chat ? json(chat) : json({ message: 'Chat not found' }, 404);
		});
		this.route('GET', '/api/chat/get-pending-chats', (request) =>
			this.page(request, this.state.pendingChats, 0),
		);
		this.route('POST', '/api/whatsapp/modify-chat', (request) => {
			const { phone, action } = this.body(request);
			if (
				!this.validPhone(phone) ||
				!['archive', 'unarchive', 'pin', 'unpin', 'delete'].includes(String(action))
			) {
				return this.badRequest(
					'phone and action (archive, unarchive, pin, unpin, delete) are required',
				);
			}
			const chat = this.state.chats.find((c) => c.phone === phone);
			if (!chat) return json({ value: false });
			if (action === 'delete') this.state.chats.splice(this.state.chats.indexOf(chat), 1);
			else if (action === 'archive' || action === 'unarchive') chat.archived = action === 'archive';
			else chat.pinned = action === 'pin';
			return json({ value: true });
		});

		this.route('GET', '/api/whatsapp/contacts', (request) =>
			this.page(request, this.state.contacts),
		);
		this.route('GET', '/api/whatsapp/contacts/:phone', (_request, { phone }) => {
			const contact = this.state.contacts.find((c) => c.phone === phone);
			return contact ? json(contact) : json({ message: 'Contact not found' }, 404);
		});
		this.route('GET', '/api/whatsapp/phone-exists/:phone', (_request, { phone }) => {
			if (!PHONE.test(phone)) return this.badRequest('phone must be digits with country code');
			const exists =
				this.state.whatsappNumbers.includes(phone) ||
				this.state.contacts.some((c) => c.phone === phone) ||
				this.state.chats.some((c) => c.phone === phone);
			// The documented sample is an array.
			return json([{ exists }]);
		});
		this.route('GET', '/api/whatsapp/profile-picture', (request) => {
			const phone = queryText(request, 'phone');
			if (!this.validPhone(phone)) return this.badRequest('phone is required');
			const link = this.state.profilePictures[phone];
			const answer = { link: link ? `${this.url}${link}` : null };
			return json(this.profilePictureShape === 'array' ? [answer] : answer);
		});
		this.route('GET', '/cdn/pictures/:file', () => ({
			status: 200,
			raw: QR_PNG,
			headers: { 'content-type': 'image/png' },
		}));
	}

	/** Groups and their members. */
	private registerGroupRoutes() {
		// ---- groups (failures answer 200 {"value": false}, as documented)
		this.route('POST', '/api/whatsapp/create-group', (request) => {
			const { groupName, phones } = this.body(request);
			if (!nonEmptyString(groupName)) return this.badRequest('groupName is required');
			if (
				!Array.isArray(phones) ||
				phones.length === 0 ||
				phones.some((p) => !this.validPhone(p, false))
			) {
				return this.badRequest('phones must be a list of numbers with country code');
			}
			const group = this.addGroup(groupName, phones as string[]);
			return json({ phone: group.phone, invitationLink: group.invitationLink });
		});
		this.route('POST', '/api/whatsapp/update-group-name', (request) => {
			const { groupId, groupName } = this.body(request);
			if (!nonEmptyString(groupName)) return this.badRequest('groupName is required');
			const group = this.group(groupId);
			if (!group) return json({ value: false });
			group.subject = groupName;
			return json({ value: true });
		});
		this.route('POST', '/api/whatsapp/update-group-description', (request) => {
			const { groupId, groupDescription } = this.body(request);
			if (typeof groupDescription !== 'string')
				return this.badRequest('groupDescription is required');
			const group = this.group(groupId);
			if (!group) return json({ value: false });
			group.description = groupDescription;
			return json({ value: true });
		});
		const members = (path: string, apply: (group: PlugChatGroup, phones: string[]) => void) =>
			this.route('POST', path, (request) => {
				const { groupId, phones } = this.body(request);
				if (
					!Array.isArray(phones) ||
					phones.length === 0 ||
					phones.some((p) => !this.validPhone(p, false))
				) {
					return this.badRequest('phones must be a list of numbers with country code');
				}
				const group = this.group(groupId);
				if (!group) return json({ value: false });
				apply(group, phones as string[]);
				return json({ value: true });
			});
		members('/api/whatsapp/add-participant', (group, phones) => {
			for (const phone of phones)
				if (!group.participants.some((p) => p.phone === phone))
					group.participants.push({ phone, isAdmin: false, isSuperAdmin: false });
		});
		members('/api/whatsapp/remove-participant', (group, phones) => {
			group.participants = group.participants.filter((p) => !phones.includes(p.phone));
		});
		members('/api/whatsapp/add-admin', (group, phones) => {
			for (const p of group.participants) if (phones.includes(p.phone)) p.isAdmin = true;
		});
		members('/api/whatsapp/remove-admin', (group, phones) => {
			for (const p of group.participants)
				if (phones.includes(p.phone) && !p.isSuperAdmin) p.isAdmin = false;
		});
		this.route('POST', '/api/whatsapp/leave-group', (request) => {
			const group = this.group(this.body(request).groupId);
			if (!group) return json({ value: false });
			group.participants = group.participants.filter((p) => p.phone !== group.owner);
			return json({ value: true });
		});
		this.route('GET', '/api/whatsapp/group-metadata/:groupId', (_request, { groupId }) => {
			const group = this.group(groupId);
			if (!group) return json({ message: 'Group not found' }, 404);
			const { description: _description, ...metadata } = group;
			return json({ ...metadata, subjectTime: group.creation, subjectOwner: group.owner });
		});
	}

	/** The WhatsApp instance and the send queue. */
	private registerInstanceRoutes() {
		// ---- instance
		this.route('GET', '/api/whatsapp/status', () => {
			const { connected, session, smartphoneConnected } = this.state.instance;
			return json({
				connected,
				session,
				smartphoneConnected,
				error: connected ? '' : 'You are not connected.',
			});
		});
		this.route('GET', '/api/whatsapp/qr-code/image', () => {
			if (this.state.instance.connected)
				return json({ connected: true, error: 'You are already connected.' });
			if (this.qrCodeFormat === 'raw')
				return { status: 200, raw: QR_PNG, headers: { 'content-type': 'image/png' } };
			if (this.qrCodeFormat === 'bare')
				return {
					status: 200,
					raw: QR_PNG.toString('base64'),
					headers: { 'content-type': 'text/plain' },
				};
			return json({ value: `data:image/png;base64,${QR_PNG.toString('base64')}` });
		});
		this.route('GET', '/api/whatsapp/restart', () => {
			this.state.instance.restarts++;
			return json({ value: true });
		});
		this.route('GET', '/api/whatsapp/disconnect', () => {
			Object.assign(this.state.instance, { connected: false, session: false });
			return json({ value: true });
		});

		// ---- send queue
		this.route('GET', '/api/whatsapp/queue', () =>
			json({ size: this.state.queue.length, messages: this.state.queue }),
		);
		this.route('DELETE', '/api/whatsapp/queue', () => {
			this.state.queue = [];
			return { status: 200, raw: '' };
		});
		this.route('DELETE', '/api/whatsapp/queue/:zaapId', (_request, { zaapId: id }) => {
			const index = this.state.queue.findIndex((m) => m.ZaapId === id);
			if (index < 0) return json({ message: 'Message not found in queue' }, 404);
			this.state.queue.splice(index, 1);
			return { status: 200, raw: '' };
		});
	}
}
