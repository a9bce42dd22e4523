import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { select, optionsCollection } from '../../../shared/descriptions';
import { parseJson, requireString } from '../../../shared/parameters';
import { readRecipient } from '../../helpers/recipients';
import { apiRequest } from '../../transport';
import {
	dontOpenTicketOption,
	originOption,
	recipientProperties,
	userOption,
} from '../common.description';

import { sendOptions } from './send.operation';

export const option = {
	name: 'Send Template',
	value: 'sendTemplate',
	action: 'Send a template message',
	description: 'Send an approved WhatsApp Business template (HSM)',
};

export const properties: INodeProperties[] = [
	...recipientProperties,
	select({
		name: 'templateId',
		label: 'Template',
		description:
			"The approved WhatsApp Business template (HSM). With a phone number, the list shows the chosen connection's templates",
		method: 'getTemplates',
		dependsOn: ['serviceId'],
		required: true,
	}),
	{
		displayName: 'Body Parameters',
		name: 'bodyParameters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Parameter',
		default: {},
		description: "Values for the template's {{1}}, {{2}}... placeholders, in order.",
		options: [
			{
				displayName: 'Parameter',
				name: 'parameter',
				values: [{ displayName: 'Text', name: 'text', type: 'string', default: '' }],
			},
		],
	},
	{
		displayName: 'Button Parameters',
		name: 'buttonParameters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Button Parameter',
		default: {},
		description:
			"Values for the template's buttons: the variable part of a URL button, or the payload of a quick reply",
		options: [
			{
				displayName: 'Button',
				name: 'button',
				values: [
					{
						displayName: 'Button Index',
						name: 'index',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 0,
						description: 'Position of the button in the template, from 0',
					},
					{
						displayName: 'Type',
						name: 'subType',
						type: 'options',
						options: [
							{ name: 'Quick Reply', value: 'quick_reply' },
							{ name: 'URL', value: 'url' },
						],
						default: 'url',
					},
					{ displayName: 'Value', name: 'text', type: 'string', default: '' },
				],
			},
		],
	},
	optionsCollection([
		dontOpenTicketOption,
		originOption,
		{
			displayName: 'Parameters (JSON)',
			name: 'parametersJson',
			type: 'json',
			default: '',
			description:
				'Advanced: the full "parameters" array as Digisac takes it, replacing Body and Button Parameters. Example: [{"type":"body","parameters":[{"type":"text","text":"Ana"}]}].',
		},
		userOption,
	]),
];

interface ButtonParameter {
	index?: number;
	subType?: string;
	text?: string;
}

/** The template `parameters` array: body placeholders, then one entry per button. */
function templateParameters(context: IExecuteFunctions, i: number): IDataObject[] {
	const raw = context.getNodeParameter('options.parametersJson', i, '') as unknown;
	const parsed = parseJson<unknown>(context, raw, 'Parameters (JSON)', i);
	if (parsed !== undefined) {
		if (!Array.isArray(parsed)) {
			throw new NodeOperationError(context.getNode(), '"Parameters (JSON)" must be a JSON array', {
				itemIndex: i,
				description: 'Example: [{"type":"body","parameters":[{"type":"text","text":"Ana"}]}]',
			});
		}
		return parsed as IDataObject[];
	}
	const parameters: IDataObject[] = [];
	const body =
		(context.getNodeParameter('bodyParameters.parameter', i, []) as Array<{ text?: string }>) ?? [];
	if (body.length) {
		parameters.push({
			type: 'body',
			parameters: body.map((entry) => ({ type: 'text', text: String(entry.text ?? '') })),
		});
	}
	const buttons =
		(context.getNodeParameter('buttonParameters.button', i, []) as ButtonParameter[]) ?? [];
	for (const button of buttons) {
		const subType = button.subType ?? 'url';
		const value = String(button.text ?? '');
		parameters.push({
			type: 'button',
			sub_type: subType,
			index: Number(button.index ?? 0),
			parameters: [
				subType === 'quick_reply'
					? { type: 'payload', payload: value }
					: { type: 'text', text: value },
			],
		});
	}
	return parameters;
}

export async function execute(this: IExecuteFunctions, i: number) {
	const body: IDataObject = {
		type: 'chat',
		...readRecipient(this, i),
		hsmId: requireString(this, 'templateId', i),
		parameters: templateParameters(this, i),
		// As Digisac's own client sends a template: no files attached.
		files: [],
		uploadingFiles: false,
		...sendOptions(this, i),
	};
	const message = await apiRequest<IDataObject>(this, 'POST', '/api/v1/messages', {
		body,
		itemIndex: i,
	});
	return [{ json: message }];
}
