import { simpleGetAll } from '../getAll.factory';

export const option = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many ticket topics',
	description: 'List closing topics (assuntos de chamado)',
};

export const { properties, execute } = simpleGetAll('/api/v1/ticket-topics');
