import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { isObject } from '../../../shared/json';
import { pathSegment } from '../../../shared/parameters';
import { normalizeChat } from '../../helpers/chats';
import { readPhone } from '../../helpers/phone';
import { apiRequest } from '../../transport';
import { phoneLocator } from '../common.description';

export const option = {
	name: 'Get',
	value: 'get',
	action: 'Get a chat',
	description: 'Get the details of a WhatsApp chat',
};

export const properties: INodeProperties[] = [phoneLocator()];

export async function execute(this: IExecuteFunctions, i: number) {
	const phone = readPhone(this, i);
	const chat = await apiRequest<unknown>(
		this,
		'GET',
		`/api/whatsapp/chats/${pathSegment(this, phone, 'phone', i)}`,
		{ itemIndex: i },
	);
	return [
		{
			json: normalizeChat(isObject(chat) ? { phone, ...chat } : { phone, result: chat as string }),
		},
	];
}
