import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isObject } from '../../../shared/json';
import { readPhone } from '../../helpers/phone';
import { sendMessage } from '../../helpers/send';
import { readText } from '../../helpers/text';
import { phoneLocator, sendOptions } from '../common.description';

export const option = {
	name: 'Send Button List',
	value: 'sendButtonList',
	action: 'Send a message with buttons',
	description: 'Send text with reply buttons',
};

export const properties: INodeProperties[] = [
	phoneLocator(),
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		required: true,
		description: 'Text shown above the buttons',
	},
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

/** Buttons as the UI stores them (`{button: [{label, id}]}`), each with a label; ids default to 1, 2, 3... */
function readButtons(context: IExecuteFunctions, itemIndex: number): IDataObject[] {
	const raw = context.getNodeParameter('buttons', itemIndex, {}) as unknown;
	const list: unknown[] = isObject(raw) && Array.isArray(raw.button) ? raw.button : [];
	const buttons = list
		.map((entry) => (isObject(entry) ? entry : {}))
		.map((entry, index) => ({
			id: String(entry.id ?? '').trim() || String(index + 1),
			label: String(entry.label ?? '').trim(),
		}));
	const empty = buttons.findIndex((button) => !button.label);
	if (buttons.length === 0 || empty >= 0) {
		throw new NodeOperationError(
			context.getNode(),
			buttons.length === 0 ? 'Add at least one button' : `Button ${empty + 1} has no label`,
			{
				itemIndex,
				description: 'Every button needs a label (the text on it).',
			},
		);
	}
	return buttons;
}

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const phone = readPhone(this, i);
	const message = readText(this, 'message', i);
	const buttons = readButtons(this, i);
	return await sendMessage(this, i, '/api/whatsapp/send-button-list', {
		phone,
		message,
		buttonList: { buttons },
	});
}
