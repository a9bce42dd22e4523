import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { isHtml, summarizeTextBody } from '../../shared/errors';
import { isObject } from '../../shared/json';
import { collect, pages } from '../../shared/paging';
import type { RequestContext, ServiceDefinition, ServiceResponse } from '../../shared/transport';
import { requestBody, trimUrl } from '../../shared/transport';

/** TomTicket always pages by 50 and has no page-size parameter. */
export const TOMTICKET_PAGE_SIZE = 50;

export const tomTicketService: ServiceDefinition = {
	name: 'TomTicket',
	credentialType: 'tomTicketApi',
	secret: (credentials) => String(credentials.apiToken ?? ''),
	baseUrl: (credentials) => trimUrl(credentials.baseUrl || 'https://api.tomticket.com/v2.0'),
	// Documented limit: 3 requests per second per token. Requests queue instead of failing.
	requestsPerSecond: 3,
	detectError(response: ServiceResponse) {
		const { body, statusCode } = response;
		if (statusCode === 429) {
			// TomTicket's 429 is an nginx HTML page, never shown raw.
			return { message: 'TomTicket rate limit reached (3 requests per second per token)' };
		}
		if (typeof body === 'string') {
			if (statusCode >= 400) return { message: body.trim() ? summarizeTextBody(body) : '' };
			if (isHtml(body)) {
				return {
					message: 'TomTicket answered with an HTML page instead of JSON',
					description:
						'Check the Base URL in the TomTicket credential (default https://api.tomticket.com/v2.0).',
				};
			}
			return undefined;
		}
		if (isObject(body) && (body.error === true || body.error === 'true' || body.error === 1)) {
			return { message: String(body.message || 'TomTicket reported an error') };
		}
		if (statusCode >= 400 && isObject(body) && typeof body.message === 'string' && body.message) {
			return { message: body.message };
		}
		return undefined;
	},
	hintForStatus(statusCode) {
		if (statusCode === 401) {
			return 'TomTicket answers 401 for a wrong token and also for values it refuses (a malformed date, a JSON body). Check the token in the credential and the fields sent.';
		}
		if (statusCode === 403)
			return 'The account plan may not include the API (Premium or Enterprise), or the token lacks this permission.';
		if (statusCode === 404)
			return 'Check the ID: tickets are identified by their hash ID, not their protocol number.';
		return undefined;
	},
};

interface TomTicketRequest {
	qs?: IDataObject;
	/** Writes are multipart: pass a FormData built with buildFormData(). */
	body?: FormData;
	itemIndex?: number;
	idempotent?: boolean;
	/** Status codes the caller handles itself (their body is returned instead of an error). */
	acceptStatus?: number[];
}

/**
 * Sends one request and returns the answer as an object whatever came back, so callers never
 * meet a bare `true`, `null` or array: a bare array becomes `{ data: [...] }`, an empty body `{}`,
 * any other bare value `{ result: value }`.
 */
export async function apiRequest<T = IDataObject>(
	context: RequestContext,
	method: IHttpRequestMethods,
	path: string,
	request: TomTicketRequest = {},
): Promise<T> {
	const body = await requestBody<unknown>(context, tomTicketService, { method, path, ...request });
	if (isObject(body)) return body as T;
	if (Array.isArray(body)) return { data: body } as T;
	if (body === undefined || body === null || body === '') return {} as T;
	return { result: body } as T;
}

/**
 * The records of one list answer: `data` is usually an array, sometimes an id-keyed object, and
 * possibly a lone record.
 */
export function listData(body: IDataObject): IDataObject[] {
	const data = isObject(body) ? body.data : undefined;
	if (Array.isArray(data)) return data.filter(isObject);
	// A single record (it has an id of its own) rather than a map of records.
	if (isObject(data) && 'id' in data && !isObject(data.id)) return [data];
	if (isObject(data)) return Object.values(data).filter(isObject);
	return [];
}

/**
 * Streams a TomTicket list page by page. Ends when `next_page` is null, when `page` reaches
 * `pages`, or on an empty page; when the API sends neither field, a page shorter than 50 ends it.
 */
export function apiRequestPages(
	context: RequestContext,
	path: string,
	qs: IDataObject = {},
	itemIndex?: number,
): AsyncGenerator<IDataObject[]> {
	return pages<IDataObject>(
		async (page) => {
			const body = await apiRequest(context, 'GET', path, { qs: { ...qs, page }, itemIndex });
			const items = listData(body);
			const totalPages = Number(body.pages);
			const hasNextField = 'next_page' in body;
			let hasMore: boolean;
			if (hasNextField)
				hasMore = body.next_page !== null && body.next_page !== false && body.next_page !== 0;
			else if (Number.isFinite(totalPages) && totalPages > 0) hasMore = page < totalPages;
			else hasMore = items.length >= TOMTICKET_PAGE_SIZE;
			if (Number.isFinite(totalPages) && totalPages > 0 && page >= totalPages) hasMore = false;
			return { items, hasMore };
		},
		{ context, service: tomTicketService, itemIndex },
	);
}

export async function apiRequestAllItems(
	context: RequestContext,
	path: string,
	qs: IDataObject = {},
	limit?: number,
	itemIndex?: number,
): Promise<IDataObject[]> {
	return await collect(apiRequestPages(context, path, qs, itemIndex), limit);
}
