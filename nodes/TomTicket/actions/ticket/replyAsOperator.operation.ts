import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { select, optionsCollection } from '../../../shared/descriptions';
import { firstObjectOf } from '../../../shared/json';
import { MAX_SHORT_TEXT } from '../../helpers/constants';
import { dateParameter } from '../../helpers/dates';
import { resolveTicketId } from '../../helpers/lookups';
import { attachmentParts, postForm, requireText } from '../../helpers/write';
import { apiRequest } from '../../transport';
import { attachmentsOption, ticketLocator } from '../common.description';

export const option = {
	name: 'Reply as Operator',
	value: 'replyAsOperator',
	action: 'Reply to a ticket as the operator',
	description: "Send a reply in the name of the ticket's operator",
};

export const properties: INodeProperties[] = [
	ticketLocator,
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		description:
			'Reply sent to the customer in the name of the operator linked to the ticket, as plain text (up to 512 characters)',
	},
	optionsCollection([
		attachmentsOption,
		select({
			name: 'linkOperatorId',
			label: 'Link Operator First: Operator',
			description:
				"Operator to link to the ticket before replying, so the reply is theirs. Without it, the ticket must already have an operator: TomTicket would otherwise store the reply as the customer's",
			method: 'getOperators',
		}),
		{
			displayName: 'Work End',
			name: 'workEnd',
			type: 'dateTime',
			default: '',
			description: 'End of the time worked on this reply. Give it together with "Work Start".',
		},
		{
			displayName: 'Work Start',
			name: 'workStart',
			type: 'dateTime',
			default: '',
			description: 'Start of the time worked on this reply. Give it together with "Work End".',
		},
	]),
];

export async function execute(this: IExecuteFunctions, i: number) {
	const ticketId = await resolveTicketId(this, i);
	const message = requireText(this, 'message', i, MAX_SHORT_TEXT);
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const startDate = dateParameter(this, options.workStart, 'Work Start', i);
	const endDate = dateParameter(this, options.workEnd, 'Work End', i);
	if ((startDate === undefined) !== (endDate === undefined)) {
		throw new NodeOperationError(this.getNode(), '"Work Start" and "Work End" go together', {
			itemIndex: i,
			description: 'TomTicket accepts the time worked only as a pair. Fill in both, or neither.',
		});
	}
	const files = await attachmentParts(this, i, options.binaryPropertyName as string | undefined);
	const linkOperatorId = String(options.linkOperatorId ?? '').trim();

	// TomTicket stores an operator reply on a ticket with no linked operator as the customer's,
	// silently (seen in production by a third-party TomTicket client). So either link the chosen
	// operator first, or make sure one is linked.
	let operator: IDataObject;
	if (linkOperatorId) {
		await postForm(
			this,
			'/ticket/operator/link',
			{ ticket_id: ticketId, operator_id: linkOperatorId },
			[],
			i,
		);
		operator = { id: linkOperatorId };
	} else {
		const detail = await apiRequest(this, 'GET', '/ticket/detail', {
			qs: { ticket_id: ticketId },
			itemIndex: i,
		});
		operator = firstObjectOf(firstObjectOf(detail.data).operator);
		if (operator.id === undefined || operator.id === null || operator.id === '') {
			throw new NodeOperationError(
				this.getNode(),
				"The ticket has no linked operator, so TomTicket would store this reply as the customer's",
				{
					itemIndex: i,
					description:
						'Nothing was sent. Either set "Link Operator First" in this operation\'s options to link an operator and reply in their name, or link one earlier with the "Link Operator" operation.',
				},
			);
		}
	}

	const answer = await postForm(
		this,
		'/ticket/reply/operator',
		{ ticket_id: ticketId, message, start_date: startDate, end_date: endDate },
		files,
		i,
	);
	return [{ json: { ...answer, ticket_id: ticketId, operator } }];
}
