import { simpleGetAll } from '../getAll.factory';

export const option = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many integrations',
	description: 'List integrations (sites embedded in Digisac)',
};

export const { properties, execute } = simpleGetAll('/api/v1/integrations');
