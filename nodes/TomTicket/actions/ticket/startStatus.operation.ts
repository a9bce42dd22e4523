import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/descriptions';
import { requireString } from '../../../shared/parameters';
import { resolveTicketId } from '../../helpers/lookups';
import { postForm } from '../../helpers/write';
import { ticketLocator } from '../common.description';

export const option = {
	name: 'Start Status',
	value: 'startStatus',
	action: 'Start a status on a ticket',
	description: 'Open a custom status on a ticket',
};

export const properties: INodeProperties[] = [
	ticketLocator,
	{
		displayName: 'Status ID',
		name: 'statusId',
		type: 'string',
		required: true,
		default: '',
		description:
			'ID of the custom status to open on the ticket. TomTicket has no API listing the statuses; copy the ID from the TomTicket panel.',
	},
	optionsCollection([
		{
			displayName: 'Comment',
			name: 'comment',
			type: 'string',
			typeOptions: { rows: 2 },
			default: '',
			description: 'Note about why the status was opened',
		},
	]),
];

export async function execute(this: IExecuteFunctions, i: number) {
	const ticketId = await resolveTicketId(this, i);
	const statusId = requireString(this, 'statusId', i);
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const comment = String(options.comment ?? '').trim() || undefined;
	const answer = await postForm(
		this,
		'/ticket/status/open',
		{ ticket_id: ticketId, status_id: statusId, comment },
		[],
		i,
	);
	return [{ json: { ...answer, ticket_id: ticketId, status_id: statusId } }];
}
