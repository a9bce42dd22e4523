import { simpleGetAll } from '../../helpers/list';

export const { description, execute } = simpleGetAll('bot', '/api/v1/bots', () => ({
	order: [['name', 'ASC']],
}));
