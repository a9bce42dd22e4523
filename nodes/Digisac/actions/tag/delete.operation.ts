import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { select } from '../../../shared/descriptions';
import { actionResult } from '../../../shared/json';
import { pathSegment, requireString } from '../../../shared/parameters';
import { apiRequest } from '../../transport';

export const option = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a tag',
};

export const properties: INodeProperties[] = [
	select({
		name: 'tagId',
		label: 'Tag',
		description: 'The tag to delete',
		method: 'getTags',
		required: true,
	}),
];

export async function execute(this: IExecuteFunctions, i: number) {
	const tagId = requireString(this, 'tagId', i);
	const body = await apiRequest<unknown>(
		this,
		'DELETE',
		`/api/v1/tags/${pathSegment(this, tagId, 'tagId', i)}`,
		{ itemIndex: i },
	);
	return [{ json: { ...actionResult(body, { id: tagId }), deleted: true, id: tagId } }];
}
