import { createServer } from 'http';
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'http';
import type { AddressInfo, Socket } from 'net';
import { setTimeout as delay } from 'timers/promises';

export interface RecordedFile {
	fileName: string;
	mimeType: string;
	size: number;
	content: Buffer;
}

export type FormValue = string | RecordedFile;

export interface RecordedRequest {
	/** Order of arrival, from 1. */
	seq: number;
	method: string;
	path: string;
	query: Record<string, string | string[]>;
	headers: IncomingHttpHeaders;
	rawBody: Buffer;
	/** Parsed JSON body, when the request declared application/json and it parsed. */
	json?: unknown;
	/** Parsed multipart or urlencoded fields, each name with all its values in order. */
	form?: Record<string, FormValue[]>;
	/** Milliseconds since the epoch at arrival. */
	time: number;
	/** Milliseconds since the epoch when the answer was sent. */
	answeredAt?: number;
	/** The injected fault this request got instead of reaching the API, if any. */
	fault?: FaultKind;
	/** Whether the request reached the platform's handler (was processed). */
	handled: boolean;
	status?: number;
}

export interface FakeResponse {
	status?: number;
	body?: unknown;
	/** Sent as is instead of JSON (HTML pages, files, empty bodies). */
	raw?: Buffer | string;
	headers?: Record<string, string>;
}

export type Handler = (
	request: RecordedRequest,
	params: Record<string, string>,
) => FakeResponse | Promise<FakeResponse>;

/**
 * Faults a platform can show. `*-after` faults happen after the platform processed the request
 * (the client cannot know whether it was received); the others happen before.
 */
export type FaultKind = '429' | '502' | '503' | 'drop' | 'drop-after' | '502-after' | 'hang';

export interface FaultPlan {
	/** Share of requests (0-1) that get a fault. */
	rate: number;
	kinds: FaultKind[];
	/** Value of Retry-After on injected 429s, in seconds. */
	retryAfterSeconds?: number;
	/** Only requests this filter accepts can get a fault. */
	filter?: (request: RecordedRequest) => boolean;
	seed?: number;
}

interface Route {
	method: string;
	pattern: RegExp;
	keys: string[];
	handler: Handler;
}

/** Deterministic PRNG so a fault run can be replayed. */
function mulberry32(seed: number) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export function json(
	body: unknown,
	status = 200,
	headers: Record<string, string> = {},
): FakeResponse {
	return { status, body, headers };
}

/**
 * A small HTTP server on 127.0.0.1 that plays a platform's API: routes, an authentication check,
 * a record of every request, and fault injection (errors, dropped connections, latency, hangs).
 */
export class FakeServer {
	readonly requests: RecordedRequest[] = [];
	/** Added to every answer, in milliseconds. */
	latencyMs = 0;
	/**
	 * Echo the Authorization header a refused request carried in the error message, as some APIs
	 * do: what the node shows must still not carry the token. Off unless a test turns it on.
	 */
	echoToken = false;
	/** Per-request latency, when set (overrides latencyMs). */
	latencyFor?: (request: RecordedRequest) => number;
	url = '';

	private readonly routes: Route[] = [];
	private server?: Server;
	private readonly sockets = new Set<Socket>();
	private readonly scripted: Array<{
		kind: FaultKind | FakeResponse;
		filter?: (r: RecordedRequest) => boolean;
	}> = [];
	private faultPlan?: FaultPlan;
	private random = mulberry32(1);
	private seq = 0;

	constructor(readonly name: string) {}

	/** An auth failure's message, with the header it got when echoToken is on. */
	protected refusal(message: string, request: RecordedRequest): string {
		if (!this.echoToken) return message;
		return `${message} (received Authorization: ${String(request.headers.authorization ?? '')})`;
	}

	/** Holds a request before it is answered at all (a platform that queues what exceeds a limit). */
	protected async admit(_request: RecordedRequest): Promise<void> {}

	/** Answers every request before routing; return a response to stop it (e.g. a 401). */
	protected guard(_request: RecordedRequest): FakeResponse | undefined {
		return undefined;
	}

