import type { INodeProperties } from 'n8n-workflow';

import { locator, select } from '../../shared/descriptions';

const UUID_REGEX = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

/** A Digisac record: pick it from a searchable list, or give its ID (a UUID). */
export function recordLocator(options: {
	name: string;
	displayName: string;
	description: string;
	searchListMethod: string;
	required?: boolean;
	placeholder?: string;
}): INodeProperties {
	const { placeholder, ...spec } = options;
	return locator({
		...spec,
		modes: [
			{
				displayName: 'By ID',
				name: 'id',
				placeholder: placeholder ?? 'e.g. 7a1e2b1c-0000-4000-8000-000000000001',
				validate: {
					regex: `^\\s*${UUID_REGEX}\\s*$`,
					errorMessage: 'Not a valid Digisac ID (a UUID)',
				},
			},
		],
	});
}

export const contactLocator = (description = 'The contact (contato)'): INodeProperties =>
	recordLocator({
		name: 'contactId',
		displayName: 'Contact',
		description,
		searchListMethod: 'searchContacts',
	});

export const groupLocator: INodeProperties = recordLocator({
	name: 'groupId',
	displayName: 'Group',
	description: 'The WhatsApp group (a contact whose "isGroup" is true)',
	searchListMethod: 'searchGroups',
});

export const ticketLocator: INodeProperties = recordLocator({
	name: 'ticketId',
	displayName: 'Ticket',
	description: 'The ticket (chamado). Search the list by protocol number.',
	searchListMethod: 'searchTickets',
});

export const messageLocator: INodeProperties = recordLocator({
	name: 'messageId',
	displayName: 'Message',
	description: 'The message. The list shows the most recent messages; search by text.',
	searchListMethod: 'searchMessages',
});

export const webhookLocator: INodeProperties = recordLocator({
	name: 'webhookId',
	displayName: 'Webhook',
	description: "The webhook registered under the token's user",
	searchListMethod: 'searchWebhooks',
});

export const connectionSelect = (
	description = 'The connection (conexão): the WhatsApp number or other channel',
	required = true,
) =>
	select({
		name: 'serviceId',
		label: 'Connection',
		description,
		method: 'getConnections',
		required,
	});

export const departmentSelect = (description = 'The department (departamento)', required = false) =>
	select({
		name: 'departmentId',
		label: 'Department',
		description,
		method: 'getDepartments',
		required,
	});

export const userSelect = (description = 'The user (atendente)', required = false) =>
	select({ name: 'userId', label: 'User', description, method: 'getUsers', required });

/** Advanced filter: a raw `query` object merged with the fields. */
export const rawQueryOption: INodeProperties = {
	displayName: 'Query (JSON)',
	name: 'query',
	type: 'json',
	default: '',
	description:
		'Advanced: a Digisac query object (where, include, order, attributes) merged with the filters above; both must match. Paging is done by the node. Example: {"where": {"isOpen": true}, "order": [["updatedAt", "DESC"]]}.',
};

/** Where a downloaded file goes in the output item. */
export const outputBinaryOption: INodeProperties = {
	displayName: 'Put Output File in Field',
	name: 'binaryPropertyName',
	type: 'string',
	default: 'data',
	description: 'Name of the binary property the file is written to',
};

/** Custom field values as Digisac takes them: [{id, value}]. */
export const customFieldsCollection: INodeProperties = {
	displayName: 'Custom Fields',
	name: 'customFields',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Custom Field',
	default: {},
	description: 'Values of custom fields (campos personalizados)',
	options: [
		{
			displayName: 'Field',
			name: 'field',
			values: [
				select({
					name: 'id',
					label: 'Field',
					description: 'The custom field',
					method: 'getCustomFields',
				}),
				{
					displayName: 'Value',
					name: 'value',
					type: 'string',
					default: '',
				},
			],
		},
	],
};

/** A required phone number (`number`), as Digisac stores contacts. */
export function phoneNumberField(
	description: string,
	placeholder = 'e.g. 5511987654321',
): INodeProperties {
	return {
		displayName: 'Phone Number',
		name: 'number',
		type: 'string',
		required: true,
		default: '',
		placeholder,
		description,
	};
}

/** Who a message goes to: a known contact, or a phone number on a connection. */
export const recipientProperties: INodeProperties[] = [
	{
		displayName: 'Send To',
		name: 'sendTo',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Existing Contact', value: 'contact', description: 'A contact Digisac already has' },
			{
				name: 'Phone Number',
				value: 'number',
				description: 'Any number on a connection, also one Digisac does not know yet',
			},
		],
		default: 'contact',
	},
	{
		...contactLocator('The contact (contato) to write to'),
		displayOptions: { show: { sendTo: ['contact'] } },
	},
	{
		...phoneNumberField(
			'Phone number with country and area code. Spaces, +, dashes and brackets are removed; a Brazilian number without 55 gets it.',
		),
		displayOptions: { show: { sendTo: ['number'] } },
	},
	{
		...connectionSelect('The connection (conexão) the message is sent from'),
		displayOptions: { show: { sendTo: ['number'] } },
	},
];

/** The acting agent and origin of a message. */
export const userOption: INodeProperties = {
	...userSelect("The user (atendente) the message is sent as. Empty: the token's user."),
};

export const originOption: INodeProperties = {
	displayName: 'Origin',
	name: 'origin',
	type: 'options',
	options: [
		{ name: 'Bot', value: 'bot', description: 'Shown as sent by a bot' },
		{ name: 'User', value: 'user', description: 'Shown as sent by an agent' },
	],
	default: 'user',
	description: 'Whether Digisac shows the message as sent by a bot or by an agent',
};

export const dontOpenTicketOption: INodeProperties = {
	displayName: "Don't Open Ticket",
	name: 'dontOpenTicket',
	type: 'boolean',
	default: false,
	description:
		'Whether to send without opening a ticket (chamado) for the contact, e.g. for notifications',
};
