import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { resolveTicketId } from '../../helpers/lookups';
import { postForm } from '../../helpers/write';
import { ticketLocator } from '../common.description';

export const option = {
	name: 'End Status',
	value: 'endStatus',
	action: 'End the status of a ticket',
	description: 'Close the custom status open on a ticket',
};

export const properties: INodeProperties[] = [ticketLocator];

export async function execute(this: IExecuteFunctions, i: number) {
	const ticketId = await resolveTicketId(this, i);
	// Closes whichever custom status is open on the ticket.
	const answer = await postForm(this, '/ticket/status/close', { ticket_id: ticketId }, [], i);
	return [{ json: { ...answer, ticket_id: ticketId } }];
}
