import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

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

/** TomTicket's refusal of a transfer of a ticket with no operator (English or Portuguese). */
const NO_OPERATOR_REFUSAL = /without attendants?|sem (nenhum )?atendente/i;
const NO_OPERATOR_ADVICE =
	'The ticket has no linked operator, and this TomTicket account refuses to transfer such a ticket. Pick an operator in the "Operator" field, or link one first with the "Link Operator" operation, then transfer.';

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
	let answer;
	try {
		answer = await postForm(
			this,
			'/ticket/transfer',
			{ ticket_id: ticketId, department_id: departmentId, operator_id: operatorId },
			[],
			i,
		);
	} catch (error) {
		// Not documented, and third-party clients disagree: one saw every transfer of a ticket with
		// no linked operator refused ("Not possible to transfer tickets without attendants."),
		// another transfers a fresh ticket to a department and gets success. Whatever the account
		// does, the platform's answer stands; a refusal gets the way out in the node's terms.
		const nodeError =
			error instanceof NodeApiError || error instanceof NodeOperationError
				? error
				: new NodeOperationError(this.getNode(), error as Error, { itemIndex: i });
		if (nodeError instanceof NodeApiError && NO_OPERATOR_REFUSAL.test(nodeError.message)) {
			nodeError.description = [nodeError.description, NO_OPERATOR_ADVICE].filter(Boolean).join(' ');
		}
		throw nodeError;
	}
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
