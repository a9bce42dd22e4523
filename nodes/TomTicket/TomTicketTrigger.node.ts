import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { getDepartments } from './methods/loadOptions';
import { properties } from './trigger/description';
import { pollTickets } from './trigger/poll';

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
		properties,
	};

	methods = { loadOptions: { getDepartments } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollTickets(this);
	}
}
