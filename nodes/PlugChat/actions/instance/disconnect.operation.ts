import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/descriptions';
import { actionResult, assertAccepted } from '../../helpers/results';
import { apiRequest } from '../../transport';

export const description = updateDisplayOptions(
	{ show: { resource: ['instance'], operation: ['disconnect'] } },
	[],
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// The number stays disconnected until the QR code is read again; webhooks stop meanwhile.
	const answer = await apiRequest<unknown>(this, 'GET', '/api/whatsapp/disconnect', {
		itemIndex: i,
	});
	assertAccepted(this, answer, i, 'disconnect the instance');
	return [{ json: actionResult(answer, {}) }];
}
