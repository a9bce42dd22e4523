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
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import type { AttemptSummary, PlatformError } from './errors';
import {
	apiError,
	decodeErrorBody,
	describeTransportFailure,
	responseError,
	secretForms,
	transportError,
} from './errors';
import { RateLimiter } from './rateLimiter';
import { requestTimeout } from './requestOptions';
import {
	DEFAULT_RETRY_POLICY,
	backoffDelay,
	isRetryable,
	parseRetryAfter,
	retryDelay,
} from './retry';

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

/**
 * What differs between PlugChat, TomTicket and Digisac. Everything else is shared: sending,
 * rate limiting and timeouts here, when to retry in retry.ts, what errors say in errors.ts.
 */
export interface ServiceDefinition {
	/** Shown in messages: "TomTicket", "PlugChat", "Digisac". */
	name: string;
	credentialType: string;
	/** The credential's secret (the API token): kept out of every message, and keys the rate limit. */
	secret(credentials: ICredentialDataDecryptedObject): string;
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

interface ApiRequestOptions {
	method: IHttpRequestMethods;
	/** Path below the service's base URL ("/ticket/list"), or an absolute URL. */
	path: string;
	qs?: IDataObject;
	body?: unknown;
	headers?: Record<string, string>;
	/** Return the raw bytes (file downloads) instead of parsed JSON. */
	binary?: boolean;
	/**
	 * Return a 2xx body as the response stream, unread, so the caller can stop reading at a size
	 * cap (n8n's client sets axios' maxContentLength to Infinity and offers no option for it).
	 * Other answers are read (at most ERROR_BODY_LIMIT bytes) and handled as binary ones.
	 */
	stream?: boolean;
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

// Module memory is per process: in n8n's queue mode each worker, webhook processor and the main
// process has its own. Both caches below are safe so. Credentials are keyed by one execution's
// context and die with it; nothing needs to be shared.
const credentialsByContext = new WeakMap<
	object,
	Map<string, Promise<ICredentialDataDecryptedObject>>
>();
// Each process paces its own requests per token; two workers on one TomTicket token can together
// exceed 3 per second. Without shared memory, each process then lowers its own pace on the 429s
// it gets (rateLimiter.ts, adaptive pacing) and retries them (refused unprocessed) with jitter for
// as long as the request's time budget lasts (retry.ts, retryDelay): safe (nothing is sent twice,
// this process never exceeds the limit) and enough for two workers to share one token (the
// queue-mode e2e, e2e/queue/load.ts; README, Running in queue mode).
const limiters = new Map<string, RateLimiter>();

/**
 * n8n's editor asks a new node's dropdowns for their options as soon as the panel opens, and may
 * do so before it has put the credential on the node. It asks again when the credential arrives,
 * but not while the first request is still running (editor-ui ParameterInput.vue:
 * loadRemoteParameterOptions() returns early while remoteParameterOptionsLoading is set), so the
 * answer to that first request stays in the field. It should at least say what to do.
 */
function noCredentialYet(error: unknown, serviceName: string | undefined, context: RequestContext) {
	const message = (error as Error)?.message;
	if (
		!serviceName ||
		typeof message !== 'string' ||
		!/does not have any credentials set/.test(message)
	)
		return error;
	return new NodeOperationError(
		context.getNode(),
		`No ${serviceName} credential on the node yet: choose "Refresh List" in this field's menu`,
		{
			description: `n8n asked for this list before the ${serviceName} credential was set on the node. Select the credential at the top of the panel, then choose "Refresh List" in this field's menu (hover the field), or close and reopen the node.`,
		},
	);
}

/** Credentials are decrypted once per execution context, not once per request. */
export async function getServiceCredentials(
	context: RequestContext,
	credentialType: string,
	serviceName?: string,
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
	try {
		return await pending;
	} catch (error) {
		throw noCredentialYet(error, serviceName, context);
	}
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

function buildUrl(baseUrl: string, path: string): string {
	if (/^https?:\/\//i.test(path)) return path;
	return `${baseUrl}${path.startsWith('/') ? '' : '/'}${path}`;
}

/** Redirects one request follows at most (browsers allow 20; an API needs one or two). */
export const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

function originOf(url: string): string | undefined {
	try {
		const { protocol, origin } = new URL(url);
		return protocol === 'http:' || protocol === 'https:' ? origin : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Whether a redirect target may receive the credential: only on the origin (scheme, host and
 * port) the request began on, so neither another host nor an http:// downgrade of the same host
 * ever sees the token.
 */
export function mayCarryCredentials(fromUrl: string, toUrl: string): boolean {
	const from = originOf(fromUrl);
	return from !== undefined && from === originOf(toUrl);
}

/**
 * A 303, or a 301/302 answering a POST, is followed with a GET without the body (what browsers and
 * n8n's own client do); 307 and 308 repeat the same method with the same body.
 */
function redirectedMethod(method: IHttpRequestMethods, status: number): IHttpRequestMethods {
	if (status === 303 && method !== 'GET' && method !== 'HEAD') return 'GET';
	if ((status === 301 || status === 302) && method === 'POST') return 'GET';
	return method;
}

class RedirectLimitError extends Error {}

/** The most of a non-2xx answer read when the body was asked for as a stream. */
const ERROR_BODY_LIMIT = 64 * 1024;

/** Reads the start of a streamed error (or redirect) answer and closes the stream. */
async function readErrorStream(body: unknown): Promise<Buffer> {
	if (!body || typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] !== 'function')
		return Buffer.isBuffer(body) ? body : Buffer.alloc(0);
	const chunks: Buffer[] = [];
	let size = 0;
	// Leaving the loop early destroys the stream.
	for await (const chunk of body as AsyncIterable<Buffer | string>) {
		const part = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
		chunks.push(part);
		size += part.length;
		if (size >= ERROR_BODY_LIMIT) break;
	}
	return Buffer.concat(chunks).subarray(0, ERROR_BODY_LIMIT);
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
	const credentials = await getServiceCredentials(context, service.credentialType, service.name);
	const token = service.secret(credentials);
	// Every form of the token is kept out of messages; the trimmed one is what the credentials send.
	const secret = secretForms(token);
	const baseUrl = service.baseUrl(credentials);
	const policy = DEFAULT_RETRY_POLICY;
	const timeoutMs = requestTimeout(context);
	const idempotent = options.idempotent ?? IDEMPOTENT_METHODS.has(options.method);
	const limiter = limiterFor(service, baseUrl, token.trim());

	const request: IHttpRequestOptions = {
		method: options.method,
		url: buildUrl(baseUrl, options.path),
		qs: options.qs,
		headers: { ...service.headers, ...options.headers },
		body: options.body as IHttpRequestOptions['body'],
		json: !options.binary && !options.stream,
		encoding: options.stream ? 'stream' : options.binary ? 'arraybuffer' : undefined,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: timeoutMs,
		// n8n's client would follow redirects itself and put the Authorization header back on
		// every hop, whatever the origin: n8n 1.123.0 always does (n8n-core 1.122.0,
		// request-helper-functions.js, getBeforeRedirectFn); later versions unless
		// `sendCredentialsOnCrossOriginRedirect: false` (@n8n/backend-network,
		// http/axios/request.js). Every version honours disableFollowRedirect, so the redirects
		// are followed below, with the token only where mayCarryCredentials() allows it.
		disableFollowRedirect: true,
	};
	const credentialsDecrypted = {
		id: '',
		name: service.credentialType,
		type: service.credentialType,
		data: credentials,
	};

	/** One HTTP exchange; each gets its own headers, as n8n adds to the object it is given. */
	const exchange = async (hop: IHttpRequestOptions, authenticated: boolean) => {
		const attempt = { ...hop, headers: { ...hop.headers } };
		const call = async () =>
			(authenticated
				? await context.helpers.httpRequestWithAuthentication.call(
						context,
						service.credentialType,
						attempt,
						{ credentialsDecrypted },
					)
				: await context.helpers.httpRequest(attempt)) as ServiceResponse<T>;
		// Every request the platform receives takes a rate-limit slot; another host's do not.
		// A 429 lowers this process's pace for the token (adaptive pacing, rateLimiter.ts).
		return limiter && mayCarryCredentials(baseUrl, attempt.url)
			? await limiter.run(call, (response) => response.statusCode === 429)
			: await call();
	};

	/** One attempt: the request, and the redirects it is answered with. */
	const send = async (): Promise<ServiceResponse<T>> => {
		let hop: IHttpRequestOptions = request;
		let authenticated = !options.anonymous;
		for (let redirects = 0; ; redirects++) {
			const response = await exchange(hop, authenticated);
			if (options.stream && (response.statusCode < 200 || response.statusCode >= 300))
				response.body = (await readErrorStream(response.body)) as T;
			const location = REDIRECT_STATUSES.has(response.statusCode)
				? headerValue(response.headers ?? {}, 'location')
				: undefined;
			if (!location) return response;
			let next: string;
			try {
				next = new URL(location, hop.url).href;
			} catch {
				return response;
			}
			if (originOf(next) === undefined) return response;
			if (redirects >= MAX_REDIRECTS) throw new RedirectLimitError();
			// Once the chain has left the origin it began on, the token stays off for the rest of it:
			// a foreign host must not be able to send it back to a path of its choosing.
			if (!mayCarryCredentials(request.url, next)) authenticated = false;
			const method = redirectedMethod(hop.method ?? 'GET', response.statusCode);
			const headers = { ...hop.headers };
			const withoutBody = method !== hop.method;
			if (withoutBody || !authenticated) {
				for (const name of Object.keys(headers)) {
					const lower = name.toLowerCase();
					if (withoutBody && lower.startsWith('content-')) delete headers[name];
					if (!authenticated && (lower === 'authorization' || lower === 'cookie'))
						delete headers[name];
				}
			}
			hop = {
				...hop,
				url: next,
				method,
				// The Location carries its own query.
				qs: undefined,
				headers,
				body: withoutBody ? undefined : hop.body,
			};
		}
	};

	let waitedMs = 0;
	/**
	 * Whether an earlier attempt may have been carried out although no success came back (the
	 * connection broke, or a gateway answered 502/504): a DELETE retried after that and answered
	 * 404 found the record already gone, most likely deleted by that first attempt.
	 */
	let mayHaveActed = false;
	/** Waits before the next attempt, unless the wait would pass the request's retry budget. */
	const waitWithinBudget = async (delay: number, summary: AttemptSummary) => {
		if (waitedMs + delay > policy.maxTotalWaitMs) {
			summary.budgetMs = policy.maxTotalWaitMs;
			summary.nextWaitMs = delay;
			return false;
		}
		await sleep(delay);
		waitedMs += delay;
		return true;
	};

	for (let attempt = 1; ; attempt++) {
		const summary: AttemptSummary = {
			attempts: attempt,
			idempotent,
			timeoutMs,
			itemIndex: options.itemIndex,
			waitedMs,
		};
		let response: ServiceResponse<T>;
		try {
			response = await send();
		} catch (error) {
			if (error instanceof RedirectLimitError) {
				throw apiError(context, secret, {
					message: `${service.name} redirected the request more than ${MAX_REDIRECTS} times`,
					description: `Check the URL in the ${service.name} credential: the platform kept answering with a redirect.`,
					itemIndex: options.itemIndex,
				});
			}
			const failure = describeTransportFailure(error);
			// A cancelled execution is not a platform failure: pass n8n's own error on unchanged.
			if (failure.cancelled) throw new NodeApiError(context.getNode(), error as JsonObject);
			if (
				isRetryable(failure, idempotent) &&
				attempt < policy.maxAttempts &&
				(await waitWithinBudget(backoffDelay(attempt, policy), summary))
			) {
				if (failure.connectionBroken) mayHaveActed = true;
				continue;
			}
			throw transportError(context, service, secret, failure, summary);
		}

		const { statusCode } = response;
		if (options.method === 'DELETE' && statusCode === 404 && mayHaveActed) {
			// The record is gone, which is what was asked: report the delete, not "not found".
			return { statusCode: 204, headers: response.headers ?? {}, body: '' as T };
		}
		if (options.acceptStatus?.includes(statusCode)) return response;

		summary.retryAfterMs = parseRetryAfter(response.headers ?? {});
		const delay = retryDelay(
			{ statusCode, retryAfterMs: summary.retryAfterMs },
			idempotent,
			attempt,
			policy,
		);
		if (delay !== undefined && (await waitWithinBudget(delay, summary))) {
			if (statusCode === 502 || statusCode === 504) mayHaveActed = true;
			continue;
		}

		const platformError = service.detectError(
			decodeErrorBody(response, options.binary || options.stream),
		);
		if (platformError || statusCode >= 400)
			throw responseError(context, service, secret, response, platformError, summary);
		return response;
	}
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

/** Strips trailing slashes and whitespace from a configured URL. */
export function trimUrl(url: unknown): string {
	return String(url ?? '')
		.trim()
		.replace(/\/+$/, '');
}
