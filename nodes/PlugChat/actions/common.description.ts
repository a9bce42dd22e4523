import type { INodeProperties } from 'n8n-workflow';

import { locator, alphabetical, optionsCollection } from '../../shared/descriptions';

/**
 * A phone number as a resource locator: pick a chat from PlugChat's list or type a number (an
 * expression works in both). Where the API also takes a group, the list and the hint say so.
 */
export function phoneLocator(
	options: { name?: string; displayName?: string; description?: string; allowGroup?: boolean } = {},
): INodeProperties {
	const allowGroup = options.allowGroup !== false;
	return locator({
		displayName: options.displayName ?? 'Phone Number',
		name: options.name ?? 'phone',
		description:
			options.description ??
			(allowGroup
				? 'WhatsApp number with country and area code (e.g. 5511987654321), or a group ID (e.g. 120363019502650977-group). Formatting such as +55 (11) 98765-4321 is cleaned up.'
				: 'WhatsApp number with country and area code (e.g. 5511987654321). Formatting such as +55 (11) 98765-4321 is cleaned up.'),
		searchListMethod: allowGroup ? 'searchChats' : 'searchPeopleChats',
		modes: [
			// Not "id": n8n's editor labels a mode named "id" "By ID" whatever its displayName
			// (n8n-io/n8n, editor-ui ResourceLocator.vue, getModeLabel). Workflows saved with mode
			// "id" still run: n8n passes the value of a mode the field no longer has as it is.
			{
				displayName: 'By Number',
				name: 'number',
				placeholder: allowGroup ? '5511987654321 or 120363019502650977-group' : '5511987654321',
			},
		],
	});
}

export const groupIdLocator: INodeProperties = locator({
	displayName: 'Group',
	name: 'groupId',
	description: 'The WhatsApp group, e.g. 120363019502650977-group',
	searchListMethod: 'searchGroups',
	modes: [
		{
			displayName: 'By ID',
			name: 'id',
			placeholder: '120363019502650977-group',
			validate: {
				regex: '^\\s*\\d{5,20}-(group|\\d{6,13})\\s*$',
				errorMessage: 'A group ID looks like 120363019502650977-group',
			},
		},
	],
});

/** The text of a message, as typed (line breaks and emojis kept). */
export function messageTextField(description: string, rows = 3): INodeProperties {
	return {
		displayName: 'Message',
		name: 'message',
		type: 'string',
		typeOptions: { rows },
		default: '',
		required: true,
		description,
	};
}

/** The chat and the ID of a message in it, for actions on one message. */
export function messageInChatFields(messageIdDescription: string): INodeProperties[] {
	return [
		phoneLocator({
			description:
				'Chat the message belongs to: a number with country and area code, or a group ID',
		}),
		{
			displayName: 'Message ID',
			name: 'messageId',
			type: 'string',
			default: '',
			required: true,
			description: messageIdDescription,
		},
	];
}

/** Options every WhatsApp send accepts: reply to a message, and the queue delay. */
export const sendOptions: INodeProperties = optionsCollection([
	{
		displayName: 'Delay (Seconds)',
		name: 'delayMessage',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 15 },
		default: 3,
		description:
			'Seconds PlugChat waits before sending the next message from its queue (1 to 15). Without it PlugChat waits 1 to 3 seconds.',
	},
	{
		displayName: 'Reply To Message ID',
		name: 'replyToMessageId',
		type: 'string',
		default: '',
		description:
			'ID of a message in this chat to reply to (the messageId from a send or from the Message Received trigger)',
	},
]);

/** The send options plus operation-specific ones, sorted by name as n8n's UI rules want. */
export function sendOptionsWith(extra: INodeProperties[]): INodeProperties {
	const options = alphabetical(
		[...(sendOptions.options as INodeProperties[]), ...extra],
		(option) => option.displayName,
	);
	return { ...sendOptions, options };
}

/** Where a media send takes its file from: an n8n binary property or a public URL. */
export function mediaSourceFields(
	kind: 'image' | 'audio' | 'video' | 'document',
): INodeProperties[] {
	return [
		{
			displayName: 'Source',
			name: 'source',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'Binary File',
					value: 'binary',
					description: `Send the ${kind} held in a binary field of the input item (PlugChat receives it as base64)`,
				},
				{ name: 'URL', value: 'url', description: `Send the ${kind} found at a public URL` },
			],
			default: 'binary',
		},
		{
			displayName: 'Input Binary Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			required: true,
			displayOptions: { show: { source: ['binary'] } },
			hint: 'The name of the input binary field containing the file to be sent',
			description: `Name of the binary property of the input item that holds the ${kind}`,
		},
		{
			displayName: 'URL',
			name: 'mediaUrl',
			type: 'string',
			default: '',
			required: true,
			displayOptions: { show: { source: ['url'] } },
			placeholder: 'https://example.com/file',
			description: `Public URL of the ${kind}; PlugChat downloads it`,
		},
	];
}
