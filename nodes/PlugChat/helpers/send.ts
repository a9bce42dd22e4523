import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isObject } from '../../shared/json';
import { compact } from '../../shared/parameters';
import { apiRequest } from '../transport';

import { assertAccepted, sendResult } from './results';

interface SendOptions {
	delayMessage?: number;
	replyToMessageId?: string;
}

/**
 * Sends one WhatsApp message: adds the common options (`delayMessage` 1-15 s, `messageId` to
 * reply to a message) and returns `{zaapId, messageId}` with the recipient. A POST, so it is
 * never repeated after an ambiguous failure.
 */
export async function sendMessage(
	context: IExecuteFunctions,
	itemIndex: number,
	path: string,
	body: IDataObject & { phone: string },
	output: IDataObject = {},
): Promise<INodeExecutionData[]> {
	const options = context.getNodeParameter('options', itemIndex, {}) as SendOptions;
	const request: IDataObject = { ...body };
	if (options.delayMessage !== undefined && options.delayMessage !== null) {
		const delay = Number(options.delayMessage);
		if (!Number.isInteger(delay) || delay < 1 || delay > 15) {
			throw new NodeOperationError(
				context.getNode(),
				'"Delay (Seconds)" must be a whole number from 1 to 15',
				{
					itemIndex,
					description: `Item ${itemIndex} gave ${JSON.stringify(options.delayMessage)}.`,
				},
			);
		}
		request.delayMessage = delay;
	}
	const replyTo = String(options.replyToMessageId ?? '').trim();
	if (replyTo) request.messageId = replyTo;

	const answer = await apiRequest<unknown>(context, 'POST', path, { body: request, itemIndex });
	assertAccepted(context, answer, itemIndex, 'send the message');
	return [{ json: sendResult(answer, compact({ phone: body.phone, ...output })) }];
}

/**
 * The entries of a button or option list as the UI stores them (`{<entry>: [...]}`): each needs
 * its text (`label`, `title`), may have a `description`, and its id defaults to its position
 * (1, 2, 3...), which PlugChat returns with the reply.
 */
export function readChoices(
	context: IExecuteFunctions,
	itemIndex: number,
	spec: {
		parameter: string;
		entry: string;
		text: 'label' | 'title';
		noun: string;
		description: string;
	},
): IDataObject[] {
	const raw = context.getNodeParameter(spec.parameter, itemIndex, {}) as unknown;
	const list = (
		isObject(raw) && Array.isArray(raw[spec.entry]) ? raw[spec.entry] : []
	) as unknown[];
	const choices = list
		.map((entry) => (isObject(entry) ? entry : {}))
		.map((entry, index) => {
			const choice: IDataObject = {
				id: String(entry.id ?? '').trim() || String(index + 1),
				[spec.text]: String(entry[spec.text] ?? '').trim(),
			};
			const text = String(entry.description ?? '').trim();
			if (text) choice.description = text;
			return choice;
		});
	const empty = choices.findIndex((choice) => !choice[spec.text]);
	if (choices.length === 0 || empty >= 0) {
		const noun = spec.noun.charAt(0).toUpperCase() + spec.noun.slice(1);
		throw new NodeOperationError(
			context.getNode(),
			choices.length === 0
				? `Add at least one ${spec.noun}`
				: `${noun} ${empty + 1} has no ${spec.text}`,
			{ itemIndex, description: spec.description },
		);
	}
	return choices;
}
