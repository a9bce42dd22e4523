import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/descriptions';
import { isObject } from '../../../shared/parameters';
import { phoneLocator } from '../../helpers/fields';
import { readPhone } from '../../helpers/phone';
import { apiRequest } from '../../transport';

const properties: INodeProperties[] = [phoneLocator({ allowGroup: false })];

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const phone = readPhone(this, i, 'phone', { allowGroup: false });
	const contact = await apiRequest<unknown>(
		this,
		'GET',
		`/api/whatsapp/contacts/${encodeURIComponent(phone)}`,
		{ itemIndex: i },
	);
	// `imgUrl` is a WhatsApp link that expires after 48 hours.
	return [
		{ json: isObject(contact) ? { phone, ...contact } : { phone, result: contact as string } },
	];
}
