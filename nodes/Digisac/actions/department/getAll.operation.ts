import { activeByName } from '../../helpers/list';
import { archivedListOption, simpleGetAll } from '../getAll.factory';

export const option = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many departments',
};

export const { properties, execute } = simpleGetAll('/api/v1/departments', activeByName, [
	archivedListOption('departments'),
]);
