import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pathSegment, requireString } from '../../../shared/parameters';
import { apiRequest } from '../../transport';
import { userSelect } from '../common.description';

export const option = {
	name: 'Get',
	value: 'get',
	action: 'Get a user',
};

export const properties: INodeProperties[] = [userSelect('The user (atendente) to get', true)];

export async function execute(this: IExecuteFunctions, i: number) {
	const userId = requireString(this, 'userId', i);
	return [
		{
			json: await apiRequest<IDataObject>(
				this,
				'GET',
				`/api/v1/users/${pathSegment(this, userId, 'userId', i)}`,
				{ itemIndex: i },
			),
		},
	];
}
