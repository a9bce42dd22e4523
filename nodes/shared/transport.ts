import { createHash } from 'crypto';

import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

import { RateLimiter } from './rateLimiter';

/** Every n8n context our transport is called from. */
export type RequestContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IPollFunctions
	| IWebhookFunctions;

export interface ServiceResponse<T = unknown> {
	statusCode: number;
	headers: Record<string, unknown>;
	body: T;
}

/** The platform's own account of what went wrong. */
export interface PlatformError {
	message: string;
	description?: string;
}

/**
 * What differs between PlugChat, TomTicket and Digisac. Everything else (retries, error
 * wrapping, rate limiting, timeouts) is shared and lives in this file.
 */
export interface ServiceDefinition {
	/** Shown in messages: "TomTicket", "PlugChat", "Digisac". */
	name: string;
	credentialType: string;
	/** Root URL of the API, read from the credential and normalised. */
	baseUrl(credentials: ICredentialDataDecryptedObject): string;
	/** Headers every request carries (PlugChat wants Content-Type on every call). */
	headers?: Record<string, string>;
	/**
	 * Reads the platform's error out of a response. Called for every response, successful or not,
	 * because some platforms answer HTTP 200 with an error body. Returns undefined for a success.
	 */
	detectError(response: ServiceResponse): PlatformError | undefined;
	/** Extra advice for a status code (e.g. PlugChat documents what 415 means). */
	hintForStatus?(statusCode: number): string | undefined;
	/** Documented per-token request rate; requests queue so it is never exceeded. */
	requestsPerSecond?: number;
}

export interface ApiRequestOptions {
	method: IHttpRequestMethods;
	/** Path below the service's base URL ("/ticket/list"), or an absolute URL. */
	path: string;
	qs?: IDataObject;
	body?: unknown;
	headers?: Record<string, string>;
	/** Return the raw bytes (file downloads) instead of parsed JSON. */
	binary?: boolean;
	/**
	 * May this exact request be sent twice without harm? Defaults to true for GET, HEAD, PUT,
	 * DELETE and OPTIONS, false for POST and PATCH. Decides whether ambiguous failures are retried.
	 */
	idempotent?: boolean;
	/** Status codes the caller handles itself; they are returned instead of thrown. */
	acceptStatus?: number[];
	/**
	 * Send without the credential's Authorization header: for absolute URLs on another host
	 * (a file's storage URL), so the token never leaves the platform's own host.
	 */
	anonymous?: boolean;
	itemIndex?: number;
}

/** Retry tuning. Exported so tests and benchmarks can shorten the waits; nodes never change it. */
export const retryPolicy = {
	/**
	 * Attempts in total, the first one included. Eight short waits (250 ms doubling to 4 s, ~16 s in
	 * all) keep a read alive through a bad patch: at a 20 % failure rate, 1 read in 390 000 fails.
	 */
	maxAttempts: 8,
	baseDelayMs: 250,
	maxDelayMs: 4_000,
	/** A Retry-After longer than this is not waited for: the error is reported instead. */
	maxRetryAfterMs: 60_000,
};

export const DEFAULT_TIMEOUT_MS = 30_000;

interface RequestSettings {
	timeoutMs: number;
}

const settingsByContext = new WeakMap<object, RequestSettings>();
const credentialsByContext = new WeakMap<
	object,
	Map<string, Promise<ICredentialDataDecryptedObject>>
>();
const limiters = new Map<string, RateLimiter>();

/** Per-execution settings chosen in the node's "Request Options". */
export function configureRequests(context: RequestContext, settings: Partial<RequestSettings>) {
	settingsByContext.set(context, { timeoutMs: settings.timeoutMs ?? DEFAULT_TIMEOUT_MS });
}

/** Credentials are decrypted once per execution context, not once per request. */
export async function getServiceCredentials(
	context: RequestContext,
	credentialType: string,
): Promise<ICredentialDataDecryptedObject> {
	let cache = credentialsByContext.get(context);
	if (!cache) {
		cache = new Map();
		credentialsByContext.set(context, cache);
	}
	let pending = cache.get(credentialType);
	if (!pending) {
		pending = context.getCredentials(credentialType);
		cache.set(credentialType, pending);
		// A failed lookup must not be cached for the rest of the execution.
		pending.catch(() => cache.delete(credentialType));
	}
	return await pending;
}

