import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit, updateDisplayOptions } from '../../../shared/descriptions';
import { normalizeChat } from '../../helpers/chats';
import { pageLimit } from '../../helpers/lists';
import { apiRequestAllItems } from '../../transport';

const show = { resource: ['chat'], operation: ['getAll'] };

export const description = updateDisplayOptions({ show }, [
	...returnAllOrLimit(show),
] as INodeProperties[]);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// Z-API style paging: `page` from 1 and `pageSize`; a short page is the last one.
	const chats = await apiRequestAllItems(this, '/api/whatsapp/chats', {}, pageLimit(this, i), {
		firstPage: 1,
		itemIndex: i,
	});
	return chats.map((chat) => ({ json: normalizeChat(chat) }));
}
