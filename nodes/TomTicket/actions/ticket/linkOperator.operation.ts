import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { select } from '../../../shared/descriptions';
import { requireString } from '../../../shared/parameters';
import { resolveTicketId } from '../../helpers/lookups';
import { postForm } from '../../helpers/write';
import { ticketLocator } from '../common.description';

export const option = {
	name: 'Link Operator',
	value: 'linkOperator',
	action: 'Link an operator to a ticket',
	description: 'Make an operator responsible for a ticket',
};

export const properties: INodeProperties[] = [
	ticketLocator,
	select({
		name: 'operatorId',
		label: 'Operator',
		description: 'Operator (atendente) to make responsible for the ticket',
		method: 'getOperators',
		required: true,
	}),
];

export async function execute(this: IExecuteFunctions, i: number) {
	const ticketId = await resolveTicketId(this, i);
	const operatorId = requireString(this, 'operatorId', i);
	const answer = await postForm(
		this,
		'/ticket/operator/link',
		{ ticket_id: ticketId, operator_id: operatorId },
		[],
		i,
	);
	return [{ json: { ...answer, ticket_id: ticketId, operator_id: operatorId } }];
}
