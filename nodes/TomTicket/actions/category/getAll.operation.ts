import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit, updateDisplayOptions } from '../../../shared/descriptions';
import { toItems } from '../../../shared/items';
import { requireString } from '../../../shared/parameters';
import { getManyLimit } from '../../helpers/filters';
import { apiRequestAllItems } from '../../transport';

const show = { resource: ['category'], operation: ['getAll'] };

const properties: INodeProperties[] = [
	{
		displayName: 'Department Name or ID',
		name: 'departmentId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getDepartments' },
		required: true,
		default: '',
		description:
			'Department whose categories (categorias) to list. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	...returnAllOrLimit(show),
];

export const description = updateDisplayOptions({ show }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const departmentId = requireString(this, 'departmentId', i);
	const categories = await apiRequestAllItems(
		this,
		'/department/category/list',
		{ department_id: departmentId },
		getManyLimit(this, i),
		i,
	);
	return toItems(categories);
}
