import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit, optionsCollection } from '../../shared/descriptions';
import { listItems } from '../helpers/list';
import type { DigisacQuery } from '../helpers/query';

import { rawQueryOption } from './common.description';

/**
 * A plain Get Many operation (Return All / Limit, any extra options, and the raw query option) for
 * resources that have no filter fields of their own. `build` turns the Options collection into the
 * base query.
 */
export function simpleGetAll(
	path: string,
	build?: (options: IDataObject) => DigisacQuery,
	extraOptions: INodeProperties[] = [],
) {
	const properties: INodeProperties[] = [
		...returnAllOrLimit(),
		optionsCollection([...extraOptions, rawQueryOption]),
	];
	return {
		properties,
		async execute(this: IExecuteFunctions, itemIndex: number) {
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
