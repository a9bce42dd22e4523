import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/descriptions';
import { requireString } from '../../../shared/parameters';
import { apiRequest } from '../../transport';
import { userSelect } from '../common.description';

const properties: INodeProperties[] = [userSelect('The user (atendente) to get', true)];

export const description = updateDisplayOptions(
	{ show: { resource: ['user'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const userId = requireString(this, 'userId', i);
	return [
		{
			json: await apiRequest<IDataObject>(
				this,
				'GET',
				`/api/v1/users/${encodeURIComponent(userId)}`,
				{ itemIndex: i },
			),
		},
	];
}
