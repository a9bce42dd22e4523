import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/descriptions';
import { phoneLocator, sendOptions } from '../../helpers/fields';
import { readPhone } from '../../helpers/phone';
import { sendMessage } from '../../helpers/send';

import { readText } from './common';

const properties: INodeProperties[] = [
	phoneLocator(),
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		description:
			'Text to send. WhatsApp formatting works (*bold*, _italic_) and so do emojis and line breaks.',
	},
	sendOptions,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['sendText'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const phone = readPhone(this, i);
	const message = readText(this, 'message', i);
	return await sendMessage(this, i, '/api/whatsapp/send-text', { phone, message });
}
