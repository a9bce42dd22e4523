import { simpleGetAll } from '../getAll.factory';

export const option = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many bots',
	description: 'List bots (robôs)',
};

export const { properties, execute } = simpleGetAll('/api/v1/bots', () => ({
	order: [['name', 'ASC']],
}));