function limiterFor(
	service: ServiceDefinition,
	baseUrl: string,
	token: string,
): RateLimiter | undefined {
	if (!service.requestsPerSecond) return undefined;
	// The limit is per token; the key holds a hash so the token itself is never kept around.
	const key = `${service.name}|${baseUrl}|${createHash('sha256').update(token).digest('hex')}`;
	let limiter = limiters.get(key);
	if (!limiter) {
		// Read the rate at each request, so a change to the service definition applies at once.
		limiter = new RateLimiter(() => service.requestsPerSecond);
		limiters.set(key, limiter);
	}
	return limiter;
}

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
/** Gateway failures that are usually over in a moment. A 500 is a server bug and is not retried. */
const TRANSIENT_STATUSES = new Set([502, 503, 504]);
/** The connection was never made, so the server cannot have seen the request. */
const NOT_SENT_CODES = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'ENETUNREACH',
	'EHOSTUNREACH',
]);
/** The connection broke; the server may or may not have processed the request. */
const BROKEN_CONNECTION_CODES = new Set([
	'ECONNRESET',
	'EPIPE',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'ERR_STREAM_PREMATURE_CLOSE',
]);

interface TransportFailure {
	code: string;
	message: string;
	notSent: boolean;
	timedOut: boolean;
	cancelled: boolean;
}

function describeTransportFailure(error: unknown): TransportFailure {
	// n8n wraps the axios error in a NodeApiError; the socket's code sits on the cause.
	const candidates: Array<Record<string, unknown>> = [];
	let current = error as Record<string, unknown> | undefined;
	for (let depth = 0; current && depth < 4; depth++) {
		candidates.push(current);
		current = current.cause as Record<string, unknown> | undefined;
	}
	const code =
		(candidates.map((c) => c.code).find((c) => typeof c === 'string' && c.length > 0) as string) ??
		'';
	const rawMessage = candidates
		.map((c) => c.message)
		.filter((m): m is string => typeof m === 'string')
		.join(' ');
	const timedOut = code === 'ECONNABORTED' || /timeout of \d+ms exceeded/i.test(rawMessage);
	return {
		code,
		message: rawMessage,
		notSent: NOT_SENT_CODES.has(code),
		timedOut,
		cancelled: code === 'ERR_CANCELED',
	};
}

function parseRetryAfter(headers: Record<string, unknown>): number | undefined {
	const raw = headers['retry-after'] ?? headers['Retry-After'];
	if (raw === undefined || raw === null || raw === '') return undefined;
	const value = String(Array.isArray(raw) ? raw[0] : raw).trim();
	if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
	const date = Date.parse(value);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - Date.now());
}

export function backoffDelay(attempt: number): number {
	return Math.min(retryPolicy.maxDelayMs, retryPolicy.baseDelayMs * 2 ** (attempt - 1));
}

/** Replaces every occurrence of the secret, so no message can carry the token out. */
export function redactSecret(text: string | undefined, secret: string): string | undefined {
	if (text === undefined || !secret || secret.length < 4) return text;
	return text.split(secret).join('***');
}

function statusText(statusCode: number): string {
	const texts: Record<number, string> = {
		400: 'Bad request - please check your parameters',
		401: 'Authorization failed - please check your credentials',
		403: 'Forbidden - the token has no access to this resource',
		404: 'The resource you are requesting could not be found',
		405: 'Method not allowed',
		415: 'Unsupported media type',
		429: 'The service is receiving too many requests from you',
		500: 'The service was not able to process your request',
		502: 'Bad gateway - the service failed to handle your request',
		503: 'Service unavailable - try again later',
		504: 'Gateway timed out - try again later',
	};
	return texts[statusCode] ?? `The request failed with HTTP status ${statusCode}`;
}

function apiError(
	context: RequestContext,
	token: string,
	details: { message: string; description?: string; httpCode?: number; itemIndex?: number },
): NodeApiError {
	const message = redactSecret(details.message, token) as string;
	const description = redactSecret(details.description, token);
	// Built from plain values, never from the HTTP client's error, whose request config holds the
	// Authorization header.
	const errorResponse: JsonObject = { message };
	if (details.httpCode !== undefined) errorResponse.httpCode = String(details.httpCode);
	return new NodeApiError(context.getNode(), errorResponse, {
		message,
		description,
		httpCode: details.httpCode !== undefined ? String(details.httpCode) : undefined,
		itemIndex: details.itemIndex,
	});
}

