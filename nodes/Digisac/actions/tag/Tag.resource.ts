import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteTag from './delete.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export { create, deleteTag as delete, getAll, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['tag'] } },
		options: [
			{ name: 'Create', value: 'create', action: 'Create a tag' },
			{ name: 'Delete', value: 'delete', action: 'Delete a tag' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many tags' },
			{ name: 'Update', value: 'update', action: 'Update a tag' },
		],
		default: 'getAll',
	},
	...getAll.description,
	...create.description,
	...update.description,
	...deleteTag.description,
];
