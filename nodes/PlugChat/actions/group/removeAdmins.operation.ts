import { groupMembersOperation } from '../../helpers/groups';

export const { description, execute } = groupMembersOperation(
	'removeAdmins',
	'/api/whatsapp/remove-admin',
	'remove the admins',
);
