import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit, updateDisplayOptions } from '../../../shared/descriptions';
import { pageLimit } from '../../helpers/lists';
import { apiRequestAllItems } from '../../transport';

const show = { resource: ['contact'], operation: ['getAll'] };

export const description = updateDisplayOptions({ show }, [
	...returnAllOrLimit(show),
] as INodeProperties[]);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	// Includes the members of every group the number is in, not only the address book.
	const contacts = await apiRequestAllItems(
		this,
		'/api/whatsapp/contacts',
		{},
		pageLimit(this, i),
		{ firstPage: 1, itemIndex: i },
	);
	return contacts.map((json) => ({ json }));
}
