import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { listOf } from '../../../shared/json';
import { readLimit } from '../../../shared/parameters';
import { addIsoTimes } from '../../helpers/normalize';
import { apiRequest } from '../../transport';

export const option = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many departments',
	description: 'List the departments (departamentos) of the account',
};

export const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	{
		displayName: 'Active Only',
		name: 'activeOnly',
		type: 'boolean',
		default: false,
		description: 'Whether to leave out departments marked inactive',
	},
];

export async function execute(this: IExecuteFunctions, i: number) {
	// PlugChat returns every department in one unpaged array.
	let departments = listOf(
		await apiRequest<unknown>(this, 'GET', '/api/integrations/departments', { itemIndex: i }),
	);
	if (this.getNodeParameter('activeOnly', i, false) === true)
		departments = departments.filter((d) => d.active !== false);
	const timeZone = this.getTimezone();
	return departments
		.slice(0, readLimit(this, i))
		.map((department) => ({ json: addIsoTimes({ ...department }, timeZone) }));
}
