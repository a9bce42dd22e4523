import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/descriptions';
import { requireString } from '../../../shared/parameters';
import { resolveTicketId } from '../../helpers/lookups';
import { postForm } from '../../helpers/write';
import { ticketLocator } from '../common.descriptions';

const properties: INodeProperties[] = [
	ticketLocator,
	{
		displayName: 'Operator Name or ID',
		name: 'operatorId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getOperators' },
		required: true,
		default: '',
		description:
			'Operator (atendente) to make responsible for the ticket. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['ticket'], operation: ['linkOperator'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
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
