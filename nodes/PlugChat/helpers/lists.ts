import type { IDataObject } from 'n8n-workflow';

import { isObject } from '../../shared/parameters';

/** A list answer as an array of objects: a bare array, or `{data: [...]}`; anything else is empty. */
export function asList(body: unknown): IDataObject[] {
	const rows = Array.isArray(body)
		? body
		: isObject(body) && Array.isArray(body.data)
			? body.data
			: [];
	return (rows as unknown[]).filter(isObject);
}
