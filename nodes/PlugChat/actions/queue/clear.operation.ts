import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/descriptions';
import { actionResult, assertAccepted } from '../../helpers/results';
import { apiRequest } from '../../transport';

export const description = updateDisplayOptions(
	{ show: { resource: ['queue'], operation: ['clear'] } },
	[],
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// Drops every message still waiting to go out; they are never sent.
	const answer = await apiRequest<unknown>(this, 'DELETE', '/api/whatsapp/queue', { itemIndex: i });
	assertAccepted(this, answer, i, 'clear the queue');
	return [{ json: actionResult(answer, { cleared: true }) }];
}
