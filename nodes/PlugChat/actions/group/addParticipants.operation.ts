import { groupMembersOperation } from './members.factory';

export const option = {
	name: 'Add Participants',
	value: 'addParticipants',
	action: 'Add participants to a group',
	description: 'Add phone numbers to the group',
};

export const { properties, execute } = groupMembersOperation(
	'/api/whatsapp/add-participant',
	'add the participants',
);
