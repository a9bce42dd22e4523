import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit, select, optionsCollection } from '../../../shared/descriptions';
import { toItems } from '../../../shared/items';
import { requireString, readLimit } from '../../../shared/parameters';
import { customFieldList } from '../../helpers/lookups';
import { apiRequest } from '../../transport';

export const option = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many custom fields',
	description: 'List the ticket custom fields of a department or category',
};

export const properties: INodeProperties[] = [
	select({
		name: 'departmentId',
		label: 'Department',
		description: 'Department whose ticket custom fields to list',
		method: 'getDepartments',
		required: true,
	}),
	...returnAllOrLimit(),
	optionsCollection([
		select({
			name: 'categoryId',
			label: 'Category',
			description: "List the fields of this category instead of the department's general fields",
			method: 'getCategories',
			dependsOn: ['departmentId'],
		}),
	]),
];

export async function execute(this: IExecuteFunctions, i: number) {
	const departmentId = requireString(this, 'departmentId', i);
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const qs: IDataObject = { department_id: departmentId };
	if (options.categoryId) qs.category_id = String(options.categoryId);
	// One answer holds every field (no paging documented); the limit is applied locally.
	const body = await apiRequest(this, 'GET', '/custom_field/department/list', { qs, itemIndex: i });
	const fields = customFieldList(body);
	const limit = readLimit(this, i);
	return toItems(limit === undefined ? fields : fields.slice(0, limit));
}
