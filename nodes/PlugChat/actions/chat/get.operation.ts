import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/descriptions';
import { isObject } from '../../../shared/parameters';
import { normalizeChat } from '../../helpers/chats';
import { phoneLocator } from '../../helpers/fields';
import { readPhone } from '../../helpers/phone';
import { apiRequest } from '../../transport';

const properties: INodeProperties[] = [phoneLocator()];

export const description = updateDisplayOptions(
	{ show: { resource: ['chat'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const phone = readPhone(this, i);
	const chat = await apiRequest<unknown>(
		this,
		'GET',
		`/api/whatsapp/chats/${encodeURIComponent(phone)}`,
		{ itemIndex: i },
	);
	return [
		{
			json: normalizeChat(isObject(chat) ? { phone, ...chat } : { phone, result: chat as string }),
		},
	];
}
