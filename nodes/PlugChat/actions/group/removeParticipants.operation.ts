import { groupMembersOperation } from './members.factory';

export const option = {
	name: 'Remove Participants',
	value: 'removeParticipants',
	action: 'Remove participants from a group',
	description: 'Remove phone numbers from the group',
};

export const { properties, execute } = groupMembersOperation(
	'/api/whatsapp/remove-participant',
	'remove the participants',
);
