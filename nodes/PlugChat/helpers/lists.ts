import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

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

/** Applies Return All / Limit to a list PlugChat returns in one piece. */
export function limitResults<T>(context: IExecuteFunctions, itemIndex: number, rows: T[]): T[] {
	if (context.getNodeParameter('returnAll', itemIndex, false) === true) return rows;
	const limit = Number(context.getNodeParameter('limit', itemIndex, 50));
	return Number.isFinite(limit) && limit > 0 ? rows.slice(0, limit) : rows;
}

/** Return All / Limit for a paged list: undefined means every page. */
export function pageLimit(context: IExecuteFunctions, itemIndex: number): number | undefined {
	if (context.getNodeParameter('returnAll', itemIndex, false) === true) return undefined;
	const limit = Number(context.getNodeParameter('limit', itemIndex, 50));
	return Number.isFinite(limit) && limit > 0 ? limit : 50;
}
