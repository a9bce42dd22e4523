import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pathSegment, requireString } from '../../../shared/parameters';
import { apiRequest } from '../../transport';
import { webhookLocator } from '../common.description';

export const option = {
	name: 'Get',
	value: 'get',
	action: 'Get a webhook',
};

export const properties: INodeProperties[] = [webhookLocator];

export async function execute(this: IExecuteFunctions, i: number) {
	const webhookId = requireString(this, 'webhookId', i);
	return [
		{
			json: await apiRequest<IDataObject>(
				this,
				'GET',
				`/api/v1/me/webhooks/${pathSegment(this, webhookId, 'webhookId', i)}`,
				{ itemIndex: i },
			),
		},
	];
}
