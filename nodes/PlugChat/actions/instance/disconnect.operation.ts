import type { IExecuteFunctions } from 'n8n-workflow';

import { actionResult } from '../../../shared/json';
import { assertAccepted } from '../../helpers/results';
import { apiRequest } from '../../transport';

export const option = {
	name: 'Disconnect',
	value: 'disconnect',
	action: 'Disconnect the instance',
	description: 'Disconnect the number from PlugChat; reading the QR code connects it again',
};

export async function execute(this: IExecuteFunctions, i: number) {
	// The number stays disconnected until the QR code is read again; webhooks stop meanwhile.
	const answer = await apiRequest<unknown>(this, 'GET', '/api/whatsapp/disconnect', {
		itemIndex: i,
	});
	assertAccepted(this, answer, i, 'disconnect the instance');
	return [{ json: actionResult(answer, {}) }];
}
