import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import type { DigisacQuery } from '../helpers/query';
import { likePattern, nameOrNumberSearch, queryParameter } from '../helpers/query';
import { stringField } from '../helpers/responses';
import { apiRequest } from '../transport';

const PAGE_SIZE = 50;

/** Pages read in one call at most when most records of a page are dropped (accent-blind search). */
const MAX_PAGES_PER_CALL = 5;
/** Fewer results than this after dropping records: read the next page in the same call. */
const FEW_RESULTS = 10;

/**
 * One page of a list, in the shape resource locators want, with the next page as token. Where
 * `toResult` drops records (the false positives of an accent-blind name search), up to
 * MAX_PAGES_PER_CALL pages are read until FEW_RESULTS are found, so the list is not left with a
 * "more" token and nothing in it.
 */
async function searchPage(
	context: ILoadOptionsFunctions,
	path: string,
	query: DigisacQuery,
	paginationToken: string | undefined,
	toResult: (record: IDataObject) => INodeListSearchItems | undefined,
): Promise<INodeListSearchResult> {
	let page = Math.max(1, Number(paginationToken) || 1);
	const results: INodeListSearchItems[] = [];
	for (let read = 1; ; read++, page++) {
		const body = await apiRequest<IDataObject | IDataObject[]>(context, 'GET', path, {
			qs: { ...queryParameter(query), page, perPage: PAGE_SIZE },
		});
		const records = Array.isArray(body)
			? body
			: Array.isArray(body?.data)
				? (body.data as IDataObject[])
				: [];
		const kept = records
			.map(toResult)
			.filter((item): item is INodeListSearchItems => item !== undefined);
		results.push(...kept);
		let hasMore = false;
		if (!Array.isArray(body) && body) {
			const last = Number(body.lastPage);
			hasMore = Number.isFinite(last)
				? Number(body.currentPage ?? page) < last
				: records.length >= PAGE_SIZE;
		}
		const dropped = kept.length < records.length;
		if (!hasMore) return { results };
		if (!dropped || results.length >= FEW_RESULTS || read >= MAX_PAGES_PER_CALL)
			return { results, paginationToken: String(page + 1) };
	}
}

function contactLabel(record: IDataObject): string {
	const name =
		stringField(record, 'internalName') ||
		stringField(record, 'name') ||
		stringField(record, 'alternativeName');
	const number = stringField(record, 'data', 'number');
	if (name && number) return `${name} (${number})`;
	return name || number || String(record.id);
}

function contactQuery(
	filter: string | undefined,
	isGroup: boolean,
): { query: DigisacQuery; keep?: (record: IDataObject) => boolean } {
	const where: IDataObject = { isGroup: { $eq: isGroup } };
	const term = filter?.trim();
	if (!term) return { query: { where, order: [['name', 'ASC']] } };
	const { conditions, keep } = nameOrNumberSearch(term, ['name', 'internalName']);
	where.$or = conditions;
	return { query: { where, order: [['name', 'ASC']] }, keep };
}

function idItem(record: IDataObject, name: string): INodeListSearchItems | undefined {
	const id = stringField(record, 'id');
	return id ? { name, value: id } : undefined;
}

/** Contacts or WhatsApp groups (contacts whose "isGroup" is true), by name or number. */
async function searchContactList(
	context: ILoadOptionsFunctions,
	groups: boolean,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const { query, keep } = contactQuery(filter, groups);
	return await searchPage(context, '/api/v1/contacts', query, paginationToken, (record) =>
		!keep || keep(record) ? idItem(record, contactLabel(record)) : undefined,
	);
}

export async function searchContacts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchContactList(this, false, filter, paginationToken);
}

export async function searchGroups(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchContactList(this, true, filter, paginationToken);
}

export async function searchTickets(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const term = filter?.trim();
	const query: DigisacQuery = { order: [['updatedAt', 'DESC']], include: ['contact'] };
	if (term) query.where = { protocol: { $iLike: likePattern(term) } };
	return await searchPage(this, '/api/v1/tickets', query, paginationToken, (record) => {
		const protocol = stringField(record, 'protocol') ?? stringField(record, 'id');
		const contact = record.contact ? contactLabel(record.contact as IDataObject) : undefined;
		const state = record.isOpen === true ? 'open' : record.isOpen === false ? 'closed' : undefined;
		const name = [`#${protocol}`, contact, state ? `(${state})` : undefined]
			.filter(Boolean)
			.join(' ');
		return idItem(record, name);
	});
}

export async function searchMessages(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const term = filter?.trim();
	const query: DigisacQuery = { order: [['timestamp', 'DESC']] };
	if (term) query.where = { text: { $iLike: likePattern(term) } };
	return await searchPage(this, '/api/v1/messages', query, paginationToken, (record) => {
		const text = (stringField(record, 'text') ?? '').replace(/\s+/g, ' ').trim();
		const preview =
			text.length > 60
				? `${text.slice(0, 57)}...`
				: text || `[${stringField(record, 'type') ?? 'message'}]`;
		const when = stringField(record, 'timestamp')?.slice(0, 16).replace('T', ' ');
		return idItem(record, when ? `${when} ${preview}` : preview);
	});
}

export async function searchWebhooks(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const term = filter?.trim();
	const query: DigisacQuery = {};
	if (term)
		query.where = {
			$or: [{ name: { $iLike: likePattern(term) } }, { url: { $iLike: likePattern(term) } }],
		};
	return await searchPage(this, '/api/v1/me/webhooks', query, paginationToken, (record) => {
		const name = stringField(record, 'name');
		const url = stringField(record, 'url');
		return idItem(record, name && url ? `${name} (${url})` : name || url || String(record.id));
	});
}
