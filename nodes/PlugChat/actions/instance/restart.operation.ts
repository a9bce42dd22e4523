import type { IExecuteFunctions } from 'n8n-workflow';

import { actionResult } from '../../../shared/json';
import { assertAccepted } from '../../helpers/results';
import { apiRequest } from '../../transport';

export const option = {
	name: 'Restart',
	value: 'restart',
	action: 'Restart the instance',
	description: 'Restart the WhatsApp instance (keeps the session)',
};

export async function execute(this: IExecuteFunctions, i: number) {
	// Restarting keeps the session: no new QR code is needed.
	const answer = await apiRequest<unknown>(this, 'GET', '/api/whatsapp/restart', { itemIndex: i });
	assertAccepted(this, answer, i, 'restart the instance');
	return [{ json: actionResult(answer, {}) }];
}
