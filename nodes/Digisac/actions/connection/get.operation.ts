import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/descriptions';
import { requireString } from '../../../shared/parameters';
import { apiRequest } from '../../transport';
import { connectionSelect } from '../common.description';

const properties: INodeProperties[] = [
	connectionSelect(
		'The connection (conexão) to get; its data.status tells whether it is connected',
	),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['connection'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const serviceId = requireString(this, 'serviceId', i);
	return [
		{
			json: await apiRequest<IDataObject>(
				this,
				'GET',
				`/api/v1/services/${encodeURIComponent(serviceId)}`,
				{ itemIndex: i },
			),
		},
	];
}
