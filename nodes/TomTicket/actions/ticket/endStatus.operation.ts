import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/descriptions';
import { resolveTicketId } from '../../helpers/lookups';
import { postForm } from '../../helpers/write';
import { ticketLocator } from '../common.descriptions';

const properties: INodeProperties[] = [ticketLocator];

export const description = updateDisplayOptions(
	{ show: { resource: ['ticket'], operation: ['endStatus'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const ticketId = await resolveTicketId(this, i);
	// Closes whichever custom status is open on the ticket.
	const answer = await postForm(this, '/ticket/status/close', { ticket_id: ticketId }, [], i);
	return [{ json: { ...answer, ticket_id: ticketId } }];
}
