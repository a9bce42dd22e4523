import type { INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../shared/descriptions';
import { WEBHOOK_EVENT_OPTIONS } from '../helpers/webhooks';

/** The trigger's parameters: which events, and which deliveries to skip. */
export const properties: INodeProperties[] = [
	{
		displayName:
			'PlugChat keeps one webhook URL per event for the whole account: activating this trigger points the chosen events here (replacing any URL they had) and leaves the other events alone. PlugChat accepts only HTTPS URLs.',
		name: 'notice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: WEBHOOK_EVENT_OPTIONS,
		default: ['receiveMessage'],
		required: true,
		description: 'PlugChat events that start the workflow',
	},
	optionsCollection([
		{
			displayName: 'Ignore Groups',
			name: 'ignoreGroups',
			type: 'boolean',
			default: false,
			description:
				'Whether to skip events of WhatsApp groups (isGroup, or a group ID as the phone)',
		},
		{
			displayName: 'Ignore Messages Sent by Me',
			name: 'ignoreFromMe',
			type: 'boolean',
			default: true,
			description:
				'Whether to skip messages sent from this WhatsApp number (fromMe), so replies sent by the workflow do not start it again',
		},
	]),
];
