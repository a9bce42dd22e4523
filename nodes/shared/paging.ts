/** One page as the shared loop sees it: the records, and whether another page should be asked for. */
export interface Page<T> {
	items: T[];
	hasMore: boolean;
}

/**
 * Walks a paged API one page at a time, yielding each page's records as they arrive. Stops on the
 * API's own end condition (`hasMore`), on an empty page, or when a page repeats the previous one
 * (an API that ignores the page parameter would otherwise loop forever).
 */
export async function* pages<T>(
	fetchPage: (page: number) => Promise<Page<T>>,
	firstPage = 1,
): AsyncGenerator<T[]> {
	let previousFingerprint: string | undefined;
	for (let page = firstPage; ; page++) {
		const { items, hasMore } = await fetchPage(page);
		if (items.length === 0) return;
		const fingerprint = `${items.length}:${JSON.stringify(items[0])}:${JSON.stringify(items[items.length - 1])}`;
		if (fingerprint === previousFingerprint) return;
		previousFingerprint = fingerprint;
		yield items;
		if (!hasMore) return;
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
