import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireString } from '../../../shared/parameters';
import { readPhone } from '../../helpers/phone';
import { sendMessage, readChoices } from '../../helpers/send';
import { readText } from '../../helpers/text';
import { phoneLocator, sendOptions, messageTextField } from '../common.description';

export const option = {
	name: 'Send Option List',
	value: 'sendOptionList',
	action: 'Send a list of options',
	description: 'Send text with a list the contact chooses from',
};

export const properties: INodeProperties[] = [
	phoneLocator(),
	messageTextField('Text shown with the list'),
	{
		displayName: 'List Title',
		name: 'title',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'Available options',
		description: 'Title at the top of the opened list',
	},
	{
		displayName: 'Button Label',
		name: 'buttonLabel',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'Open the options',
		description: 'Text of the button that opens the list',
	},
	{
		displayName: 'List Options',
		name: 'optionList',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add list option',
		default: {},
		required: true,
		description: 'Entries the contact can choose from',
		options: [
			{
				displayName: 'Option',
				name: 'option',
				values: [
					{
						displayName: 'Title',
						name: 'title',
						type: 'string',
						default: '',
						required: true,
						description: 'Text of the option',
					},
					{
						displayName: 'Description',
						name: 'description',
						type: 'string',
						default: '',
						description: 'Smaller text under the title',
					},
					{
						displayName: 'ID',
						name: 'id',
						type: 'string',
						default: '',
						description:
							'Identifier returned with the choice. By default its position (1, 2, 3...).',
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
	const title = requireString(this, 'title', i);
	const buttonLabel = requireString(this, 'buttonLabel', i);
	const options = readChoices(this, i, {
		parameter: 'optionList',
		entry: 'option',
		text: 'title',
		noun: 'list option',
		description: 'Every entry of the list needs a title.',
	});
	return await sendMessage(this, i, '/api/whatsapp/send-option-list', {
		phone,
		message,
		optionList: { title, buttonLabel, options },
	});
}
