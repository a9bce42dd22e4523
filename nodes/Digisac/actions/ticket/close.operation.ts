import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { multiSelect } from '../../../shared/descriptions';
import { actionResult } from '../../../shared/json';
import { pathSegment, requireString, toList } from '../../../shared/parameters';
import { apiRequest } from '../../transport';
import { contactLocator } from '../common.description';

export const option = {
	name: 'Close',
	value: 'close',
	action: 'Close a ticket',
	description: "Close a contact's open ticket, optionally with closing topics",
};

export const properties: INodeProperties[] = [
	contactLocator('The contact (contato) whose open ticket is closed'),
	multiSelect({
		name: 'ticketTopicIds',
		label: 'Ticket Topic',
		description: 'Closing topics (assuntos) to record on the ticket',
		method: 'getTicketTopics',
	}),
];

export async function execute(this: IExecuteFunctions, i: number) {
	const contactId = requireString(this, 'contactId', i);
	const ticketTopicIds = toList(this.getNodeParameter('ticketTopicIds', i, []) as unknown);
	const body: IDataObject | undefined = ticketTopicIds.length ? { ticketTopicIds } : undefined;
	const response = await apiRequest<unknown>(
		this,
		'POST',
		`/api/v1/contacts/${pathSegment(this, contactId, 'contactId', i)}/ticket/close`,
		{
			body,
			itemIndex: i,
		},
	);
	return [{ json: actionResult(response, { contactId, closed: true, ...(body ?? {}) }) }];
}
