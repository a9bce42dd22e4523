import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { readLimit } from '../../../shared/parameters';
import { normalizeChat } from '../../helpers/chats';
import { apiRequestAllItems } from '../../transport';

export const option = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many chats',
	description: 'List the WhatsApp chats of the number',
};

export const properties: INodeProperties[] = [...returnAllOrLimit()];

export async function execute(this: IExecuteFunctions, i: number) {
	// Z-API style paging: `page` from 1 and `pageSize`; a short page is the last one.
	const chats = await apiRequestAllItems(this, '/api/whatsapp/chats', {}, readLimit(this, i), {
		firstPage: 1,
		itemIndex: i,
	});
	return chats.map((chat) => ({ json: normalizeChat(chat) }));
}
