import type { DigisacQuery } from '../../helpers/query';
import { simpleGetAll } from '../getAll.factory';

export const option = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many users',
};

export const { properties, execute } = simpleGetAll(
	'/api/v1/users',
	(options) => {
		const query: DigisacQuery = { order: [['name', 'ASC']] };
		if (options.includeDepartments)
			query.include = [{ model: 'departments', attributes: ['id', 'name'] }];
		return query;
	},
	[
		{
			displayName: 'Include Departments',
			name: 'includeDepartments',
			type: 'boolean',
			default: false,
			description: "Whether to include each user's departments",
		},
	],
);
