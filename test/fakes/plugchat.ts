import { randomBytes } from 'crypto';

import type { FakeResponse, RecordedRequest } from './fakeServer';
import { FakeServer, json, queryText } from './fakeServer';

/**
 * PlugChat as documented in shared/api-docs/plugchat-api.md:
 * - `Authorization: <token>`, the raw token with no "Bearer" (documented everywhere but two newer
 *   pages; `acceptBearer` lets a test play an account that also takes the prefixed form);
 * - a body without `Content-Type: application/json` gets 415; a wrong method on a known path 405;
 * - odd success answers: bare `true`, `{success:true}`, `{value:true}`, arrays, id-keyed maps;
 * - `get-attendence-by-task` (sic) takes the attendance number in a `Ticket` header and answers 500
 *   for an invalid one;
 * - `page`/`pageSize` lists return bare arrays with no total.
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

export interface PlugChatState {
	departments: Array<{ id: string; name: string; active: boolean; createdAt: number }>;
	operators: Array<{ id: string; name: string; login: string; active: boolean; departaments: string[]; createdAt: number }>;
	attendances: PlugChatAttendance[];
	/** Messages by attendance id, keyed by message id (the API's maps). */
	chatMessages: Record<string, Record<string, Record<string, unknown>>>;
	chats: Array<Record<string, unknown> & { phone: string }>;
	contacts: Array<Record<string, unknown> & { phone: string }>;
	pendingChats: Array<Record<string, unknown> & { phone: string }>;
	webhooks: Record<string, string>;
	sent: Array<{ path: string; body: Record<string, unknown>; zaapId: string; messageId: string }>;
	genericFields: Array<{ phone: string; label: string; value?: string }>;
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

export function seedPlugChat(): PlugChatState {
	const created = Date.parse('2026-01-10T12:00:00Z');
	return {
		departments: [
			{ id: 'dep-geral', name: 'Geral', active: true, createdAt: created },
			{ id: 'dep-vendas', name: 'Vendas', active: true, createdAt: created },
		],
		operators: [
			{ id: 'op-lucas', name: 'Lucas Pereira', login: 'lucas', active: true, departaments: ['dep-geral'], createdAt: created },
			{ id: 'op-marina', name: 'Marina Costa', login: 'marina', active: true, departaments: ['dep-geral', 'dep-vendas'], createdAt: created },
		],
		attendances: [],
		chatMessages: {},
		chats: [],
		contacts: [],
		pendingChats: [],
		webhooks: Object.fromEntries(WEBHOOK_EVENTS.map((e) => [e, ''])),
		sent: [],
		genericFields: [],
	};
}

export function zaapId(): string {
	return randomBytes(10).toString('hex').toUpperCase();
}

export class PlugChatFake extends FakeServer {
	state: PlugChatState = seedPlugChat();
	token = 'pc-test-token-0123456789';
	acceptBearer = false;
	private nextAttendanceNumber = 1470;

	constructor() {
		super('PlugChat');
		this.registerRoutes();
	}

	protected guard(request: RecordedRequest): FakeResponse | undefined {
		const header = request.headers.authorization;
		const ok = header === this.token || (this.acceptBearer && header === `Bearer ${this.token}`);
		if (!ok) return json({ message: 'Unauthorized' }, 401);
		if (request.rawBody.length > 0 && !String(request.headers['content-type'] ?? '').includes('application/json')) {
			return json({ message: 'Unsupported Media Type' }, 415);
		}
		return undefined;
	}

	protected methodNotAllowed(): FakeResponse {
		return json({ message: 'Method Not Allowed' }, 405);
	}

	body(request: RecordedRequest): Record<string, unknown> {
		return (request.json ?? {}) as Record<string, unknown>;
	}

	/** Bare-array page of a `page`/`pageSize` list; `firstPage` is the index of the first page. */
	page<T>(request: RecordedRequest, rows: T[], firstPage = 1): FakeResponse {
		const page = Number(queryText(request, 'page') ?? firstPage);
		const pageSize = Number(queryText(request, 'pageSize') ?? 20);
		const start = (page - firstPage) * pageSize;
		return json(start < 0 ? [] : rows.slice(start, start + pageSize));
	}

	openAttendance(phone: string, operators: string[], departmentId?: string, name = 'Cliente'): PlugChatAttendance {
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

	private registerRoutes() {
		this.route('GET', '/api/integrations/departments', () => json(this.state.departments));
		this.route('GET', '/api/operator/get-all', () => json(this.state.operators));

		this.route('POST', '/api/integrations/start-attendance', (request) => {
			const { phone, operators, departmentId } = this.body(request) as { phone?: string; operators?: string[]; departmentId?: string };
			if (!phone || !Array.isArray(operators) || operators.length === 0) return json({ message: 'phone and operators are required' }, 400);
			const open = this.state.attendances.find((a) => a.customer.phone === phone && a.status === 'PROGRESS');
			if (open) {
				return json({
					status: 'progress',
					message: 'chat is already in service',
					attendanceNumber: open.attendanceNumber,
					operators: Object.keys(open.operators).map((id) => ({ id, name: this.state.operators.find((o) => o.id === id)?.name ?? id })),
				});
			}
			this.openAttendance(phone, operators, departmentId);
			return json(true);
		});

		this.route('GET', '/api/integrations/get-attendence-by-task', (request) => {
			const ticket = Number(request.headers.ticket);
			const attendance = this.state.attendances.find((a) => a.attendanceNumber === ticket);
			if (!attendance) return json({ message: 'send a valid number in the ticket attribute' }, 500);
			return json({ attendanceData: { [attendance.id]: attendance }, chat: this.state.chatMessages[attendance.id] ?? {} });
		});

		this.route('POST', '/api/whatsapp/send-text', (request) => {
			const body = this.body(request);
			if (!body.phone || !body.message) return json({ message: 'phone and message are required' }, 400);
			const sent = { path: request.path, body, zaapId: zaapId(), messageId: randomBytes(10).toString('hex').toUpperCase() };
			this.state.sent.push(sent);
			return json({ zaapId: sent.zaapId, messageId: sent.messageId });
		});

		this.route('GET', '/api/whatsapp/chats', (request) => this.page(request, this.state.chats));
		this.route('GET', '/api/chat/get-pending-chats', (request) => this.page(request, this.state.pendingChats, 0));
	}
}
