import { activeByName, archivedListOption, simpleGetAll } from '../../helpers/list';

export const { description, execute } = simpleGetAll(
	'department',
	'/api/v1/departments',
	activeByName,
	[archivedListOption('departments')],
);
