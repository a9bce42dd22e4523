import type { INodeProperties } from 'n8n-workflow';

import { multiSelect, filtersCollection, optionsCollection } from '../../shared/descriptions';

import { DEFAULT_MAX_MEDIA_MB } from './media';

/**
 * Event names Digisac documents or that follow its `<resource>.<verb>` pattern: `message.created`
 * and `message.updated` in the webhook example of its Postman page
 * (https://documenter.getpostman.com/view/53282970/2sBXihpXmF), `bot.command` in Digisac's own
 * receiver (github.com/digisac/core-integration-laravel, DigiSacController.php); the others by the
 * pattern. Names not in this list can be added as free text.
 */
export const DIGISAC_EVENTS = [
	'bot.command',
	'contact.created',
	'contact.updated',
	'message.created',
	'message.updated',
	'ticket.closed',
	'ticket.created',
	'ticket.updated',
] as const;

/**
 * The filters a typical bot workflow needs, top-level with `default: true`: n8n saves only what
 * differs from a default and fills the rest in at run time, so a newly added trigger applies them.
 * (Inside a collection, a default applies only once the user adds the entry.)
 */
export const SAFETY_FILTERS = [
	{
		name: 'ignoreBotMessages',
		displayName: 'Ignore Bot Messages',
		description: 'Whether to drop messages sent by a Digisac chatbot (isFromBot, or origin "bot")',
	},
	{
		name: 'ignoreGroups',
		displayName: 'Ignore Group Chats',
		description:
			"Whether to drop events from WhatsApp groups: contacts marked isGroup, and received messages whose sender (fromId) is not the chat's contact (contactId)",
	},
	{
		name: 'ignoreSystemMessages',
		displayName: 'Ignore System Messages',
		description:
			'Whether to drop the lines Digisac adds to a chat when a ticket opens, is transferred or closes (messages of type "ticket", with no text)',
	},
	{
		name: 'onlyUnassigned',
		displayName: 'Only Without Assigned Agent',
		description:
			'Whether to drop messages and tickets an agent already handles (ticketUserId or userId set), so a bot stops answering once a human takes over',
	},
] as const;

export const properties: INodeProperties[] = [
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		default: ['message.created'],
		description:
			'Digisac events that start the workflow. Deliveries of other events are acknowledged and dropped.',
		// n8n's nodes panel lists one line per option: its `action`, else "On " + startCase(name)
		// (triggersCategory() in packages/frontend/editor-ui/src/features/shared/nodeCreator/
		// composables/useActionsGeneration.ts, n8n-io/n8n). The name holds only the words, so the
		// line reads "On message created" either way; the event's Digisac name is in the description.
		options: [
			{
				name: 'Bot Command',
				action: 'On bot command',
				value: 'bot.command',
				description:
					'A Digisac chatbot flow called this integration. Answer with the Digisac node: Bot → Trigger Signal. Digisac event: bot.command.',
			},
			{
				name: 'Contact Created',
				action: 'On contact created',
				value: 'contact.created',
				description:
					"A contact was added. Event name inferred from Digisac's naming pattern. Digisac event: contact.created.",
			},
			{
				name: 'Contact Updated',
				action: 'On contact updated',
				value: 'contact.updated',
				description:
					"A contact's name, tags or custom fields changed. Event name inferred from Digisac's naming pattern. Digisac event: contact.updated.",
			},
			{
				name: 'Message Created',
				action: 'On message created',
				value: 'message.created',
				description:
					'A message was received from or sent to a contact (mensagem recebida/enviada). Digisac event: message.created.',
			},
			{
				name: 'Message Updated',
				action: 'On message updated',
				value: 'message.updated',
				description:
					'A message changed, for example its delivery status (ack) or its file finished downloading. Digisac event: message.updated.',
			},
			{
				name: 'Ticket Closed',
				action: 'On ticket closed',
				value: 'ticket.closed',
				description: 'A ticket (chamado) was closed. Digisac event: ticket.closed.',
			},
			{
				name: 'Ticket Created',
				action: 'On ticket created',
				value: 'ticket.created',
				description: 'A ticket (chamado) was opened. Digisac event: ticket.created.',
			},
			{
				name: 'Ticket Updated',
				action: 'On ticket updated',
				value: 'ticket.updated',
				description:
					"A ticket (chamado) changed, for example it was transferred. Event name inferred from Digisac's naming pattern. Digisac event: ticket.updated.",
			},
		],
	},
	{
		displayName: 'Additional Events',
		name: 'additionalEvents',
		type: 'string',
		default: '',
		placeholder: 'e.g. ticket.transferred, campaign.updated',
		description:
			'Other Digisac event names to subscribe to, separated by commas, for events not in the list above',
	},
	{
		displayName: 'Ignore Messages Sent by Me',
		name: 'ignoreOwnMessages',
		type: 'boolean',
		default: true,
		description:
			'Whether to drop messages sent from this Digisac account (by agents, bots or workflows, isFromMe). Keep it on when the workflow replies, or each reply would start it again.',
	},
	...SAFETY_FILTERS.map(
		(filter): INodeProperties => ({
			displayName: filter.displayName,
			name: filter.name,
			type: 'boolean',
			default: true,
			description: filter.description,
		}),
	),
	filtersCollection([
		multiSelect({
			name: 'serviceIds',
			label: 'Connection',
			description:
				'Only events of these connections (WhatsApp numbers and other channels, serviceId). Events whose payload names no connection are not filtered',
			method: 'getConnections',
		}),
		// Where these switches lived before they became top-level: n8n keeps only the collection
		// entries it knows, so they stay readable for saved workflows (an explicit value there still
		// wins), and each shows only where a value is saved (it displays itself only when it has a
		// value), so "Add Filter" no longer offers them.
		...SAFETY_FILTERS.map(
			(filter): INodeProperties => ({
				displayName: `${filter.displayName} (Old Setting)`,
				name: filter.name,
				type: 'boolean',
				default: true,
				displayOptions: { show: { [filter.name]: [true, false] } },
				description: `Whether to apply this filter, as saved by an earlier version of this node; it overrides the "${filter.displayName}" switch above. Remove it to use the switch.`,
			}),
		),
	]),
	optionsCollection([
		{
			// Absent (the Options collection saves only what the user adds) means on.
			displayName: 'Add Contact Name and Number',
			name: 'addContactFields',
			type: 'boolean',
			default: true,
			description:
				"Whether to add the contact's name and number to each item (contactName, contactNumber): from the delivery when it carries them, else from one contact lookup before the delivery is answered. A failed lookup leaves them out.",
		},
		{
			displayName: 'Deduplication Window (Minutes)',
			name: 'deduplicationMinutes',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 10,
			description:
				'A delivery repeated within this time (same event and ID, and for ".updated" events the same updatedAt) starts no second execution. 0 turns this off.',
		},
		{
			displayName: 'Download Media',
			name: 'downloadMedia',
			type: 'boolean',
			default: false,
			description:
				'Whether to download the file of image, audio, video and document messages and attach it as binary data. Digisac may send the event before the file is ready, so the trigger retries for a few seconds.',
		},
		{
			displayName: 'Max Media Size (MB)',
			name: 'maxMediaSizeMb',
			type: 'number',
			typeOptions: { minValue: 0.01, numberPrecision: 2 },
			default: DEFAULT_MAX_MEDIA_MB,
			description:
				'Largest file Download Media fetches. A larger one is not downloaded (reading stops at this size) and the execution starts with mediaError saying so.',
		},
		{
			displayName: 'Put Media in Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			description: 'Name of the binary field that receives the downloaded file',
		},
	]),
];
