import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { returnAllOrLimit, updateDisplayOptions } from '../../shared/descriptions';
import { requireNumber } from '../../shared/parameters';
import { rawQueryOption } from '../actions/common.description';
import { apiRequestAllItems } from '../transport';

import type { DigisacQuery } from './query';
import { mergeQuery, queryParameter, readRawQuery } from './query';

/** Reads Return All / Limit: undefined means every record. */
export function readLimit(context: IExecuteFunctions, itemIndex: number): number | undefined {
	const returnAll = context.getNodeParameter('returnAll', itemIndex, false) as boolean;
	if (returnAll) return undefined;
	return requireNumber(context, 'limit', itemIndex, { min: 1, integer: true });
}

/**
 * Pages through a list endpoint with the filter query (merged with the user's raw query), stopping
 * as soon as the limit is reached, and returns one item per record.
 */
export async function listItems(
	context: IExecuteFunctions,
	itemIndex: number,
	path: string,
	built: DigisacQuery = {},
	extraQs: IDataObject = {},
): Promise<INodeExecutionData[]> {
	const limit = readLimit(context, itemIndex);
	const query = mergeQuery(built, readRawQuery(context, itemIndex));
	const records = await apiRequestAllItems(
		context,
		path,
		{ ...extraQs, ...queryParameter(query) },
		limit,
		itemIndex,
	);
	return records.map((json) => ({ json }));
}

/**
 * A plain Get Many operation (Return All / Limit, any extra options, and the raw query option) for
 * resources that have no filter fields of their own. `build` turns the Options collection into the
 * base query.
 */
export function simpleGetAll(
	resource: string,
	path: string,
	build?: (options: IDataObject) => DigisacQuery,
	extraOptions: INodeProperties[] = [],
) {
	const show = { resource: [resource], operation: ['getAll'] };
	const properties: INodeProperties[] = [
		...returnAllOrLimit(show),
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add option',
			default: {},
			options: [...extraOptions, rawQueryOption],
		},
	];
	return {
		description: updateDisplayOptions({ show }, properties),
		async execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
			const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
			return await listItems(this, itemIndex, path, build ? build(options) : {});
		},
	};
}

/** The Include Archived option of lists whose records can be archived (hidden unless chosen). */
export function archivedListOption(records: string): INodeProperties {
	return {
		displayName: 'Include Archived',
		name: 'includeArchived',
		type: 'boolean',
		default: false,
		description: `Whether to include archived ${records}`,
	};
}

/** Sorted by name, without archived records unless Include Archived is on. */
export function activeByName(options: IDataObject): DigisacQuery {
	const query: DigisacQuery = { order: [['name', 'ASC']] };
	if (!options.includeArchived) query.where = { archivedAt: { $eq: null } };
	return query;
}