	/** Answer for a path that exists with another method. */
	protected methodNotAllowed(_request: RecordedRequest): FakeResponse {
		return json({ message: 'Method not allowed' }, 405);
	}

	protected notFound(request: RecordedRequest): FakeResponse {
		return json({ message: `Cannot ${request.method} ${request.path}` }, 404);
	}

	route(method: string, path: string, handler: Handler): this {
		const keys: string[] = [];
		const pattern = new RegExp(
			`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:(\w+)/g, (_m, key: string) => {
				keys.push(key);
				return '([^/]+)';
			})}$`,
		);
		this.routes.push({ method: method.toUpperCase(), pattern, keys, handler });
		return this;
	}

	/** The next matching request gets this fault or canned response instead of its normal answer. */
	failNext(
		kind: FaultKind | FakeResponse,
		count = 1,
		filter?: (request: RecordedRequest) => boolean,
	): this {
		for (let i = 0; i < count; i++) this.scripted.push({ kind, filter });
		return this;
	}

	injectFaults(plan: FaultPlan | undefined): this {
		this.faultPlan = plan;
		this.random = mulberry32(plan?.seed ?? 1);
		return this;
	}

	reset(): this {
		this.echoToken = false;
		this.requests.length = 0;
		this.scripted.length = 0;
		this.faultPlan = undefined;
		this.latencyMs = 0;
		this.latencyFor = undefined;
		return this;
	}

	/** Requests that reached the platform (not faulted away), optionally of one method and path. */
	handled(method?: string, path?: string | RegExp): RecordedRequest[] {
		return this.requests.filter(
			(r) =>
				r.handled &&
				(!method || r.method === method) &&
				(!path || (typeof path === 'string' ? r.path === path : path.test(r.path))),
		);
	}

	last(method?: string, path?: string | RegExp): RecordedRequest {
		const list =
			method || path
				? this.requests.filter(
						(r) =>
							(!method || r.method === method) &&
							(!path || (typeof path === 'string' ? r.path === path : path.test(r.path))),
					)
				: this.requests;
		const found = list[list.length - 1];
		if (!found)
			throw new Error(`${this.name}: no request ${method ?? ''} ${String(path ?? '')} recorded`);
		return found;
	}

	async start(): Promise<string> {
		this.server = createServer((req, res) => {
			void this.handle(req, res);
		});
		this.server.keepAliveTimeout = 5000;
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		const { port } = this.server.address() as AddressInfo;
		this.url = `http://127.0.0.1:${port}`;
		return this.url;
	}

	async stop(): Promise<void> {
		for (const socket of this.sockets) socket.destroy();
		if (this.server) await new Promise<void>((resolve) => this.server!.close(() => resolve()));
		this.server = undefined;
	}

	private pickFault(request: RecordedRequest): FaultKind | FakeResponse | undefined {
		const index = this.scripted.findIndex((s) => !s.filter || s.filter(request));
		if (index >= 0) return this.scripted.splice(index, 1)[0].kind;
		const plan = this.faultPlan;
		if (plan && (!plan.filter || plan.filter(request)) && this.random() < plan.rate) {
			return plan.kinds[Math.floor(this.random() * plan.kinds.length)];
		}
		return undefined;
	}

	private async handle(req: IncomingMessage, res: ServerResponse) {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const url = new URL(req.url ?? '/', 'http://fake');
		const query: Record<string, string | string[]> = {};
		for (const key of new Set(url.searchParams.keys())) {
			const all = url.searchParams.getAll(key);
			query[key] = all.length > 1 ? all : all[0];
		}
		const request: RecordedRequest = {
			seq: ++this.seq,
			method: (req.method ?? 'GET').toUpperCase(),
			path: url.pathname,
			query,
			headers: req.headers,
			rawBody: Buffer.concat(chunks),
			time: Date.now(),
			handled: false,
		};
		await parseBody(request);
		this.requests.push(request);
		await this.admit(request);

		const latency = this.latencyFor ? this.latencyFor(request) : this.latencyMs;
		if (latency > 0) await delay(latency);

		const fault = this.pickFault(request);
		if (typeof fault === 'object') {
			request.fault = undefined;
			return this.send(res, request, fault);
		}
		if (fault) request.fault = fault;
		switch (fault) {
			case 'hang':
				return; // never answered; stop() destroys the socket
			case 'drop':
				return req.socket.destroy();
			case '429':
				return this.send(res, request, this.rateLimited(this.faultPlan?.retryAfterSeconds ?? 0));
			case '502':
			case '503':
				return this.send(res, request, gatewayPage(Number(fault)));
			default:
				break;
		}

		const response = await this.dispatch(request);
		if (fault === 'drop-after') return req.socket.destroy();
		if (fault === '502-after') return this.send(res, request, gatewayPage(502));
		return this.send(res, request, response);
	}

