import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/descriptions';
import { requireString } from '../../../shared/parameters';
import { actionResult } from '../../helpers/responses';
import { apiRequest } from '../../transport';
import { select } from '../common.description';

const properties: INodeProperties[] = [
	select({
		name: 'tagId',
		displayName: 'Tag',
		description: 'The tag to delete',
		method: 'getTags',
		required: true,
	}),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['tag'], operation: ['delete'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const tagId = requireString(this, 'tagId', i);
	const body = await apiRequest<unknown>(
		this,
		'DELETE',
		`/api/v1/tags/${encodeURIComponent(tagId)}`,
		{ itemIndex: i },
	);
	return [{ json: { ...actionResult(body, { id: tagId }), deleted: true, id: tagId } }];
}
