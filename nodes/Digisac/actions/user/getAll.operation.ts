import { simpleGetAll } from '../../helpers/list';
import type { DigisacQuery } from '../../helpers/query';

export const { description, execute } = simpleGetAll(
	'user',
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
