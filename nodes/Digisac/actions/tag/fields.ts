import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { multiSelect } from '../../../shared/descriptions';
import { toList } from '../../../shared/parameters';

export const colorField: INodeProperties = {
	displayName: 'Color',
	name: 'backgroundColor',
	type: 'color',
	default: '#40C3FF',
	description: 'Background color of the tag',
};

export const departmentsField: INodeProperties = multiSelect({
	name: 'departmentIds',
	label: 'Department',
	description: 'Departments that can use the tag. None: all departments',
	method: 'getDepartments',
});

/** The tag body from the fields a user filled in. */
export function tagBody(fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	if (typeof fields.label === 'string' && fields.label.trim()) body.label = fields.label.trim();
	if (typeof fields.backgroundColor === 'string' && fields.backgroundColor)
		body.backgroundColor = fields.backgroundColor;
	if (fields.departmentIds !== undefined) body.departments = toList(fields.departmentIds);
	return body;
}
