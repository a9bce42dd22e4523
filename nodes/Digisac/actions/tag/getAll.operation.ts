import { simpleGetAll } from '../getAll.factory';

export const option = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many tags',
};

export const { properties, execute } = simpleGetAll('/api/v1/tags');
