import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { additionalFieldsCollection } from '../../../shared/descriptions';
import { requireString } from '../../../shared/parameters';
import { apiRequest } from '../../transport';

import { colorField, departmentsField, tagBody } from './fields';

export const option = {
	name: 'Create',
	value: 'create',
	action: 'Create a tag',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Label',
		name: 'label',
		type: 'string',
		required: true,
		default: '',
		description: "The tag's name",
	},
	additionalFieldsCollection([colorField, departmentsField]),
];

export async function execute(this: IExecuteFunctions, i: number) {
	const fields = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const body: IDataObject = {
		backgroundColor: colorField.default,
		departments: [],
		...tagBody(fields),
		label: requireString(this, 'label', i),
	};
	return [
		{ json: await apiRequest<IDataObject>(this, 'POST', '/api/v1/tags', { body, itemIndex: i }) },
	];
}
