import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/descriptions';
import { actionResult, assertAccepted } from '../../helpers/results';
import { apiRequest } from '../../transport';

export const description = updateDisplayOptions(
	{ show: { resource: ['instance'], operation: ['restart'] } },
	[],
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// Restarting keeps the session: no new QR code is needed.
	const answer = await apiRequest<unknown>(this, 'GET', '/api/whatsapp/restart', { itemIndex: i });
	assertAccepted(this, answer, i, 'restart the instance');
	return [{ json: actionResult(answer, {}) }];
}
