import { simpleGetAll } from '../getAll.factory';

export const option = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many custom fields',
	description: 'List custom fields (campos personalizados)',
};

export const { properties, execute } = simpleGetAll('/api/v1/custom-fields');
