import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pathSegment, requireString } from '../../../shared/parameters';
import { apiRequest, apiRequestFull } from '../../transport';
import { webhookLocator } from '../common.description';

export const option = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a webhook',
	description: 'Delete a webhook (or deactivate it where the account cannot delete)',
};

export const properties: INodeProperties[] = [webhookLocator];

export async function execute(this: IExecuteFunctions, i: number) {
	const webhookId = requireString(this, 'webhookId', i);
	const path = `/api/v1/me/webhooks/${pathSegment(this, webhookId, 'webhookId', i)}`;
	// DELETE is not in Digisac's public collection; where an account has no such route it answers
	// 404 or 405, and the webhook is switched off instead.
	const response = await apiRequestFull<unknown>(this, 'DELETE', path, {
		acceptStatus: [404, 405],
		itemIndex: i,
	});
	if (response.statusCode < 400) return [{ json: { deleted: true, id: webhookId } }];
	// A 404 may also mean the webhook is gone: this GET then fails with Digisac's own message.
	await apiRequest(this, 'GET', path, { itemIndex: i });
	const webhook = await apiRequest(this, 'PUT', path, { body: { active: false }, itemIndex: i });
	return [{ json: { deleted: false, deactivated: true, id: webhookId, webhook } }];
}
