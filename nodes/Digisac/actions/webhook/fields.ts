import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { toList } from '../../../shared/parameters';

/** Event names with public evidence (see docs); others can be typed in "Additional Events". */
export const webhookEvents: INodeProperties = {
	displayName: 'Events',
	name: 'events',
	type: 'multiOptions',
	options: [
		{ name: 'Bot Command', value: 'bot.command' },
		{ name: 'Contact Created', value: 'contact.created' },
		{ name: 'Contact Updated', value: 'contact.updated' },
		{ name: 'Message Created', value: 'message.created' },
		{ name: 'Message Updated', value: 'message.updated' },
		{ name: 'Ticket Closed', value: 'ticket.closed' },
		{ name: 'Ticket Created', value: 'ticket.created' },
		{ name: 'Ticket Updated', value: 'ticket.updated' },
	],
	default: [],
	description: 'Events Digisac sends to the URL',
};

export const additionalEvents: INodeProperties = {
	displayName: 'Additional Events',
	name: 'additionalEvents',
	type: 'string',
	default: '',
	placeholder: 'e.g. campaign.updated',
	description: 'Other event names, separated by commas',
};

export const activeField: INodeProperties = {
	displayName: 'Active',
	name: 'active',
	type: 'boolean',
	default: true,
	description: 'Whether Digisac sends events to the webhook',
};

/** The chosen events plus the typed-in ones, without duplicates. */
export function eventList(events: unknown, extra: unknown): string[] {
	return [...new Set([...toList(events), ...toList(extra)])];
}

export function hasEvents(fields: IDataObject): boolean {
	return fields.events !== undefined || fields.additionalEvents !== undefined;
}
