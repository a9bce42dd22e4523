import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { select } from '../../../shared/descriptions';
import { optionalString } from '../../../shared/parameters';
import { resolveTicketId } from '../../helpers/lookups';
import { postForm } from '../../helpers/write';
import { ticketLocator } from '../common.description';

export const option = {
	name: 'Transfer',
	value: 'transfer',
	action: 'Transfer a ticket',
	description: 'Move a ticket to another department and/or operator',
};

export const properties: INodeProperties[] = [
	ticketLocator,
	select({
		name: 'departmentId',
		label: 'Department',
		description: 'Department to move the ticket to. Give a department, an operator, or both',
		method: 'getDepartments',
	}),
	select({
		name: 'operatorId',
		label: 'Operator',
		description:
			'Operator (atendente) to hand the ticket to. TomTicket refuses to transfer a ticket that has no linked operator yet: use "Link Operator" for that',
		method: 'getOperators',
		dependsOn: ['departmentId'],
	}),
];

export async function execute(this: IExecuteFunctions, i: number) {
	const departmentId = optionalString(this, 'departmentId', i);
	const operatorId = optionalString(this, 'operatorId', i);
	if (!departmentId && !operatorId) {
		throw new NodeOperationError(
			this.getNode(),
			'Give a department, an operator, or both to transfer the ticket to',
			{
				itemIndex: i,
				description: 'Both "Department" and "Operator" are empty for this item.',
			},
		);
	}
	const ticketId = await resolveTicketId(this, i);
	const answer = await postForm(
		this,
		'/ticket/transfer',
		{ ticket_id: ticketId, department_id: departmentId, operator_id: operatorId },
		[],
		i,
	);
	return [
		{
			json: {
				...answer,
				ticket_id: ticketId,
				department_id: departmentId ?? null,
				operator_id: operatorId ?? null,
			},
		},
	];
}
