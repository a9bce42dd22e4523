import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/descriptions';
import { toItems } from '../../../shared/items';
import { resolveTicketId } from '../../helpers/lookups';
import { apiRequest } from '../../transport';
import { ticketLocator } from '../common.description';

export const option = {
	name: 'Get',
	value: 'get',
	action: 'Get a ticket',
	description: 'Get a ticket with its replies and custom fields',
};

export const properties: INodeProperties[] = [
	ticketLocator,
	optionsCollection([
		{
			displayName: 'Include Escalated Tickets',
			name: 'includeEscalatedTickets',
			type: 'boolean',
			default: false,
			description: 'Whether to include the tickets escalated from this one (chamados escalonados)',
		},
		{
			displayName: 'Include Tags',
			name: 'includeTags',
			type: 'boolean',
			default: false,
			description: "Whether to include the ticket's tags",
		},
		{
			displayName: 'Include Time Entries',
			name: 'includeTimeEntries',
			type: 'boolean',
			default: false,
			description: 'Whether to include the time tracked on the ticket (cronômetro)',
		},
	]),
];

export async function execute(this: IExecuteFunctions, i: number) {
	const ticketId = await resolveTicketId(this, i);
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const qs: IDataObject = { ticket_id: ticketId };
	if (options.includeTimeEntries) qs.show_stopwatch = 1;
	if (options.includeEscalatedTickets) qs.show_staggered_tickets = 1;
	if (options.includeTags) qs.show_tags = 1;
	return toItems(await ticketDetails(this, qs, i));
}

/** `GET /ticket/detail`: the ticket as Get returns it. */
export async function ticketDetails(
	context: IExecuteFunctions,
	qs: IDataObject,
	itemIndex: number,
): Promise<IDataObject[]> {
	const body = await apiRequest(context, 'GET', '/ticket/detail', { qs, itemIndex });
	// `data` is the ticket object; a third-party TomTicket client also saw it wrapped in an array.
	return (Array.isArray(body.data) ? body.data : [body.data ?? {}]) as IDataObject[];
}
