import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/descriptions';
import { requireString } from '../../../shared/parameters';
import { actionResult } from '../../helpers/responses';
import { apiRequest } from '../../transport';
import { contactLocator } from '../common.description';

const properties: INodeProperties[] = [contactLocator('The contact (contato) to delete')];

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['delete'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const contactId = requireString(this, 'contactId', i);
	const body = await apiRequest<unknown>(
		this,
		'DELETE',
		`/api/v1/contacts/${encodeURIComponent(contactId)}`,
		{ itemIndex: i },
	);
	return [{ json: { ...actionResult(body, { id: contactId }), deleted: true, id: contactId } }];
}
