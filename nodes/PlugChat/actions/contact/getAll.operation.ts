import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { readLimit } from '../../../shared/parameters';
import { apiRequestAllItems } from '../../transport';

export const option = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many contacts',
	description: 'List WhatsApp contacts, group members included',
};

export const properties: INodeProperties[] = [...returnAllOrLimit()];

export async function execute(this: IExecuteFunctions, i: number) {
	// Includes the members of every group the number is in, not only the address book.
	const contacts = await apiRequestAllItems(
		this,
		'/api/whatsapp/contacts',
		{},
		readLimit(this, i),
		{ firstPage: 1, itemIndex: i },
	);
	return contacts.map((json) => ({ json }));
}
