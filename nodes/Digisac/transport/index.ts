import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { toBuffer } from '../../shared/binary';
import { isHtml, summarizeTextBody } from '../../shared/errors';
import type { PlatformError } from '../../shared/errors';
import { isObject } from '../../shared/json';
import { collect, pages } from '../../shared/paging';
import type { RequestContext, ServiceDefinition, ServiceResponse } from '../../shared/transport';
import {
	getServiceCredentials,
	headerValue,
	requestBody,
	sendRequest,
	trimUrl,
} from '../../shared/transport';

/** Records per page asked of list endpoints (the API defaults to 15; clients use up to 200). */
const DIGISAC_PAGE_SIZE = 100;

/**
 * Where an account's API lives. Current accounts: "https://acme.digisac.app" with or without "/",
 * "/api" or "/api/v1", API under "/api/v1/...". Legacy hosts, where every recorded request of
 * github.com/douglara/digisac (spec/cassettes/Digisac/**, README "API URL, usually:
 * https://BUSINESS_NAME-api.digisac.com.br") and of github.com/edsonalvesan/digisac
 * (src/DigiSacClient.php: '-api.digisac.app/v1') went: "https://acme-api.digisac.com.br" or
 * "https://acme-api.digisac.app", with or without "/v1", API under "/v1/...". An account URL
 * ending in "/v1" (not "/api/v1") is read as that form too, whatever its host.
 * Paths are written "/api/v1/..." in the node and moved under the legacy prefix here; "/pdf/..."
 * (PDF exports) stays on the root (GUESS: the legacy hosts' PDF route is not recorded).
 * The credential's test request applies the same rule in an expression.
 */
export function digisacApiBase(accountUrl: unknown): { root: string; apiPrefix: string } {
	const url = trimUrl(accountUrl);
	let host = '';
	try {
		host = new URL(url).hostname;
	} catch {
		// Not a URL: the request itself will fail with a clear message.
	}
	const legacy = /-api\.digisac\.[a-z.]+$/i.test(host) || /(?<!\/api)\/v1$/i.test(url);
	if (legacy) return { root: url.replace(/\/v1$/i, ''), apiPrefix: '/v1' };
	return { root: url.replace(/\/api(\/v1)?$/i, ''), apiPrefix: '/api/v1' };
}

/** The account's root URL (see digisacApiBase). */
export function digisacRootUrl(accountUrl: unknown): string {
	return digisacApiBase(accountUrl).root;
}

/** A node path ("/api/v1/contacts") as the account serves it ("/v1/contacts" on legacy hosts). */
async function accountPath(context: RequestContext, path: string): Promise<string> {
	if (!/^\/api\/v1(\/|$)/.test(path)) return path;
	const credentials = await getServiceCredentials(
		context,
		digisacService.credentialType,
		digisacService.name,
	);
	const { apiPrefix } = digisacApiBase(credentials.accountUrl);
	return apiPrefix === '/api/v1' ? path : `${apiPrefix}${path.slice('/api/v1'.length)}`;
}

/**
 * Recorded when a send goes through a connection whose WhatsApp session is down (github.com/
 * douglara/digisac, spec/cassettes/Digisac/_send_message_to_contact_id/error.yml): 400
 * {"error": "BadRequestHttpError", "message": "Service (<uuid>) disconnected."}.
 */
const DISCONNECTED = /^Service \(([\w-]+)\) disconnected\.?$/i;
/** Message of the connection error before its name is looked up. */
const DISCONNECTED_UNNAMED = /^The connection ([\w-]+) is disconnected in Digisac: /;

/**
 * Digisac's commonest production failures in the user's terms; its own text stays in the
 * description. Recorded 401 body: "Invalid token: access token is invalid" (douglara/digisac,
 * _get_request/not_authorized). What Digisac answers for a number without WhatsApp on a send is
 * not recorded (a contact create answers 200 with `valid: false`, handled by Contact → Create).
 */
function inUserTerms(statusCode: number, message: string, kind?: string): PlatformError {
	const platform = `Digisac: "${message}"${kind ? ` (${kind})` : ''}`;
	const disconnected = DISCONNECTED.exec(message);
	if (disconnected) {
		return {
			message: `The connection ${disconnected[1]} is disconnected in Digisac: reconnect it under Connections`,
			description: `${platform}. Its WhatsApp session (or other channel) is not connected, so nothing can be sent through it until it is reconnected (e.g. by reading the QR code again) or started with Connection → Start.`,
		};
	}
	// Only the recorded text: a message echoing something else stays as Digisac wrote it.
	if (statusCode === 401 && /^Invalid token: access token is invalid\.?$/i.test(message)) {
		return {
			message:
				'Digisac refused the API token (invalid, expired or revoked): check the API Token in the Digisac credential',
			description: `${platform}. Create a new personal access token in Digisac (Conta → API → Tokens de acesso pessoal) if this one was deleted, or check that the Account URL is this token's account.`,
		};
	}
	return { message, description: kind ? `(${kind})` : undefined };
}

