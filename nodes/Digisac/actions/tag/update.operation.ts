import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { select, updateFieldsCollection } from '../../../shared/descriptions';
import { pathSegment, requireString } from '../../../shared/parameters';
import { apiRequest } from '../../transport';

import { colorField, departmentsField, tagBody } from './fields';

export const option = {
	name: 'Update',
	value: 'update',
	action: 'Update a tag',
};

export const properties: INodeProperties[] = [
	select({
		name: 'tagId',
		label: 'Tag',
		description: 'The tag to update',
		method: 'getTags',
		required: true,
	}),
	updateFieldsCollection([
		colorField,
		departmentsField,
		{
			displayName: 'Label',
			name: 'label',
			type: 'string',
			default: '',
			description: "The tag's new name",
		},
	]),
];

export async function execute(this: IExecuteFunctions, i: number) {
	const tagId = requireString(this, 'tagId', i);
	const body = tagBody(this.getNodeParameter('updateFields', i, {}) as IDataObject);
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update', {
			itemIndex: i,
			description: 'Add at least one field under "Update Fields".',
		});
	}
	return [
		{
			json: await apiRequest<IDataObject>(
				this,
				'PUT',
				`/api/v1/tags/${pathSegment(this, tagId, 'tagId', i)}`,
				{ body, itemIndex: i },
			),
		},
	];
}
