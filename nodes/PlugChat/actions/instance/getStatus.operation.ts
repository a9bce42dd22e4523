import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/descriptions';
import { isObject } from '../../../shared/parameters';
import { apiRequest } from '../../transport';

export const description = updateDisplayOptions(
	{ show: { resource: ['instance'], operation: ['getStatus'] } },
	[],
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// `{connected, session, error, smartphoneConnected}`; `error` explains a false flag.
	const status = await apiRequest<unknown>(this, 'GET', '/api/whatsapp/status', { itemIndex: i });
	return [{ json: isObject(status) ? status : { result: status as string } }];
}
