import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit, updateDisplayOptions } from '../../../shared/descriptions';
import { listItems } from '../../helpers/list';
import type { DigisacQuery } from '../../helpers/query';
import { rawQueryOption } from '../common.description';

const show = { resource: ['connection'], operation: ['getAll'] };

const properties: INodeProperties[] = [
	...returnAllOrLimit(show),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Include Archived',
				name: 'includeArchived',
				type: 'boolean',
				default: false,
				description: 'Whether to include archived connections',
			},
			rawQueryOption,
		],
	},
];

export const description = updateDisplayOptions({ show }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const query: DigisacQuery = { order: [['name', 'ASC']] };
	if (!options.includeArchived) query.where = { archivedAt: { $eq: null } };
	return await listItems(this, i, '/api/v1/services', query);
}
