import type { INodeProperties } from 'n8n-workflow';

import * as addMembers from './addMembers.operation';
import * as create from './create.operation';
import * as demoteMembers from './demoteMembers.operation';
import * as promoteMembers from './promoteMembers.operation';

export { addMembers, create, demoteMembers, promoteMembers };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['group'] } },
		options: [
			{
				name: 'Add Members',
				value: 'addMembers',
				action: 'Add members to a group',
				description: 'Add people to a WhatsApp group by phone number',
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create a group',
				description: 'Create a WhatsApp group with its first members',
			},
			{
				name: 'Demote Members',
				value: 'demoteMembers',
				action: 'Demote group admins',
				description: 'Remove admin rights from group participants',
			},
			{
				name: 'Promote Members',
				value: 'promoteMembers',
				action: 'Promote members to group admins',
				description: 'Make group participants admins',
			},
		],
		default: 'create',
	},
	...create.description,
	...addMembers.description,
	...promoteMembers.description,
	...demoteMembers.description,
];
