import { groupMembersOperation } from './members.factory';

export const option = {
	name: 'Remove Admins',
	value: 'removeAdmins',
	action: 'Remove admins from a group',
	description: 'Take admin rights away from participants',
};

export const { properties, execute } = groupMembersOperation(
	'/api/whatsapp/remove-admin',
	'remove the admins',
);
