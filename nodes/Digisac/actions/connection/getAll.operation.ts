import { activeByName, archivedListOption, simpleGetAll } from '../../helpers/list';

export const { description, execute } = simpleGetAll(
	'connection',
	'/api/v1/services',
	activeByName,
	[archivedListOption('connections')],
);
