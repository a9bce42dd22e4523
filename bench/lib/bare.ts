import axios from 'axios';
import type { AxiosRequestConfig } from 'axios';

/**
 * The bare loop the nodes are measured against: one awaited axios call per item, nothing else.
 * Axios is what n8n's own request helpers use underneath, so the difference is the node's work
 * and the engine's, not the HTTP client's.
 */
export async function bareLoop(
	count: number,
	request: (index: number) => AxiosRequestConfig,
): Promise<unknown[]> {
	const results: unknown[] = [];
	for (let i = 0; i < count; i++) {
		const response = await axios.request(request(i));
		results.push(response.data);
	}
	return results;
}

/** The same loop with `concurrency` requests in flight, output kept in input order. */
export async function bareConcurrent(
	count: number,
	concurrency: number,
	request: (index: number) => AxiosRequestConfig,
): Promise<unknown[]> {
	const results: unknown[] = new Array(count);
	for (let start = 0; start < count; start += concurrency) {
		const indexes = Array.from(
			{ length: Math.min(concurrency, count - start) },
			(_, k) => start + k,
		);
		await Promise.all(
			indexes.map(async (i) => {
				results[i] = (await axios.request(request(i))).data;
			}),
		);
	}
	return results;
}

/**
 * A bare paging loop: ask page after page and keep the records, ending on the same condition the
 * node's transport uses for that platform.
 */
export async function barePaging<T>(
	fetchPage: (page: number) => AxiosRequestConfig,
	read: (body: unknown, page: number) => { records: T[]; more: boolean },
	firstPage = 1,
): Promise<T[]> {
	const all: T[] = [];
	for (let page = firstPage; ; page++) {
		const { data } = await axios.request(fetchPage(page));
		const { records, more } = read(data, page);
		for (const record of records) all.push(record);
		if (!more || records.length === 0) return all;
	}
}
