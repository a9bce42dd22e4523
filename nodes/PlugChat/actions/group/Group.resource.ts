import type { INodeProperties } from 'n8n-workflow';

import * as addAdmins from './addAdmins.operation';
import * as addParticipants from './addParticipants.operation';
import * as create from './create.operation';
import * as getMetadata from './getMetadata.operation';
import * as leave from './leave.operation';
import * as removeAdmins from './removeAdmins.operation';
import * as removeParticipants from './removeParticipants.operation';
import * as updateDescription from './updateDescription.operation';
import * as updateName from './updateName.operation';

export {
	addAdmins,
	addParticipants,
	create,
	getMetadata,
	leave,
	removeAdmins,
	removeParticipants,
	updateDescription,
	updateName,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['group'] } },
		options: [
			{
				name: 'Add Admins',
				value: 'addAdmins',
				action: 'Promote group participants to admins',
				description: 'Make participants admins of the group',
			},
			{
				name: 'Add Participants',
				value: 'addParticipants',
				action: 'Add participants to a group',
				description: 'Add phone numbers to the group',
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create a group',
				description: 'Create a WhatsApp group with participants',
			},
			{
				name: 'Get Metadata',
				value: 'getMetadata',
				action: 'Get group metadata',
				description: 'Get the name, owner, invitation link and participants of a group',
			},
			{
				name: 'Leave',
				value: 'leave',
				action: 'Leave a group',
				description: 'Make this WhatsApp number leave the group',
			},
			{
				name: 'Remove Admins',
				value: 'removeAdmins',
				action: 'Remove admins from a group',
				description: 'Take admin rights away from participants',
			},
			{
				name: 'Remove Participants',
				value: 'removeParticipants',
				action: 'Remove participants from a group',
				description: 'Remove phone numbers from the group',
			},
			{
				name: 'Update Description',
				value: 'updateDescription',
				action: 'Update the description of a group',
				description: 'Change the description of the group',
			},
			{
				name: 'Update Name',
				value: 'updateName',
				action: 'Rename a group',
				description: 'Change the name of the group',
			},
		],
		default: 'getMetadata',
	},
	...create.description,
	...getMetadata.description,
	...updateName.description,
	...updateDescription.description,
	...addParticipants.description,
	...removeParticipants.description,
	...addAdmins.description,
	...removeAdmins.description,
	...leave.description,
];
