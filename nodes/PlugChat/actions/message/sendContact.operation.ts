import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireString } from '../../../shared/parameters';
import { readPhone, toPlugChatPhone } from '../../helpers/phone';
import { sendMessage } from '../../helpers/send';
import { phoneLocator, sendOptionsWith } from '../common.description';

export const option = {
	name: 'Send Contact',
	value: 'sendContact',
	action: 'Send a contact card',
	description: 'Send a contact card (vCard)',
};

export const properties: INodeProperties[] = [
	phoneLocator(),
	{
		displayName: 'Contact Name',
		name: 'contactName',
		type: 'string',
		default: '',
		required: true,
		description: 'Name of the contact card',
	},
	{
		displayName: 'Contact Phone',
		name: 'contactPhone',
		type: 'string',
		default: '',
		required: true,
		placeholder: '5511987654321',
		description: 'Phone number on the contact card, with country and area code',
	},
	sendOptionsWith([
		{
			displayName: 'Business Description',
			name: 'contactBusinessDescription',
			type: 'string',
			default: '',
			description: 'Short description of the contact (not shown on WhatsApp Web)',
		},
	]),
];

export async function execute(this: IExecuteFunctions, i: number) {
	const phone = readPhone(this, i);
	const contactName = requireString(this, 'contactName', i);
	const contactPhone = toPlugChatPhone(
		this,
		requireString(this, 'contactPhone', i),
		i,
		'Contact Phone',
		{ allowGroup: false },
	);
	const body: IDataObject & { phone: string } = { phone, contactName, contactPhone };
	const options = this.getNodeParameter('options', i, {}) as {
		contactBusinessDescription?: string;
	};
	if (String(options.contactBusinessDescription ?? '').trim())
		body.contactBusinessDescription = String(options.contactBusinessDescription);
	return await sendMessage(this, i, '/api/whatsapp/send-contact', body);
}
