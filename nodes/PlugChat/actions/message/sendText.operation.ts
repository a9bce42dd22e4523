import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readPhone } from '../../helpers/phone';
import { sendMessage } from '../../helpers/send';
import { readText } from '../../helpers/text';
import { phoneLocator, sendOptions, messageTextField } from '../common.description';

export const option = {
	name: 'Send Text',
	value: 'sendText',
	action: 'Send a text message',
	description: 'Send a text message',
};

export const properties: INodeProperties[] = [
	phoneLocator(),
	messageTextField(
		'Text to send. WhatsApp formatting works (*bold*, _italic_) and so do emojis and line breaks.',
		4,
	),
	sendOptions,
];

export async function execute(this: IExecuteFunctions, i: number) {
	const phone = readPhone(this, i);
	const message = readText(this, 'message', i);
	return await sendMessage(this, i, '/api/whatsapp/send-text', { phone, message });
}
