import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { readLimit } from '../../../shared/parameters';
import { normalizeChat } from '../../helpers/chats';
import { apiRequestAllItems } from '../../transport';

export const option = {
	name: 'Get Pending',
	value: 'getPending',
	action: 'Get pending chats',
	description: 'List chats waiting for an operator (pendentes)',
};

export const properties: INodeProperties[] = [...returnAllOrLimit()];

export async function execute(this: IExecuteFunctions, i: number) {
	// PlugChat's own sample asks for page=0 (GUESS: pages count from 0 here). Were they to count
	// from 1, page 0 and page 1 would be the same page, and the repeated-page guard ends the walk
	// there instead of returning it twice.
	const chats = await apiRequestAllItems(
		this,
		'/api/chat/get-pending-chats',
		{},
		readLimit(this, i),
		{ firstPage: 0, itemIndex: i },
	);
	return chats.map((chat) => ({ json: normalizeChat(chat) }));
}
