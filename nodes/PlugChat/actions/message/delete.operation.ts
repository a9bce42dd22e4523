import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { actionResult } from '../../../shared/json';
import { requireString } from '../../../shared/parameters';
import { readPhone } from '../../helpers/phone';
import { assertAccepted } from '../../helpers/results';
import { apiRequest } from '../../transport';
import { messageInChatFields } from '../common.description';

export const option = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a message',
	description: 'Delete a message for everyone in the chat',
};

export const properties: INodeProperties[] = [
	...messageInChatFields(
		'ID of the message to delete (messageId of a send, or of the Message Received trigger)',
	),
	{
		displayName: 'Sent by Me',
		name: 'owner',
		type: 'boolean',
		default: true,
		description:
			'Whether the message was sent from this WhatsApp number (turn off for a message received from the contact)',
	},
];

export async function execute(this: IExecuteFunctions, i: number) {
	const phone = readPhone(this, i);
	const messageId = requireString(this, 'messageId', i);
	const owner = this.getNodeParameter('owner', i, true) === true;
	// Everything goes in the query string; PlugChat answers 204 with no body.
	const answer = await apiRequest<unknown>(this, 'DELETE', '/api/whatsapp/messages', {
		qs: { messageId, phone, owner },
		itemIndex: i,
	});
	assertAccepted(this, answer, i, 'delete the message');
	return [{ json: actionResult(answer, { deleted: true, phone, messageId, owner }) }];
}
