import { groupMembersOperation } from '../../helpers/groups';

export const { description, execute } = groupMembersOperation(
	'removeParticipants',
	'/api/whatsapp/remove-participant',
	'remove the participants',
);
