import { membersOperation } from './members.factory';

export const option = {
	name: 'Promote Members',
	value: 'promoteMembers',
	action: 'Promote members to group admins',
	description: 'Make group participants admins',
};

export const { properties, execute } = membersOperation('promoteMembers');
