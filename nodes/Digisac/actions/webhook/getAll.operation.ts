import { simpleGetAll } from '../getAll.factory';

export const option = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many webhooks',
};

export const { properties, execute } = simpleGetAll('/api/v1/me/webhooks');