/**
 * Puts the connection's name (and "WhatsApp" when it is one) into a "connection … is
 * disconnected" error, looked up with one GET; the ID stays where the lookup fails.
 */
async function withConnectionName<T>(context: RequestContext, send: () => Promise<T>): Promise<T> {
	let failure: unknown;
	try {
		return await send();
	} catch (error) {
		failure = error;
	}
	const unnamed =
		failure instanceof NodeApiError ? DISCONNECTED_UNNAMED.exec(failure.message) : null;
	if (failure instanceof NodeApiError && unnamed) {
		const service = await apiRequest<IDataObject>(
			context,
			'GET',
			`/api/v1/services/${unnamed[1]}`,
		).catch(() => undefined);
		const name = typeof service?.name === 'string' && service.name ? service.name : undefined;
		if (name) {
			const channel = /^whatsapp/i.test(String(service?.type ?? ''))
				? 'WhatsApp connection'
				: 'connection';
			failure.message = failure.message.replace(
				unnamed[0],
				`The ${channel} “${name}” is disconnected in Digisac: `,
			);
		}
	}
	throw failure;
}

const digisacService: ServiceDefinition = {
	name: 'Digisac',
	credentialType: 'digisacApi',
	secret: (credentials) => String(credentials.apiToken ?? ''),
	baseUrl: (credentials) => digisacRootUrl(credentials.accountUrl),
	detectError(response: ServiceResponse) {
		const { body, statusCode } = response;
		if (statusCode < 400) {
			if (isHtml(body)) {
				return {
					message: 'Digisac answered with an HTML page instead of JSON',
					description:
						'Check the Account URL in the Digisac credential (e.g. https://yourcompany.digisac.app).',
				};
			}
			return undefined;
		}
		// Digisac's envelope: {"error": "HttpError", "message": "Invalid token: …", "status": 401}.
		if (isObject(body)) {
			const message = typeof body.message === 'string' && body.message ? body.message : undefined;
			const kind = typeof body.error === 'string' ? body.error : undefined;
			if (message) return inUserTerms(statusCode, message, kind);
			if (kind) return { message: kind };
		}
		if (typeof body === 'string' && body.trim()) return { message: summarizeTextBody(body) };
		return undefined;
	},
	hintForStatus(statusCode) {
		if (statusCode === 401) return 'Check the API token in the Digisac credential.';
		if (statusCode === 403) return "The token's user lacks the permission for this action.";
		return undefined;
	},
};

interface DigisacRequest {
	qs?: IDataObject;
	body?: unknown;
	itemIndex?: number;
	idempotent?: boolean;
	acceptStatus?: number[];
	/** Send without the Authorization header (a file on another host, the OAuth token endpoint). */
	anonymous?: boolean;
}

export async function apiRequest<T = IDataObject>(
	context: RequestContext,
	method: IHttpRequestMethods,
	path: string,
	request: DigisacRequest = {},
): Promise<T> {
	const resolved = await accountPath(context, path);
	return await withConnectionName(
		context,
		async () =>
			await requestBody<T>(context, digisacService, { method, path: resolved, ...request }),
	);
}

/** Full response, for callers that look at the status (e.g. DELETE fallback) or headers. */
export async function apiRequestFull<T = IDataObject>(
	context: RequestContext,
	method: IHttpRequestMethods,
	path: string,
	request: DigisacRequest & { binary?: boolean } = {},
) {
	const resolved = await accountPath(context, path);
	return await withConnectionName(
		context,
		async () =>
			await sendRequest<T>(context, digisacService, { method, path: resolved, ...request }),
	);
}

/**
 * Streams a list page by page: `page` + `perPage` (the API ignores `limit`), until `currentPage`
 * reaches `lastPage`. Without those fields, a short page ends the list.
 */
export function apiRequestPages(
	context: RequestContext,
	path: string,
	qs: IDataObject = {},
	itemIndex?: number,
	perPage = DIGISAC_PAGE_SIZE,
): AsyncGenerator<IDataObject[]> {
	return pages<IDataObject>(
		async (page) => {
			const body = await apiRequest<IDataObject | IDataObject[]>(context, 'GET', path, {
				qs: { ...qs, page, perPage },
				itemIndex,
			});
			if (Array.isArray(body)) return { items: body, hasMore: false };
			const items = Array.isArray(body.data) ? (body.data as IDataObject[]) : [];
			const current = Number(body.currentPage ?? page);
			const last = Number(body.lastPage);
			const hasMore = Number.isFinite(last) ? current < last : items.length >= perPage;
			return { items, hasMore };
		},
		{ context, service: digisacService, itemIndex },
	);
}

