import { groupMembersOperation } from '../../helpers/groups';

export const { description, execute } = groupMembersOperation(
	'addAdmins',
	'/api/whatsapp/add-admin',
	'promote the participants to admins',
);