	/** How this platform says "too many requests". */
	protected rateLimited(retryAfterSeconds: number): FakeResponse {
		return json({ message: 'Too many requests' }, 429, {
			'Retry-After': String(retryAfterSeconds),
		});
	}

	private async dispatch(request: RecordedRequest): Promise<FakeResponse> {
		const denied = this.guard(request);
		if (denied) return denied;
		let pathMatched = false;
		for (const route of this.routes) {
			const match = route.pattern.exec(request.path);
			if (!match) continue;
			pathMatched = true;
			if (route.method !== request.method) continue;
			const params: Record<string, string> = {};
			route.keys.forEach((key, i) => (params[key] = decodeURIComponent(match[i + 1])));
			request.handled = true;
			try {
				return await route.handler(request, params);
			} catch (error) {
				return json(
					{ message: `fake ${this.name} handler failed: ${(error as Error).message}` },
					500,
				);
			}
		}
		return pathMatched ? this.methodNotAllowed(request) : this.notFound(request);
	}

	private send(res: ServerResponse, request: RecordedRequest, response: FakeResponse) {
		const status = response.status ?? 200;
		request.status = status;
		const headers: Record<string, string> = { ...(response.headers ?? {}) };
		let payload: Buffer | string;
		if (response.raw !== undefined) {
			payload = response.raw;
		} else if (response.body === undefined) {
			payload = '';
		} else {
			payload = JSON.stringify(response.body);
			headers['content-type'] ??= 'application/json; charset=utf-8';
		}
		res.writeHead(status, headers);
		res.end(payload);
		request.answeredAt = Date.now();
	}
}

/** The HTML page a reverse proxy answers when the application behind it fails. */
function gatewayPage(status: number): FakeResponse {
	const title = status === 503 ? '503 Service Temporarily Unavailable' : `${status} Bad Gateway`;
	return {
		status,
		raw: `<html><head><title>${title}</title></head><body><center><h1>${title}</h1></center><hr><center>nginx</center></body></html>`,
		headers: { 'content-type': 'text/html' },
	};
}

async function parseBody(request: RecordedRequest) {
	const type = String(request.headers['content-type'] ?? '');
	if (!request.rawBody.length) return;
	if (type.includes('application/json')) {
		try {
			request.json = JSON.parse(request.rawBody.toString('utf8'));
		} catch {
			request.json = undefined;
		}
		return;
	}
	if (type.includes('multipart/form-data') || type.includes('application/x-www-form-urlencoded')) {
		// The platform's own parser stands in for a real one: undici's, which Node ships.
		const form = await new Response(request.rawBody, {
			headers: { 'content-type': type },
		}).formData();
		const fields: Record<string, FormValue[]> = {};
		for (const [name, value] of form.entries()) {
			let entry: FormValue;
			if (typeof value === 'string') {
				entry = value;
			} else {
				const content = Buffer.from(await value.arrayBuffer());
				entry = { fileName: value.name, mimeType: value.type, size: content.length, content };
			}
			(fields[name] ??= []).push(entry);
		}
		request.form = fields;
	}
}

/** The single text value of a form field, or undefined. */
export function formText(request: RecordedRequest, name: string): string | undefined {
	const value = request.form?.[name]?.[0];
	return typeof value === 'string' ? value : undefined;
}

export function queryText(request: RecordedRequest, name: string): string | undefined {
	const value = request.query[name];
	return Array.isArray(value) ? value[0] : value;
}
