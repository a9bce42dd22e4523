import type { IExecuteFunctions } from 'n8n-workflow';

import { actionResult } from '../../../shared/json';
import { assertAccepted } from '../../helpers/results';
import { apiRequest } from '../../transport';

export const option = {
	name: 'Clear',
	value: 'clear',
	action: 'Clear the send queue',
	description: 'Delete every message waiting to be sent',
};

export async function execute(this: IExecuteFunctions, i: number) {
	// Drops every message still waiting to go out; they are never sent.
	const answer = await apiRequest<unknown>(this, 'DELETE', '/api/whatsapp/queue', { itemIndex: i });
	assertAccepted(this, answer, i, 'clear the queue');
	return [{ json: actionResult(answer, { cleared: true }) }];
}
