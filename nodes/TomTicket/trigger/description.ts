import type { INodeProperties } from 'n8n-workflow';

import { multiSelect, optionsCollection } from '../../shared/descriptions';
import { SITUATION_OPTIONS } from '../helpers/constants';

/** The trigger's parameters: which event, and which tickets. */
export const properties: INodeProperties[] = [
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Ticket Created',
				value: 'ticketCreated',
				description: 'A new ticket (chamado) was opened',
			},
			{
				name: 'Ticket Updated',
				value: 'ticketUpdated',
				description:
					'A ticket was opened or changed: a reply, a comment, a new situation, a transfer',
			},
		],
		default: 'ticketCreated',
	},
	multiSelect({
		name: 'departmentIds',
		label: 'Department',
		description: 'Only tickets of these departments; none means all',
		method: 'getDepartments',
	}),
	{
		displayName: 'Situations',
		name: 'situations',
		type: 'multiOptions',
		options: SITUATION_OPTIONS,
		default: [],
		description: 'Only tickets currently in one of these situations (situação); none means all',
	},
	optionsCollection([
		{
			displayName: 'Include Replies and Custom Fields',
			name: 'includeDetails',
			type: 'boolean',
			default: false,
			description:
				"Whether to fetch each ticket's full details (replies, custom fields). Costs one extra request per ticket; TomTicket allows 3 per second.",
		},
	]),
];
