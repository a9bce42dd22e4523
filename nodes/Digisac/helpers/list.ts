import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { readLimit } from '../../shared/parameters';
import { apiRequestAllItems } from '../transport';

import type { DigisacQuery } from './query';
import { mergeQuery, queryParameter, readRawQuery } from './query';

/**
 * Pages through a list endpoint with the filter query (merged with the user's raw query), stopping
 * as soon as the limit is reached, and returns one item per record (per record `keep` accepts,
 * when given: the limit counts only those).
 */
export async function listItems(
	context: IExecuteFunctions,
	itemIndex: number,
	path: string,
	built: DigisacQuery = {},
	extraQs: IDataObject = {},
	keep?: (record: IDataObject) => boolean,
): Promise<INodeExecutionData[]> {
	const limit = readLimit(context, itemIndex);
	const query = mergeQuery(built, readRawQuery(context, itemIndex));
	const records = await apiRequestAllItems(
		context,
		path,
		{ ...extraQs, ...queryParameter(query) },
		limit,
		itemIndex,
		keep,
	);
	return records.map((json) => ({ json }));
}

/** Sorted by name, without archived records unless Include Archived is on. */
export function activeByName(options: IDataObject): DigisacQuery {
	const query: DigisacQuery = { order: [['name', 'ASC']] };
	if (!options.includeArchived) query.where = { archivedAt: { $eq: null } };
	return query;
}
