import { groupMembersOperation } from './members.factory';

export const option = {
	name: 'Add Admins',
	value: 'addAdmins',
	action: 'Promote group participants to admins',
	description: 'Make participants admins of the group',
};

export const { properties, execute } = groupMembersOperation(
	'/api/whatsapp/add-admin',
	'promote the participants to admins',
);
