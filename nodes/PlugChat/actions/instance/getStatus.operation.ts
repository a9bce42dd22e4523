import type { IExecuteFunctions } from 'n8n-workflow';

import { asJson } from '../../../shared/json';
import { apiRequest } from '../../transport';

export const option = {
	name: 'Get Status',
	value: 'getStatus',
	action: 'Get the instance status',
	description: 'Whether the WhatsApp number and the phone are connected',
};

export async function execute(this: IExecuteFunctions, i: number) {
	// `{connected, session, error, smartphoneConnected}`; `error` explains a false flag.
	const status = await apiRequest<unknown>(this, 'GET', '/api/whatsapp/status', { itemIndex: i });
	return [{ json: asJson(status) }];
}
