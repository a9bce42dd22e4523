import { groupMembersOperation } from '../../helpers/groups';

export const { description, execute } = groupMembersOperation(
	'addParticipants',
	'/api/whatsapp/add-participant',
	'add the participants',
);
