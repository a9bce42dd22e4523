import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { multiSelect } from '../shared/descriptions';

import { SITUATION_OPTIONS } from './helpers/constants';
import { pollTickets } from './helpers/poll';
import { getDepartments } from './methods/loadOptions';

export class TomTicketTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'TomTicket Trigger',
		name: 'tomTicketTrigger',
		icon: { light: 'file:../../icons/tomticket.svg', dark: 'file:../../icons/tomticket.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"] === "ticketUpdated" ? "Ticket updated" : "Ticket created"}}',
		description:
			'Starts the workflow when a TomTicket ticket is created or updated (checks periodically)',
		defaults: { name: 'TomTicket Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'tomTicketApi', required: true }],
		properties: [
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
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [
					{
						displayName: 'Include Replies and Custom Fields',
						name: 'includeDetails',
						type: 'boolean',
						default: false,
						description:
							"Whether to fetch each ticket's full details (replies, custom fields). Costs one extra request per ticket; TomTicket allows 3 per second.",
					},
				],
			},
		],
	};

	methods = { loadOptions: { getDepartments } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollTickets.call(this);
	}
}
