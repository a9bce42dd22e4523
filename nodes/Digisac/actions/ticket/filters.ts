import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { select } from '../../../shared/descriptions';
import type { DigisacQuery } from '../../helpers/query';
import { addInclude, checkPeriod, toIsoDate } from '../../helpers/query';
import { locatorText } from '../../helpers/responses';
import { recordLocator } from '../common.description';

export const ticketFilterOptions: INodeProperties[] = [
	select({
		name: 'serviceId',
		label: 'Connection',
		description: 'Only tickets of contacts on this connection',
		method: 'getConnections',
	}),
	{
		...recordLocator({
			name: 'contactId',
			displayName: 'Contact',
			description: 'Only tickets of this contact',
			searchListMethod: 'searchContacts',
			required: false,
		}),
	},
	select({
		name: 'departmentId',
		label: 'Department',
		description: 'Only tickets in this department',
		method: 'getDepartments',
	}),
	{
		displayName: 'Period End',
		name: 'endPeriod',
		type: 'dateTime',
		default: '',
		description: 'Only tickets up to this time',
	},
	{
		displayName: 'Period Start',
		name: 'startPeriod',
		type: 'dateTime',
		default: '',
		description: 'Only tickets from this time on',
	},
	{
		displayName: 'Protocol',
		name: 'protocol',
		type: 'string',
		default: '',
		description: 'Only the ticket with this protocol number',
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: [
			{ name: 'All', value: 'all' },
			{ name: 'Closed', value: 'closed' },
			{ name: 'Open', value: 'open' },
		],
		default: 'open',
	},
	select({
		name: 'userId',
		label: 'User',
		description: 'Only tickets assigned to this user (atendente)',
		method: 'getUsers',
	}),
];

export const ticketIncludeOptions: INodeProperties[] = [
	{
		displayName: 'Include Related Records',
		name: 'includeRelated',
		type: 'boolean',
		default: false,
		description: "Whether to include each ticket's contact, department, user and closing topics",
	},
	{
		displayName: 'Include Transfers',
		name: 'includeTransfers',
		type: 'boolean',
		default: false,
		description:
			"Whether to include each ticket's transfer history, with who transferred or closed it",
	},
];

/** The ticket filters as Digisac's `query` plus its flat period parameters. */
export function buildTicketQuery(
	context: IExecuteFunctions,
	i: number,
	filters: IDataObject,
	options: IDataObject,
): { query: DigisacQuery; qs: IDataObject } {
	const where: IDataObject = {};
	const query: DigisacQuery = { where, order: [['updatedAt', 'DESC']] };
	const status = filters.status ?? 'all';
	if (status === 'open') where.isOpen = true;
	if (status === 'closed') where.isOpen = false;
	if (filters.departmentId) where.departmentId = String(filters.departmentId);
	if (filters.userId) where.userId = String(filters.userId);
	const contactId = locatorText(filters.contactId);
	if (contactId) where.contactId = contactId;
	if (typeof filters.protocol === 'string' && filters.protocol.trim())
		where.protocol = filters.protocol.trim();
	if (options.includeRelated) {
		addInclude(query, 'contact');
		addInclude(query, 'department');
		addInclude(query, 'user');
		addInclude(query, 'ticketTopics');
	}
	if (filters.serviceId) {
		// Tickets have no connection of their own; Digisac's requests filter through the contact.
		addInclude(query, {
			model: 'contact',
			required: true,
			where: { serviceId: String(filters.serviceId) },
		});
		query.distinct = true;
	}
	if (options.includeTransfers)
		addInclude(query, { model: 'ticketTransfers', include: ['byUser'] });
	const qs: IDataObject = {};
	const start = toIsoDate(context, filters.startPeriod, 'Period Start', i);
	const end = toIsoDate(context, filters.endPeriod, 'Period End', i);
	checkPeriod(context, start, end, i);
	if (start) qs.startPeriod = start;
	if (end) qs.endPeriod = end;
	return { query, qs };
}