function responseError(
	context: RequestContext,
	service: ServiceDefinition,
	token: string,
	response: ServiceResponse,
	platformError: PlatformError | undefined,
	itemIndex: number | undefined,
): NodeApiError {
	const { statusCode } = response;
	const isHttpError = statusCode >= 400;
	const message = platformError?.message || statusText(statusCode);
	const parts = [
		platformError?.description,
		isHttpError
			? `${service.name} answered HTTP ${statusCode}.`
			: `${service.name} reported an error although it answered HTTP ${statusCode}.`,
		service.hintForStatus?.(statusCode),
	].filter(Boolean);
	return apiError(context, token, {
		message,
		description: parts.join(' '),
		httpCode: isHttpError ? statusCode : undefined,
		itemIndex,
	});
}

/**
 * A download is read as bytes, so an error answer (JSON or an HTML page) arrives as bytes too;
 * decode it so every platform's error reader sees the same body it would for a JSON request.
 */
function decodeErrorBody(response: ServiceResponse, binary: boolean | undefined): ServiceResponse {
	const { body } = response;
	if (!binary || response.statusCode < 400) return response;
	if (!Buffer.isBuffer(body) && !(body instanceof ArrayBuffer) && !ArrayBuffer.isView(body))
		return response;
	const text = (
		Buffer.isBuffer(body)
			? body
			: body instanceof ArrayBuffer
				? Buffer.from(body)
				: Buffer.from(body.buffer, body.byteOffset, body.byteLength)
	).toString('utf8');
	try {
		return { ...response, body: JSON.parse(text) as unknown };
	} catch {
		return { ...response, body: text };
	}
}

