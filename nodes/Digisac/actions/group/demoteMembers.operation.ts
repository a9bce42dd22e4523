import { membersOperation } from './members.factory';

export const option = {
	name: 'Demote Members',
	value: 'demoteMembers',
	action: 'Demote group admins',
	description: 'Remove admin rights from group participants',
};

export const { properties, execute } = membersOperation('demoteMembers');
