import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit, select } from '../../../shared/descriptions';
import { toItems } from '../../../shared/items';
import { requireString, readLimit } from '../../../shared/parameters';
import { apiRequestAllItems } from '../../transport';

export const option = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many categories',
	description: 'List the ticket categories of a department',
};

export const properties: INodeProperties[] = [
	select({
		name: 'departmentId',
		label: 'Department',
		description: 'Department whose categories (categorias) to list',
		method: 'getDepartments',
		required: true,
	}),
	...returnAllOrLimit(),
];

export async function execute(this: IExecuteFunctions, i: number) {
	const departmentId = requireString(this, 'departmentId', i);
	const categories = await apiRequestAllItems(
		this,
		'/department/category/list',
		{ department_id: departmentId },
		readLimit(this, i),
		i,
	);
	return toItems(categories);
}
