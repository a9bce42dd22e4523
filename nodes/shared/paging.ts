import { createHash } from 'crypto';

import { apiError } from './errors';
import { PAGING_POLICY } from './retry';
import type { RequestContext, ServiceDefinition } from './transport';

/** One page as the shared loop sees it: the records, and whether another page should be asked for. */
export interface Page<T> {
	items: T[];
	hasMore: boolean;
}

export interface PagingOptions {
	/** For the errors: the node, and the platform's name. */
	context: RequestContext;
	service: Pick<ServiceDefinition, 'name'>;
	/** 1 for most lists; PlugChat's pending chats start at 0. */
	firstPage?: number;
	itemIndex?: number;
}

/**
 * Walks a paged API one page at a time, yielding each page's records as they arrive. Stops on the
 * API's own end condition (`hasMore`) or on an empty page. A page identical to the one before it
 * also ends the list: an API that ignores the page number answers every page with the first one.
 * Two cases end in an error instead, since following them would never end: a page identical to an
 * earlier, not adjacent one (the server cycles: A, B, A...), and more than PAGING_POLICY.maxPages
 * pages (the server keeps announcing one more).
 */
export async function* pages<T>(
	fetchPage: (page: number) => Promise<Page<T>>,
	options: PagingOptions,
): AsyncGenerator<T[]> {
	const { context, service } = options;
	const firstPage = options.firstPage ?? 1;
	/** A digest of every page so far, with its page number: a few bytes per page. */
	const seen = new Map<string, number>();
	let previous: string | undefined;
	for (let page = firstPage, count = 1; ; page++, count++) {
		const { items, hasMore } = await fetchPage(page);
		if (items.length === 0) return;
		const fingerprint = createHash('sha256').update(JSON.stringify(items)).digest('base64');
		if (fingerprint === previous) return;
		const earlier = seen.get(fingerprint);
		if (earlier !== undefined) {
			throw apiError(context, [], {
				message: `${service.name} sent page ${earlier} again as page ${page}`,
				description: `Return All stopped: the list came back to a page it had already sent, so it would never end and would repeat records. Use a Limit or a narrower filter, or report the list to ${service.name}.`,
				itemIndex: options.itemIndex,
			});
		}
		seen.set(fingerprint, page);
		previous = fingerprint;
		yield items;
		if (!hasMore) return;
		if (count >= PAGING_POLICY.maxPages) {
			throw apiError(context, [], {
				message: `${service.name} kept announcing more pages: stopped after ${count} pages`,
				description: `Return All reads at most ${PAGING_POLICY.maxPages} pages of one list, far more than a real account has; after ${count} pages ${service.name} still said another one follows. Use a Limit or a narrower filter.`,
				itemIndex: options.itemIndex,
			});
		}
	}
}

/**
 * Collects records from a page stream, stopping as soon as `limit` records are in hand so no
 * page beyond the one that fills the limit is requested.
 */
export async function collect<T>(stream: AsyncIterable<T[]>, limit?: number): Promise<T[]> {
	const result: T[] = [];
	for await (const items of stream) {
		for (const item of items) {
			result.push(item);
			if (limit !== undefined && result.length >= limit) return result;
		}
	}
	return result;
}
