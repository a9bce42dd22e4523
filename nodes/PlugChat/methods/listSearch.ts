import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { listOf } from '../../shared/json';
import { isGroupId } from '../helpers/phone';
import { foldText } from '../helpers/text';
import { apiRequest } from '../transport';

const SEARCH_PAGE_SIZE = 50;

/**
 * PlugChat's lists take no search parameter, so the filter is applied here: a name matches
 * whatever its accents and case, a number by its digits (3 or more) whatever its formatting.
 */
function matches(filter: string | undefined, ...values: unknown[]): boolean {
	if (!filter) return true;
	const wanted = foldText(filter);
	const digits = filter.replace(/\D/g, '');
	return values.some((value) => {
		const text = foldText(value);
		return (
			text.includes(wanted) || (digits.length >= 3 && text.replace(/\D/g, '').includes(digits))
		);
	});
}

function isGroupChat(chat: IDataObject): boolean {
	return chat.isGroup === true || isGroupId(String(chat.phone ?? ''));
}

/**
 * One page of `/api/whatsapp/chats` (pages from 1), filtered on name and number. The next page
 * number is the pagination token while pages come back full.
 */
async function searchChatPage(
	context: ILoadOptionsFunctions,
	keep: (chat: IDataObject) => boolean,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = Math.max(1, Number(paginationToken) || 1);
	const chats = listOf(
		await apiRequest(context, 'GET', '/api/whatsapp/chats', {
			qs: { page, pageSize: SEARCH_PAGE_SIZE },
		}),
	);
	const results: INodeListSearchItems[] = chats
		.filter(
			(chat) =>
				typeof chat.phone === 'string' &&
				chat.phone &&
				keep(chat) &&
				matches(filter, chat.name, chat.phone),
		)
		.map((chat) => ({
			name:
				chat.name && chat.name !== chat.phone
					? `${String(chat.name)} (${String(chat.phone)})`
					: String(chat.phone),
			value: String(chat.phone),
		}));
	return {
		results,
		paginationToken: chats.length >= SEARCH_PAGE_SIZE ? String(page + 1) : undefined,
	};
}

export async function searchChats(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchChatPage(this, () => true, filter, paginationToken);
}

export async function searchPeopleChats(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchChatPage(this, (chat) => !isGroupChat(chat), filter, paginationToken);
}

export async function searchGroups(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchChatPage(this, isGroupChat, filter, paginationToken);
}

/** Messages waiting in the send queue, by their zaapId. */
export async function searchQueue(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const body = (await apiRequest<unknown>(this, 'GET', '/api/whatsapp/queue')) as
		| IDataObject
		| undefined;
	const messages = listOf(body && typeof body === 'object' ? body.messages : undefined);
	const results = messages
		.filter((message) => message.ZaapId ?? message.zaapId)
		.filter((message) =>
			matches(
				filter,
				message.Message ?? message.message,
				message.Phone ?? message.phone,
				message.ZaapId ?? message.zaapId,
			),
		)
		.map((message) => {
			const text = String(message.Message ?? message.message ?? '').slice(0, 40);
			const phone = String(message.Phone ?? message.phone ?? '');
			return {
				name: `${phone}: ${text || '(media)'}`,
				value: String(message.ZaapId ?? message.zaapId),
			};
		});
	return { results };
}
