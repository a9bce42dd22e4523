import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readPhone } from '../../helpers/phone';
import { sendMessage, readChoices } from '../../helpers/send';
import { readText } from '../../helpers/text';
import { phoneLocator, sendOptions, messageTextField } from '../common.description';

export const option = {
	name: 'Send Button List',
	value: 'sendButtonList',
	action: 'Send a message with buttons',
	description: 'Send text with reply buttons',
};

export const properties: INodeProperties[] = [
	phoneLocator(),
	messageTextField('Text shown above the buttons'),
	{
		displayName: 'Buttons',
		name: 'buttons',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add button',
		default: {},
		required: true,
		description: 'Buttons the contact can tap; the chosen label comes back as the reply',
		options: [
			{
				displayName: 'Button',
				name: 'button',
				values: [
					{
						displayName: 'Label',
						name: 'label',
						type: 'string',
						default: '',
						required: true,
						description: 'Text on the button',
					},
					{
						displayName: 'ID',
						name: 'id',
						type: 'string',
						default: '',
						description:
							'Identifier of the button, returned with the reply. By default its position (1, 2, 3...).',
					},
				],
			},
		],
	},
	sendOptions,
];

export async function execute(this: IExecuteFunctions, i: number) {
	const phone = readPhone(this, i);
	const message = readText(this, 'message', i);
	const buttons = readChoices(this, i, {
		parameter: 'buttons',
		entry: 'button',
		text: 'label',
		noun: 'button',
		description: 'Every button needs a label (the text on it).',
	});
	return await sendMessage(this, i, '/api/whatsapp/send-button-list', {
		phone,
		message,
		buttonList: { buttons },
	});
}
