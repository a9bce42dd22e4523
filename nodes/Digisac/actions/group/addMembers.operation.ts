import { membersOperation } from './members.factory';

export const option = {
	name: 'Add Members',
	value: 'addMembers',
	action: 'Add members to a group',
	description: 'Add people to a WhatsApp group by phone number',
};

export const { properties, execute } = membersOperation('addMembers');
