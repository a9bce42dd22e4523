import type { INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../shared/descriptions';
import { WEBHOOK_EVENT_OPTIONS } from '../helpers/webhooks';

export const TOP_LEVEL_LABELS = {
	ignoreFromMe: 'Ignore Messages Sent by Me',
	ignoreGroups: 'Ignore Groups',
} as const;

/** Version 1 kept the filters under Options; what it saved there still applies. */
export const LEGACY_LABELS = {
	ignoreFromMe: 'Ignore Messages Sent by Me (Earlier Setting)',
	ignoreGroups: 'Ignore Groups (Earlier Setting)',
} as const;

const IGNORE_GROUPS_DESCRIPTION =
	'Whether to skip events of WhatsApp groups (isGroup, or a group ID as the phone), so a workflow that replies never answers into a group';

const VERSION_1 = { show: { '@version': [1] } };
const SINCE_1_1 = { show: { '@version': [{ _cnd: { gte: 1.1 } }] } };

/** The trigger's parameters: which events, and which deliveries to skip. */
export const properties: INodeProperties[] = [
	{
		displayName:
			'PlugChat keeps one webhook URL per event for the whole account. Activating this trigger points the chosen events here and leaves the other events alone; a workflow or system that had one of these events stops receiving it, and n8n cannot tell, since PlugChat offers no way to read the URLs back. Listening for a test event takes these events from the active workflow until it is activated again or n8n restarts. PlugChat accepts only HTTPS URLs.',
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
	{
		displayName: TOP_LEVEL_LABELS.ignoreFromMe,
		name: 'ignoreFromMe',
		type: 'boolean',
		default: true,
		description:
			'Whether to skip messages sent from this WhatsApp number (fromMe), so replies sent by the workflow do not start it again',
	},
	// Two versions of one parameter: new triggers skip groups; version 1 kept its default, off.
	{
		displayName: TOP_LEVEL_LABELS.ignoreGroups,
		name: 'ignoreGroups',
		type: 'boolean',
		default: true,
		displayOptions: SINCE_1_1,
		description: IGNORE_GROUPS_DESCRIPTION,
	},
	{
		displayName: TOP_LEVEL_LABELS.ignoreGroups,
		name: 'ignoreGroups',
		type: 'boolean',
		default: false,
		displayOptions: VERSION_1,
		description: IGNORE_GROUPS_DESCRIPTION,
	},
	{
		...optionsCollection([
			{
				displayName: LEGACY_LABELS.ignoreGroups,
				name: 'ignoreGroups',
				type: 'boolean',
				default: false,
				description:
					'Whether to skip group events. Saved by an earlier version of this node; when set, it is used instead of Ignore Groups above. Remove it to use the toggle.',
			},
			{
				displayName: LEGACY_LABELS.ignoreFromMe,
				name: 'ignoreFromMe',
				type: 'boolean',
				default: true,
				description:
					'Whether to skip messages sent from this number. Saved by an earlier version of this node; when set, it is used instead of Ignore Messages Sent by Me above. Remove it to use the toggle.',
			},
		]),
		displayOptions: VERSION_1,
	},
];
