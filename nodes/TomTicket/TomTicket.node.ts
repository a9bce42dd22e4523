import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { routeItems, subtitle } from '../shared/router';

import { properties, resources } from './actions/versionDescription';
import { listSearch, loadOptions } from './methods';

export class TomTicket implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'TomTicket',
		name: 'tomTicket',
		icon: { light: 'file:../../icons/tomticket.svg', dark: 'file:../../icons/tomticket.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: subtitle(resources),
		description: 'Work with TomTicket helpdesk tickets (chamados), chats and customers',
		defaults: { name: 'TomTicket' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'tomTicketApi', required: true }],
		properties,
	};

	methods = { loadOptions, listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeItems.call(this, resources);
	}
}
