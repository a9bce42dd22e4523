import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit, updateDisplayOptions } from '../../../shared/descriptions';
import { asList, limitResults } from '../../helpers/lists';
import { apiRequest } from '../../transport';

const show = { resource: ['department'], operation: ['getAll'] };

const properties: INodeProperties[] = [
	...returnAllOrLimit(show),
	{
		displayName: 'Active Only',
		name: 'activeOnly',
		type: 'boolean',
		default: false,
		description: 'Whether to leave out departments marked inactive',
	},
];

export const description = updateDisplayOptions({ show }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// PlugChat returns every department in one unpaged array.
	let departments = asList(
		await apiRequest<unknown>(this, 'GET', '/api/integrations/departments', { itemIndex: i }),
	);
	if (this.getNodeParameter('activeOnly', i, false) === true)
		departments = departments.filter((d) => d.active !== false);
	return limitResults(this, i, departments).map((json) => ({ json }));
}
