import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit, select, filtersCollection } from '../../../shared/descriptions';
import { toItems } from '../../../shared/items';
import { readLimit } from '../../../shared/parameters';
import { SITUATION_OPTIONS } from '../../helpers/constants';
import { listQuery, listRecords } from '../../helpers/filters';
import { customerFilters } from '../common.description';

export const option = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many tickets',
	description: 'List tickets, with filters',
};

export const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	filtersCollection([
		select({
			name: 'categoryId',
			label: 'Category',
			description: 'Only tickets of this category',
			method: 'getCategories',
			dependsOn: ['filters.departmentId'],
		}),
		{
			displayName: 'Created After',
			name: 'createdAfter',
			type: 'dateTime',
			default: '',
			description:
				'Only tickets opened at or after this moment (sent to TomTicket in Brasília time)',
		},
		{
			displayName: 'Created Before',
			name: 'createdBefore',
			type: 'dateTime',
			default: '',
			description: 'Only tickets opened at or before this moment',
		},
		...customerFilters('tickets'),
		{
			displayName: 'Protocol',
			name: 'protocol',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description:
				'Only the ticket with exactly this protocol number. Takes precedence over the protocol range.',
		},
		{
			displayName: 'Protocol From',
			name: 'protocolFrom',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description: 'Only tickets whose protocol number is this one or higher',
		},
		{
			displayName: 'Protocol To',
			name: 'protocolTo',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description: 'Only tickets whose protocol number is this one or lower',
		},
		{
			displayName: 'Situation',
			name: 'situation',
			type: 'multiOptions',
			options: SITUATION_OPTIONS,
			default: [],
			description: 'Only tickets in one of these situations (situação)',
		},
		{
			displayName: 'Status ID',
			name: 'statusId',
			type: 'string',
			default: '',
			description:
				'Only tickets with this custom status open. TomTicket has no API listing the statuses; copy the ID from the TomTicket panel.',
		},
		{
			displayName: 'Updated After',
			name: 'updatedAfter',
			type: 'dateTime',
			default: '',
			description:
				'Only tickets changed at or after this moment. TomTicket allows at most 90 days back.',
		},
	]),
];

export async function execute(this: IExecuteFunctions, i: number) {
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const limit = readLimit(this, i);
	const tickets = await listRecords(this, '/ticket/list', listQuery(this, filters, i), limit, i);
	return toItems(tickets);
}