export async function apiRequestAllItems(
	context: RequestContext,
	path: string,
	qs: IDataObject = {},
	limit?: number,
	itemIndex?: number,
	keep?: (record: IDataObject) => boolean,
): Promise<IDataObject[]> {
	// Ask for no more than needed when a small limit is set (unless records are dropped on our side).
	const perPage =
		limit !== undefined && !keep
			? Math.min(DIGISAC_PAGE_SIZE, Math.max(1, limit))
			: DIGISAC_PAGE_SIZE;
	const stream = apiRequestPages(context, path, qs, itemIndex, perPage);
	return await collect(keep ? keptRecords(stream, keep) : stream, limit);
}

async function* keptRecords(
	stream: AsyncIterable<IDataObject[]>,
	keep: (record: IDataObject) => boolean,
): AsyncGenerator<IDataObject[]> {
	for await (const records of stream) yield records.filter(keep);
}

/** A file fetched from Digisac or from the storage host a file URL points to. */
interface DownloadedFile {
	data: Buffer;
	/** From the response's Content-Type, when it sent one. */
	mimeType?: string;
	/** From the response's Content-Disposition, when it sent one. */
	disposition?: string;
	/** The file is larger than the cap the caller set: `data` is empty, nothing more was read. */
	tooLarge?: boolean;
}

/**
 * Whether a file URL is on the account's own origin (scheme, host and port), so the token may go
 * with it. A relative URL is. An `http://` URL on an `https://` account's host is not: the token
 * would cross the network in clear text.
 */
export function isAccountOrigin(accountUrl: unknown, url: string): boolean {
	let account: URL;
	try {
		account = new URL(digisacRootUrl(accountUrl));
	} catch {
		return false;
	}
	if (!/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith('//')) return true;
	try {
		const target = new URL(url, account);
		return (
			(target.protocol === 'https:' || target.protocol === 'http:') &&
			target.origin === account.origin
		);
	} catch {
		return false;
	}
}

/**
 * Closes a response stream after at most its first chunk. axios (1.12 and later) hands a stream
 * out as `Readable.from()` of a generator that reads the connection; destroying it before that
 * generator started leaves the connection open (paused), so one chunk is pulled, then the loop
 * is left, which closes the generator and the connection with it.
 */
async function closeStream(body: unknown): Promise<void> {
	const iterable = body as Partial<AsyncIterable<unknown>> | undefined;
	if (typeof iterable?.[Symbol.asyncIterator] !== 'function') return;
	for await (const _chunk of iterable as AsyncIterable<unknown>) break;
}

/**
 * Reads a response stream into memory, stopping (and closing it) as soon as it passes maxBytes;
 * then undefined.
 */
async function readCapped(
	body: unknown,
	maxBytes: number | undefined,
): Promise<Buffer | undefined> {
	if (!body || typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] !== 'function')
		return toBuffer(body);
	const chunks: Buffer[] = [];
	let size = 0;
	// Leaving the loop early destroys the stream: nothing more is received.
	for await (const chunk of body as AsyncIterable<Buffer | string>) {
		const part = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
		size += part.length;
		if (maxBytes !== undefined && size > maxBytes) return undefined;
		chunks.push(part);
	}
	return Buffer.concat(chunks, size);
}

/**
 * Downloads a file URL that the API returned or the node built (`file.url`, absolute or relative
 * to the account) — never one a webhook delivery named. The token goes only to the account's own
 * origin; a URL elsewhere (a signed storage URL) is fetched without the Authorization header.
 * With `maxBytes`, a file declared or turning out larger comes back as `tooLarge` as soon as that
 * is known: the body is streamed and reading stops at the cap.
 */
export async function downloadDigisacFile(
	context: RequestContext,
	url: string,
	itemIndex?: number,
	maxBytes?: number,
): Promise<DownloadedFile> {
	const credentials = await getServiceCredentials(context, digisacService.credentialType);
	const anonymous = !isAccountOrigin(credentials.accountUrl, url);
	const path = /^https?:\/\//i.test(url) || url.startsWith('/') ? url : `/${url}`;
	const response = await sendRequest<unknown>(context, digisacService, {
		method: 'GET',
		path,
		stream: true,
		anonymous,
		itemIndex,
	});
	const headers = response.headers ?? {};
	const declared = Number(headerValue(headers, 'content-length'));
	let data: Buffer | undefined;
	if (maxBytes !== undefined && Number.isFinite(declared) && declared > maxBytes)
		await closeStream(response.body);
	else data = await readCapped(response.body, maxBytes);
	if (!data) return { data: Buffer.alloc(0), tooLarge: true };
	return {
		data,
		mimeType: headerValue(headers, 'content-type')?.split(';')[0].trim() || undefined,
		disposition: headerValue(headers, 'content-disposition'),
	};
}
