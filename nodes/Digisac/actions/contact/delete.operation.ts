import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { actionResult } from '../../../shared/json';
import { pathSegment, requireString } from '../../../shared/parameters';
import { apiRequest } from '../../transport';
import { contactLocator } from '../common.description';

export const option = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a contact',
};

export const properties: INodeProperties[] = [contactLocator('The contact (contato) to delete')];

export async function execute(this: IExecuteFunctions, i: number) {
	const contactId = requireString(this, 'contactId', i);
	const body = await apiRequest<unknown>(
		this,
		'DELETE',
		`/api/v1/contacts/${pathSegment(this, contactId, 'contactId', i)}`,
		{ itemIndex: i },
	);
	return [{ json: { ...actionResult(body, { id: contactId }), deleted: true, id: contactId } }];
}
