import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit, select } from '../../../shared/descriptions';
import { toItems } from '../../../shared/items';
import { optionalString, readLimit } from '../../../shared/parameters';
import { mergeOperators, nestedDepartments } from '../../helpers/lookups';
import { apiRequestAllItems } from '../../transport';

export const option = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many operators',
	description: 'List operators, of one department or of all',
};

export const properties: INodeProperties[] = [
	select({
		name: 'departmentId',
		label: 'Department',
		description:
			'Department whose operators (atendentes) to list. Leave empty for the operators of every department, each listed once',
		method: 'getDepartments',
	}),
	...returnAllOrLimit(),
];

export async function execute(this: IExecuteFunctions, i: number) {
	const departmentId = optionalString(this, 'departmentId', i);
	const limit = readLimit(this, i);
	if (departmentId) {
		return toItems(
			await apiRequestAllItems(
				this,
				'/department/operator/list',
				{ department_id: departmentId },
				limit,
				i,
			),
		);
	}
	// TomTicket has no account-wide operator list: one call for every department's operators
	// (cheaper than one call per department at 3 requests per second), merged by id.
	const operators = mergeOperators(await nestedDepartments(this, i));
	return toItems(limit === undefined ? operators : operators.slice(0, limit));
}
