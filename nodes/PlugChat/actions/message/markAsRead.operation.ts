import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { actionResult } from '../../../shared/json';
import { requireString } from '../../../shared/parameters';
import { readPhone } from '../../helpers/phone';
import { assertAccepted } from '../../helpers/results';
import { apiRequest } from '../../transport';
import { messageInChatFields } from '../common.description';

export const option = {
	name: 'Mark as Read',
	value: 'markAsRead',
	action: 'Mark a message as read',
	description: 'Mark a message of a chat as read',
};

export const properties: INodeProperties[] = [
	...messageInChatFields(
		'ID of the message to mark as read (messageId of the Message Received trigger)',
	),
];

export async function execute(this: IExecuteFunctions, i: number) {
	const phone = readPhone(this, i);
	const messageId = requireString(this, 'messageId', i);
	// Answers 204 with no body. Marking as read twice is harmless, so a retry is safe.
	const answer = await apiRequest<unknown>(this, 'POST', '/api/whatsapp/read-message', {
		body: { phone, messageId },
		itemIndex: i,
		idempotent: true,
	});
	assertAccepted(this, answer, i, 'mark the message as read');
	return [{ json: actionResult(answer, { phone, messageId }) }];
}
