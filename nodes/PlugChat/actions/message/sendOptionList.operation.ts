import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isObject } from '../../../shared/json';
import { requireString } from '../../../shared/parameters';
import { readPhone } from '../../helpers/phone';
import { sendMessage } from '../../helpers/send';
import { readText } from '../../helpers/text';
import { phoneLocator, sendOptions } from '../common.description';

export const option = {
	name: 'Send Option List',
	value: 'sendOptionList',
	action: 'Send a list of options',
	description: 'Send text with a list the contact chooses from',
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
		description: 'Text shown with the list',
	},
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

/** List entries as the UI stores them (`{option: [{title, description, id}]}`); ids default to 1, 2, 3... */
function readOptions(context: IExecuteFunctions, itemIndex: number): IDataObject[] {
	const raw = context.getNodeParameter('optionList', itemIndex, {}) as unknown;
	const list: unknown[] = isObject(raw) && Array.isArray(raw.option) ? raw.option : [];
	const options = list
		.map((entry) => (isObject(entry) ? entry : {}))
		.map((entry, index) => {
			const option: IDataObject = {
				id: String(entry.id ?? '').trim() || String(index + 1),
				title: String(entry.title ?? '').trim(),
			};
			const text = String(entry.description ?? '').trim();
			if (text) option.description = text;
			return option;
		});
	const empty = options.findIndex((option) => !option.title);
	if (options.length === 0 || empty >= 0) {
		throw new NodeOperationError(
			context.getNode(),
			options.length === 0
				? 'Add at least one list option'
				: `List option ${empty + 1} has no title`,
			{
				itemIndex,
				description: 'Every entry of the list needs a title.',
			},
		);
	}
	return options;
}

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const phone = readPhone(this, i);
	const message = readText(this, 'message', i);
	const title = requireString(this, 'title', i);
	const buttonLabel = requireString(this, 'buttonLabel', i);
	const options = readOptions(this, i);
	return await sendMessage(this, i, '/api/whatsapp/send-option-list', {
		phone,
		message,
		optionList: { title, buttonLabel, options },
	});
}
