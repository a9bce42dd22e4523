import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	returnAllOrLimit,
	select,
	filtersCollection,
	optionsCollection,
} from '../../../shared/descriptions';
import { listItems } from '../../helpers/list';
import type { DigisacQuery } from '../../helpers/query';
import { checkPeriod, likePattern, toIsoDate } from '../../helpers/query';
import { locatorText } from '../../helpers/responses';
import { recordLocator, rawQueryOption } from '../common.description';

export const option = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many messages',
	description: 'List messages of a contact, ticket or connection',
};

export const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	filtersCollection([
		select({
			name: 'serviceId',
			label: 'Connection',
			description: 'Only messages of this connection',
			method: 'getConnections',
		}),
		{
			...recordLocator({
				name: 'contactId',
				displayName: 'Contact',
				description: "Only messages of this contact's chat",
				searchListMethod: 'searchContacts',
				required: false,
			}),
		},
		{
			displayName: 'Direction',
			name: 'direction',
			type: 'options',
			options: [
				{ name: 'Any', value: 'any' },
				{ name: 'Received', value: 'received', description: 'Sent by the contact' },
				{ name: 'Sent', value: 'sent', description: 'Sent from Digisac (agents, bots, API)' },
			],
			default: 'any',
		},
		{
			displayName: 'From',
			name: 'startDate',
			type: 'dateTime',
			default: '',
			description: 'Only messages sent at or after this time',
		},
		{
			displayName: 'Text Contains',
			name: 'search',
			type: 'string',
			default: '',
			description: 'Only messages whose text contains this (case-insensitive)',
		},
		{
			...recordLocator({
				name: 'ticketId',
				displayName: 'Ticket',
				description: 'Only messages of this ticket (chamado)',
				searchListMethod: 'searchTickets',
				required: false,
			}),
		},
		{
			displayName: 'To',
			name: 'endDate',
			type: 'dateTime',
			default: '',
			description: 'Only messages sent at or before this time',
		},
		{
			displayName: 'Type',
			name: 'type',
			type: 'options',
			options: [
				{ name: 'Audio', value: 'audio' },
				{ name: 'Comment', value: 'comment' },
				{ name: 'Document', value: 'document' },
				{ name: 'Image', value: 'image' },
				{ name: 'Text', value: 'chat' },
				{
					name: 'Ticket Event',
					value: 'ticket',
					description: 'System lines: ticket opened, transferred, closed',
				},
				{ name: 'Video', value: 'video' },
				{ name: 'Voice Message', value: 'ptt' },
			],
			default: 'chat',
		},
	]),
	optionsCollection([
		{
			displayName: 'Include File Details',
			name: 'includeFile',
			type: 'boolean',
			default: false,
			description: "Whether to include each message's file object (with its URL)",
		},
		rawQueryOption,
		{
			displayName: 'Sort',
			name: 'sort',
			type: 'options',
			options: [
				{ name: 'Newest First', value: 'DESC' },
				{ name: 'Oldest First', value: 'ASC' },
			],
			default: 'DESC',
		},
	]),
];

function buildMessageQuery(context: IExecuteFunctions, i: number): DigisacQuery {
	const filters = context.getNodeParameter('filters', i, {}) as IDataObject;
	const where: IDataObject = {};
	if (filters.serviceId) where.serviceId = String(filters.serviceId);
	const contactId = locatorText(filters.contactId);
	if (contactId) where.contactId = contactId;
	const ticketId = locatorText(filters.ticketId);
	if (ticketId) where.ticketId = ticketId;
	if (filters.type) where.type = String(filters.type);
	if (filters.direction === 'received') where.isFromMe = false;
	if (filters.direction === 'sent') where.isFromMe = true;
	if (typeof filters.search === 'string' && filters.search.trim())
		where.text = { $iLike: likePattern(filters.search.trim()) };
	const start = toIsoDate(context, filters.startDate, 'From', i);
	const end = toIsoDate(context, filters.endDate, 'To', i);
	checkPeriod(context, start, end, i);
	if (start || end)
		where.timestamp = { ...(start ? { $gte: start } : {}), ...(end ? { $lte: end } : {}) };
	const options = context.getNodeParameter('options', i, {}) as IDataObject;
	const query: DigisacQuery = { where, order: [['timestamp', String(options.sort ?? 'DESC')]] };
	if (options.includeFile) query.include = ['file'];
	return query;
}

export async function execute(this: IExecuteFunctions, i: number) {
	return await listItems(this, i, '/api/v1/messages', buildMessageQuery(this, i));
}
