import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { actionResult } from '../../../shared/json';
import { readPhone } from '../../helpers/phone';
import { assertAccepted } from '../../helpers/results';
import { apiRequest } from '../../transport';
import { phoneLocator } from '../common.description';

export const option = {
	name: 'Modify',
	value: 'modify',
	action: 'Modify a chat',
	description: 'Archive, unarchive, pin, unpin or delete a chat',
};

export const properties: INodeProperties[] = [
	phoneLocator(),
	{
		displayName: 'Action',
		name: 'action',
		type: 'options',
		options: [
			{
				name: 'Archive',
				value: 'archive',
				action: 'Archive a chat',
				description: 'Move the chat to the archived chats',
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a chat',
				description: 'Delete the chat from this WhatsApp number',
			},
			{
				name: 'Pin',
				value: 'pin',
				action: 'Pin a chat',
				description: 'Pin the chat to the top of the list',
			},
			{
				name: 'Unarchive',
				value: 'unarchive',
				action: 'Unarchive a chat',
				description: 'Bring the chat back from the archived chats',
			},
			{ name: 'Unpin', value: 'unpin', action: 'Unpin a chat', description: 'Unpin the chat' },
		],
		default: 'archive',
		required: true,
		description: 'What to do with the chat',
	},
];

export async function execute(this: IExecuteFunctions, i: number) {
	const phone = readPhone(this, i);
	const action = String(this.getNodeParameter('action', i, ''))
		.trim()
		.toLowerCase();
	const answer = await apiRequest<unknown>(this, 'POST', '/api/whatsapp/modify-chat', {
		body: { phone, action },
		itemIndex: i,
	});
	assertAccepted(this, answer, i, `${action} the chat`);
	return [{ json: actionResult(answer, { phone, action }) }];
}
