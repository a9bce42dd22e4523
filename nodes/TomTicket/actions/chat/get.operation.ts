import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../../shared/items';
import { resolveChatId } from '../../helpers/lookups';
import { apiRequest } from '../../transport';
import { chatLocator } from '../common.description';

export const option = {
	name: 'Get',
	value: 'get',
	action: 'Get a chat',
	description: 'Get a chat conversation',
};

/**
 * GUESS: TomTicket's help center page for GET /chat/detail (https://tomticket.tomticket.com/kb)
 * does not name the parameter in any copy we could read; `chat_id` by analogy with `ticket_id`.
 */
const CHAT_ID_PARAMETER = 'chat_id';

export const properties: INodeProperties[] = [chatLocator];

export async function execute(this: IExecuteFunctions, i: number) {
	const chatId = await resolveChatId(this, i);
	const body = await apiRequest(this, 'GET', '/chat/detail', {
		qs: { [CHAT_ID_PARAMETER]: chatId },
		itemIndex: i,
	});
	const data = Array.isArray(body.data) ? body.data : [body.data ?? {}];
	return toItems(data);
}
