import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { objectOf } from '../../shared/json';
import { apiRequest, listData, TOMTICKET_PAGE_SIZE } from '../transport';

function hasNextPage(body: IDataObject, page: number, count: number): boolean {
	if ('next_page' in body)
		return body.next_page !== null && body.next_page !== false && body.next_page !== 0;
	const pages = Number(body.pages);
	if (Number.isFinite(pages) && pages > 0) return page < pages;
	return count >= TOMTICKET_PAGE_SIZE;
}

/**
 * Text as a search compares it: lower case, without accents ("João" and "joao" match), since
 * agents often type without them.
 */
function searchable(text: string): string {
	return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * One page of a list for a resource locator. A number is searched as a protocol (the API filters
 * by it); other text is matched locally against the page's names, since the API has no text search
 * (TomTicket documents no name filter on its ticket, chat or customer lists).
 */
async function searchPage(
	context: ILoadOptionsFunctions,
	path: string,
	filter: string | undefined,
	paginationToken: string | undefined,
	toResult: (record: IDataObject) => INodeListSearchItems | undefined,
): Promise<INodeListSearchResult> {
	const page = Math.max(1, Number(paginationToken) || 1);
	const text = (filter ?? '').trim();
	const protocol = /^#?\s*(\d+)$/.exec(text)?.[1];
	const qs: IDataObject = { page };
	if (protocol && path !== '/customer/list') {
		qs.min_protocol = protocol;
		qs.max_protocol = protocol;
	}
	const body = await apiRequest(context, 'GET', path, { qs });
	const records = listData(body);
	const needle = protocol && path !== '/customer/list' ? '' : searchable(text);
	const results = records
		.map(toResult)
		.filter((entry): entry is INodeListSearchItems => entry !== undefined)
		.filter((entry) => !needle || searchable(entry.name).includes(needle));
	return {
		results,
		paginationToken: hasNextPage(body, page, records.length) ? String(page + 1) : undefined,
	};
}

export async function searchTickets(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchPage(this, '/ticket/list', filter, paginationToken, (ticket) => {
		if (!ticket.id) return undefined;
		const customer = objectOf(ticket.customer).name;
		return {
			name: `#${String(ticket.protocol ?? '?')} - ${String(ticket.subject ?? '')}${customer ? ` (${String(customer)})` : ''}`,
			value: String(ticket.id),
		};
	});
}

export async function searchChats(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchPage(this, '/chat/list', filter, paginationToken, (chat) => {
		if (!chat.id) return undefined;
		const customer = objectOf(chat.customer).name;
		const department = objectOf(chat.department).name;
		return {
			name: `#${String(chat.protocol ?? '?')} - ${String(customer ?? 'Unknown customer')}${department ? ` (${String(department)})` : ''}`,
			value: String(chat.id),
		};
	});
}

/** Customers by internal id (their e-mail when they have none). */
export async function searchCustomers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchPage(this, '/customer/list', filter, paginationToken, (customer) => {
		const internalId = String(customer.internal_id ?? '').trim();
		const email = String(customer.email ?? '').trim();
		const value = internalId || email;
		if (!value) return undefined;
		const label = [internalId, email].filter(Boolean).join(', ');
		return { name: `${String(customer.name ?? value)} (${label})`, value };
	});
}
