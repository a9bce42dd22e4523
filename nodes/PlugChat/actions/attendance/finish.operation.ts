import type { IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { select } from '../../../shared/descriptions';
import { isObject } from '../../../shared/json';
import { requireString } from '../../../shared/parameters';
import { readPhone } from '../../helpers/phone';
import { assertAccepted } from '../../helpers/results';
import { apiRequest } from '../../transport';
import { phoneLocator } from '../common.description';

export const option = {
	name: 'Finish',
	value: 'finish',
	action: 'Finish an attendance',
	description: 'Close the attendance (atendimento) of a chat',
};

export const properties: INodeProperties[] = [
	phoneLocator({
		allowGroup: false,
		description:
			'WhatsApp number of the customer whose attendance ends, with country and area code',
	}),
	select({
		name: 'operatorId',
		label: 'Operator',
		description: 'Operator recorded as the one who finished the attendance',
		method: 'getOperators',
		required: true,
	}),
	{
		displayName: 'Transfer Back to General Department',
		name: 'autoTransfer',
		type: 'boolean',
		default: false,
		description: 'Whether to move the chat back to the "Geral" department after finishing',
	},
];

export async function execute(this: IExecuteFunctions, i: number) {
	const phone = readPhone(this, i, 'phone', { allowGroup: false });
	const operatorId = requireString(this, 'operatorId', i);
	const autoTransfer = this.getNodeParameter('autoTransfer', i, false) === true;

	const answer = await apiRequest<unknown>(this, 'POST', '/api/integrations/finish-attendance', {
		body: { phone, operatorId, autoTransfer },
		itemIndex: i,
	});
	assertAccepted(this, answer, i, 'finish the attendance');
	// `chatFounded` (sic) false: PlugChat found no chat to close for this number.
	if (isObject(answer) && answer.chatFounded === false) {
		const message = `PlugChat found no chat in service for ${phone}`;
		throw new NodeApiError(this.getNode(), { message } as JsonObject, {
			message,
			description: `${typeof answer.message === 'string' ? `${answer.message}. ` : ''}Check the phone number; the attendance may already be finished.`,
			itemIndex: i,
		});
	}
	const result = isObject(answer) ? answer : {};
	return [
		{
			json: {
				success: true,
				phone,
				operatorId,
				autoTransfer,
				...result,
				chatFound: result.chatFounded ?? true,
			},
		},
	];
}
