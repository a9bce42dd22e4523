import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit, select, filtersCollection } from '../../../shared/descriptions';
import { toItems } from '../../../shared/items';
import { readLimit } from '../../../shared/parameters';
import { listQuery, listRecords } from '../../helpers/filters';
import { customerFilters } from '../common.description';

export const option = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many chats',
	description: 'List chat conversations, with filters',
};

export const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	filtersCollection([
		{
			displayName: 'Created After',
			name: 'createdAfter',
			type: 'dateTime',
			default: '',
			description:
				'Only chats started at or after this moment (sent to TomTicket in Brasília time)',
		},
		{
			displayName: 'Created Before',
			name: 'createdBefore',
			type: 'dateTime',
			default: '',
			description: 'Only chats started at or before this moment',
		},
		...customerFilters('chats'),
		select({
			name: 'organizationId',
			label: 'Organization',
			description: 'Only chats of customers of this organization (or of its parent organization)',
			method: 'getOrganizations',
		}),
		{
			displayName: 'Protocol',
			name: 'protocol',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description:
				'Only the chat with exactly this protocol number. Takes precedence over the protocol range.',
		},
		{
			displayName: 'Protocol From',
			name: 'protocolFrom',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description: 'Only chats whose protocol number is this one or higher',
		},
		{
			displayName: 'Protocol To',
			name: 'protocolTo',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description: 'Only chats whose protocol number is this one or lower',
		},
	]),
];

export async function execute(this: IExecuteFunctions, i: number) {
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const limit = readLimit(this, i);
	const chats = await listRecords(this, '/chat/list', listQuery(this, filters, i), limit, i);
	return toItems(chats);
}
