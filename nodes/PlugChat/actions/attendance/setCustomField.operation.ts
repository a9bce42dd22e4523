import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { actionResult } from '../../../shared/json';
import { requireString } from '../../../shared/parameters';
import { readPhone } from '../../helpers/phone';
import { assertAccepted } from '../../helpers/results';
import { apiRequest } from '../../transport';
import { phoneLocator } from '../common.description';

export const option = {
	name: 'Set Custom Field',
	value: 'setCustomField',
	action: 'Set a custom field of a chat',
	description: 'Create or update a custom field (campo genérico) of a chat',
};

export const properties: INodeProperties[] = [
	phoneLocator({
		allowGroup: false,
		description: 'WhatsApp number of the chat (contact) that gets the field',
	}),
	{
		displayName: 'Label',
		name: 'label',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'CPF',
		description:
			'Name of the custom field (campo genérico). PlugChat creates it, or updates it when it exists.',
	},
	{
		displayName: 'Value',
		name: 'value',
		type: 'string',
		default: '',
		description: 'Value to store in the field. Leave empty to create the field without a value.',
	},
];

export async function execute(this: IExecuteFunctions, i: number) {
	const phone = readPhone(this, i, 'phone', { allowGroup: false });
	const label = requireString(this, 'label', i);
	const rawValue = this.getNodeParameter('value', i, '') as unknown;
	const value = rawValue === null || rawValue === undefined ? '' : String(rawValue);
	const body: IDataObject = { phone, label };
	if (value !== '') body.value = value;
	const answer = await apiRequest<unknown>(this, 'POST', '/api/integrations/create-generic-field', {
		body,
		itemIndex: i,
	});
	assertAccepted(this, answer, i, 'save the custom field');
	return [{ json: actionResult(answer, body) }];
}
