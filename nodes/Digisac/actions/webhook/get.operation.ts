import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/descriptions';
import { requireString } from '../../../shared/parameters';
import { apiRequest } from '../../transport';
import { webhookLocator } from '../common.description';

const properties: INodeProperties[] = [webhookLocator];

export const description = updateDisplayOptions(
	{ show: { resource: ['webhook'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const webhookId = requireString(this, 'webhookId', i);
	return [
		{
			json: await apiRequest<IDataObject>(
				this,
				'GET',
				`/api/v1/me/webhooks/${encodeURIComponent(webhookId)}`,
				{ itemIndex: i },
			),
		},
	];
}
