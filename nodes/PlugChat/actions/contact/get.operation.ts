import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { isObject } from '../../../shared/json';
import { pathSegment } from '../../../shared/parameters';
import { readPhone } from '../../helpers/phone';
import { apiRequest } from '../../transport';
import { phoneLocator } from '../common.description';

export const option = {
	name: 'Get',
	value: 'get',
	action: 'Get a contact',
	description: 'Get the details of a WhatsApp contact',
};

export const properties: INodeProperties[] = [phoneLocator({ allowGroup: false })];

export async function execute(this: IExecuteFunctions, i: number) {
	const phone = readPhone(this, i, 'phone', { allowGroup: false });
	const contact = await apiRequest<unknown>(
		this,
		'GET',
		`/api/whatsapp/contacts/${pathSegment(this, phone, 'phone', i)}`,
		{ itemIndex: i },
	);
	// `imgUrl` is a WhatsApp link that expires after 48 hours.
	return [
		{ json: isObject(contact) ? { phone, ...contact } : { phone, result: contact as string } },
	];
}
