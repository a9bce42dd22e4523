import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { toList } from '../../../shared/parameters';

export const colorField: INodeProperties = {
	displayName: 'Color',
	name: 'backgroundColor',
	type: 'color',
	default: '#40C3FF',
	description: 'Background color of the tag',
};

export const departmentsField: INodeProperties = {
	displayName: 'Department Names or IDs',
	name: 'departmentIds',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getDepartments' },
	default: [],
	description:
		'Departments that can use the tag. None: all departments.. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};

/** The tag body from the fields a user filled in. */
export function tagBody(fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	if (typeof fields.label === 'string' && fields.label.trim()) body.label = fields.label.trim();
	if (typeof fields.backgroundColor === 'string' && fields.backgroundColor)
		body.backgroundColor = fields.backgroundColor;
	if (fields.departmentIds !== undefined) body.departments = toList(fields.departmentIds);
	return body;
}
