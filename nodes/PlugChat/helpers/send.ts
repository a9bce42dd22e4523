import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

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