function buildUrl(baseUrl: string, path: string): string {
	if (/^https?:\/\//i.test(path)) return path;
	return `${baseUrl}${path.startsWith('/') ? '' : '/'}${path}`;
}

/**
 * Sends one request to a platform and returns the full response. Retries what is safe to retry,
 * waits for the platform's rate limit, and turns every failure into a NodeApiError that carries
 * the platform's own message and the item index.
 */
export async function sendRequest<T = unknown>(
	context: RequestContext,
	service: ServiceDefinition,
	options: ApiRequestOptions,
): Promise<ServiceResponse<T>> {
	const credentials = await getServiceCredentials(context, service.credentialType);
	const token = String(credentials.apiToken ?? '');
	const baseUrl = service.baseUrl(credentials);
	const timeoutMs = settingsByContext.get(context)?.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	const idempotent = options.idempotent ?? IDEMPOTENT_METHODS.has(options.method);
	const limiter = limiterFor(service, baseUrl, token);

	const request: IHttpRequestOptions = {
		method: options.method,
		url: buildUrl(baseUrl, options.path),
		qs: options.qs,
		headers: { ...service.headers, ...options.headers },
		body: options.body as IHttpRequestOptions['body'],
		json: !options.binary,
		encoding: options.binary ? 'arraybuffer' : undefined,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: timeoutMs,
	};
	const credentialsDecrypted = {
		id: '',
		name: service.credentialType,
		type: service.credentialType,
		data: credentials,
	};

	const send = async () =>
		(options.anonymous
			? await context.helpers.httpRequest({ ...request, headers: { ...request.headers } })
			: await context.helpers.httpRequestWithAuthentication.call(
					context,
					service.credentialType,
					{ ...request, headers: { ...request.headers } },
					{ credentialsDecrypted },
				)) as ServiceResponse<T>;

	for (let attempt = 1; ; attempt++) {
		let response: ServiceResponse<T>;
		try {
			// Every attempt is a request the platform counts, so each one takes a rate-limit slot.
			response = limiter ? await limiter.run(send) : await send();
		} catch (error) {
			const failure = describeTransportFailure(error);
			// A cancelled execution is not a platform failure: pass n8n's own error on unchanged.
			if (failure.cancelled) throw new NodeApiError(context.getNode(), error as JsonObject);
			const retryable =
				!failure.timedOut &&
				(failure.notSent ||
					(idempotent &&
						(BROKEN_CONNECTION_CODES.has(failure.code) ||
							/socket hang up/i.test(failure.message))));
			if (retryable && attempt < retryPolicy.maxAttempts) {
				await sleep(backoffDelay(attempt));
				continue;
			}
			throw apiError(
				context,
				token,
				transportFailureDetails(
					service,
					failure,
					idempotent,
					timeoutMs,
					attempt,
					options.itemIndex,
				),
			);
		}

		const { statusCode } = response;
		if (options.acceptStatus?.includes(statusCode)) return response;

		// 429 means the platform refused the request unprocessed, so even a send may be repeated.
		const retryAfterMs = parseRetryAfter(response.headers ?? {});
		const rateLimited = statusCode === 429;
		const transient = TRANSIENT_STATUSES.has(statusCode) && idempotent;
		if ((rateLimited || transient) && attempt < retryPolicy.maxAttempts) {
			const delay = retryAfterMs ?? backoffDelay(attempt);
			if (delay <= retryPolicy.maxRetryAfterMs) {
				await sleep(delay);
				continue;
			}
		}

		const platformError = service.detectError(decodeErrorBody(response, options.binary));
		if (platformError || statusCode >= 400) {
			const error = responseError(
				context,
				service,
				token,
				response,
				platformError,
				options.itemIndex,
			);
			if (rateLimited) {
				error.description =
					`${error.description ?? ''} Gave up after ${attempt} attempt(s)${retryAfterMs !== undefined ? `; the platform asked to wait ${Math.ceil(retryAfterMs / 1000)} s` : ''}.`.trim();
			}
			throw error;
		}
		return response;
	}
}

function transportFailureDetails(
	service: ServiceDefinition,
	failure: TransportFailure,
	idempotent: boolean,
	timeoutMs: number,
	attempts: number,
	itemIndex: number | undefined,
) {
	if (failure.timedOut) {
		return {
			message: `${service.name} did not answer within ${timeoutMs} ms`,
			description:
				'The request timed out. Raise "Timeout" under the node\'s Request Options if the platform is slow. ' +
				(idempotent ? '' : 'The request may still have been processed, so it was not sent again.'),
			itemIndex,
		};
	}
	if (failure.notSent) {
		return {
			// n8n replaces a message that names a socket error code with a generic one, so the code
			// goes in the description.
			message: `Could not connect to ${service.name}`,
			description: `${failure.code}: check the URL in the ${service.name} credential and the network. Tried ${attempts} time(s).`,
			itemIndex,
		};
	}
	return {
		message: `The connection to ${service.name} failed`,
		description: `${failure.code ? `${failure.code}: ` : ''}${
			idempotent
				? `tried ${attempts} time(s).`
				: 'the connection broke before an answer arrived. The platform may have processed the request, so it was not sent again to avoid a duplicate.'
		}`,
		itemIndex,
	};
}

/** Sends a request and returns only the parsed body. */
export async function requestBody<T = unknown>(
	context: RequestContext,
	service: ServiceDefinition,
	options: ApiRequestOptions,
): Promise<T> {
	return (await sendRequest<T>(context, service, options)).body;
}

/** Reads a header whatever its case. */
export function headerValue(headers: Record<string, unknown>, name: string): string | undefined {
	const wanted = name.toLowerCase();
	for (const [key, value] of Object.entries(headers ?? {})) {
		if (key.toLowerCase() === wanted)
			return Array.isArray(value) ? String(value[0]) : String(value);
	}
	return undefined;
}

/** A short readable line from a non-JSON body (an nginx HTML error page, a plain-text answer). */
export function summarizeTextBody(text: string): string {
	const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1];
	const heading = /<h1[^>]*>([^<]*)<\/h1>/i.exec(text)?.[1];
	const plain = (title || heading || text.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').trim();
	return plain.length > 200 ? `${plain.slice(0, 197)}...` : plain;
}

export function isHtml(text: unknown): text is string {
	return typeof text === 'string' && /^\s*<(!doctype|html|head|body)/i.test(text);
}

/** Strips trailing slashes and whitespace from a configured URL. */
export function trimUrl(url: unknown): string {
	return String(url ?? '')
		.trim()
		.replace(/\/+$/, '');
}
