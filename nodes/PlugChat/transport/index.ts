import { createHash } from 'crypto';

import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestMethods,
} from 'n8n-workflow';

import { isHtml, summarizeTextBody } from '../../shared/errors';
import { isObject } from '../../shared/json';
import { collect, pages } from '../../shared/paging';
import type { RequestContext, ServiceDefinition, ServiceResponse } from '../../shared/transport';
import { requestBody, sendRequest, trimUrl } from '../../shared/transport';

/**
 * Records asked per page. PlugChat documents no maximum; the loop below does not rely on getting
 * this many back, so a lower server-side cap costs requests, never records.
 */
const PLUGCHAT_PAGE_SIZE = 100;

/** The account's host, as every request uses it. */
function plugChatBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	return trimUrl(String(credentials.baseUrl || 'https://app.plugchat.com.br')).replace(
		/\/api$/i,
		'',
	);
}

/**
 * Tells PlugChat accounts apart without keeping the token: a short SHA-256 of the host and the
 * (trimmed) token the credential sends. The trigger records it with what it registered, so it
 * never clears a URL on an account it did not register on.
 */
export function plugChatAccount(credentials: ICredentialDataDecryptedObject): string {
	const token = String(credentials.apiToken ?? '').trim();
	return createHash('sha256')
		.update(`${plugChatBaseUrl(credentials)}\n${token}`)
		.digest('hex')
		.slice(0, 16);
}

const plugChatService: ServiceDefinition = {
	name: 'PlugChat',
	credentialType: 'plugChatApi',
	secret: (credentials) => String(credentials.apiToken ?? ''),
	baseUrl: plugChatBaseUrl,
	// PlugChat answers 415 to a body without this header; its own samples send it on every call.
	headers: { 'Content-Type': 'application/json' },
	detectError(response: ServiceResponse) {
		const { body, statusCode } = response;
		if (statusCode < 400) {
			if (isHtml(body)) {
				return {
					message: 'PlugChat answered with an HTML page instead of JSON',
					description:
						'Check the Base URL in the PlugChat credential (default https://app.plugchat.com.br).',
				};
			}
			return undefined;
		}
		// No error schema is documented: take whatever message the body carries.
		if (isObject(body)) {
			for (const key of ['message', 'error', 'msg', 'detail']) {
				const value = body[key];
				if (typeof value === 'string' && value) return { message: value };
				if (isObject(value) && typeof value.message === 'string') return { message: value.message };
			}
		}
		if (typeof body === 'string' && body.trim()) return { message: summarizeTextBody(body) };
		return undefined;
	},
	hintForStatus(statusCode) {
		switch (statusCode) {
			case 401:
				return 'The token is missing or invalid (PlugChat sends the raw token; set Authorization Scheme to Bearer in the credential if your account expects it). On webhook updates a 401 can also mean a malformed body.';
			case 405:
				return 'PlugChat refused the HTTP method for this endpoint.';
			case 415:
				return 'PlugChat needs "Content-Type: application/json" on this request.';
			case 500:
				return 'PlugChat answers 500 for an invalid attendance (ticket) number, among other server errors.';
			default:
				return undefined;
		}
	},
};

interface PlugChatRequest {
	qs?: IDataObject;
	body?: unknown;
	headers?: Record<string, string>;
	itemIndex?: number;
	idempotent?: boolean;
	acceptStatus?: number[];
	/** For absolute URLs on another host (WhatsApp's CDN): sent without the PlugChat token. */
	anonymous?: boolean;
}

export async function apiRequest<T = unknown>(
	context: RequestContext,
	method: IHttpRequestMethods,
	path: string,
	request: PlugChatRequest = {},
): Promise<T> {
	return await requestBody<T>(context, plugChatService, { method, path, ...request });
}

export async function apiRequestFull<T = unknown>(
	context: RequestContext,
	method: IHttpRequestMethods,
	path: string,
	request: PlugChatRequest & { binary?: boolean } = {},
) {
	return await sendRequest<T>(context, plugChatService, { method, path, ...request });
}

/**
 * Streams a `page`/`pageSize` list. PlugChat returns a bare array with no total, so an empty page
 * is the end (the reference's rule). `firstPage` is 1 for the Z-API-style WhatsApp
 * lists and 0 for pending chats (the vendor's sample sends page=0); a page that repeats the
 * previous one also ends the loop, so a wrong guess cannot duplicate records.
 */
export function apiRequestPages(
	context: RequestContext,
	path: string,
	qs: IDataObject = {},
	options: { firstPage?: number; pageSize?: number; itemIndex?: number } = {},
): AsyncGenerator<IDataObject[]> {
	const pageSize = options.pageSize ?? PLUGCHAT_PAGE_SIZE;
	return pages<IDataObject>(
		async (page) => {
			const body = await apiRequest<unknown>(context, 'GET', path, {
				qs: { ...qs, page, pageSize },
				itemIndex: options.itemIndex,
			});
			const items = Array.isArray(body)
				? (body as IDataObject[])
				: isObject(body) && Array.isArray(body.data)
					? (body.data as IDataObject[])
					: [];
			// No total and no next-page field: only an empty page (or one repeating the previous page,
			// see pages()) ends the list. A short page is not the end: the server may cap pageSize.
			return { items, hasMore: true };
		},
		{
			context,
			service: plugChatService,
			firstPage: options.firstPage ?? 1,
			itemIndex: options.itemIndex,
		},
	);
}

export async function apiRequestAllItems(
	context: RequestContext,
	path: string,
	qs: IDataObject = {},
	limit?: number,
	options: { firstPage?: number; pageSize?: number; itemIndex?: number } = {},
): Promise<IDataObject[]> {
	return await collect(apiRequestPages(context, path, qs, options), limit);
}
