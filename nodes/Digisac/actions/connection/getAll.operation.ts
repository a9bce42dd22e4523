import { activeByName } from '../../helpers/list';
import { archivedListOption, simpleGetAll } from '../getAll.factory';

export const option = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many connections',
	description: 'List connections (WhatsApp numbers and other channels)',
};

export const { properties, execute } = simpleGetAll('/api/v1/services', activeByName, [
	archivedListOption('connections'),
]);
