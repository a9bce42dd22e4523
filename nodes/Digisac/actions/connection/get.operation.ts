import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pathSegment, requireString } from '../../../shared/parameters';
import { apiRequest } from '../../transport';
import { connectionSelect } from '../common.description';

export const option = {
	name: 'Get',
	value: 'get',
	action: 'Get a connection',
	description: 'Get a connection and its status',
};

export const properties: INodeProperties[] = [
	connectionSelect(
		'The connection (conexão) to get; its data.status tells whether it is connected',
	),
];

export async function execute(this: IExecuteFunctions, i: number) {
	const serviceId = requireString(this, 'serviceId', i);
	return [
		{
			json: await apiRequest<IDataObject>(
				this,
				'GET',
				`/api/v1/services/${pathSegment(this, serviceId, 'serviceId', i)}`,
				{ itemIndex: i },
			),
		},
	];
}
