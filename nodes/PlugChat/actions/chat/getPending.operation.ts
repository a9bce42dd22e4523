import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit, updateDisplayOptions } from '../../../shared/descriptions';
import { normalizeChat } from '../../helpers/chats';
import { pageLimit } from '../../helpers/lists';
import { apiRequestAllItems } from '../../transport';

const show = { resource: ['chat'], operation: ['getPending'] };

export const description = updateDisplayOptions({ show }, [
	...returnAllOrLimit(show),
] as INodeProperties[]);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// PlugChat's own sample asks for page=0 (GUESS: pages count from 0 here). Were they to count
	// from 1, page 0 and page 1 would be the same page, and the repeated-page guard ends the walk
	// there instead of returning it twice.
	const chats = await apiRequestAllItems(
		this,
		'/api/chat/get-pending-chats',
		{},
		pageLimit(this, i),
		{ firstPage: 0, itemIndex: i },
	);
	return chats.map((chat) => ({ json: normalizeChat(chat) }));
}
