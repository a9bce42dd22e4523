import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { filtersCollection, returnAllOrLimit, select } from '../../../shared/descriptions';
import { listOf } from '../../../shared/json';
import { readLimit } from '../../../shared/parameters';
import { addIsoTimes } from '../../helpers/normalize';
import { apiRequest } from '../../transport';

export const option = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many operators',
	description: 'List the operators (atendentes) of the account',
};

export const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	filtersCollection([
		{
			displayName: 'Active Only',
			name: 'activeOnly',
			type: 'boolean',
			default: true,
			description: 'Whether to leave out operators marked inactive',
		},
		select({
			name: 'departmentId',
			label: 'Department',
			description: 'Only operators of this department',
			method: 'getDepartments',
		}),
	]),
];

export async function execute(this: IExecuteFunctions, i: number) {
	const filters = this.getNodeParameter('filters', i, {}) as {
		activeOnly?: boolean;
		departmentId?: string;
	};
	// Unpaged: PlugChat returns every operator at once. `departaments` (sic) lists their department ids.
	let operators: IDataObject[] = listOf(
		await apiRequest<unknown>(this, 'GET', '/api/operator/get-all', { itemIndex: i }),
	).map((operator) => ({
		...operator,
		departmentIds: Array.isArray(operator.departaments) ? operator.departaments : [],
	}));
	if (filters.activeOnly) operators = operators.filter((operator) => operator.active !== false);
	const departmentId = String(filters.departmentId ?? '').trim();
	if (departmentId)
		operators = operators.filter((operator) =>
			(operator.departmentIds as unknown[]).map(String).includes(departmentId),
		);
	const timeZone = this.getTimezone();
	return operators
		.slice(0, readLimit(this, i))
		.map((operator) => ({ json: addIsoTimes(operator, timeZone) }));
}
