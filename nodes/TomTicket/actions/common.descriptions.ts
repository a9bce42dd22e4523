import type { INodeProperties } from 'n8n-workflow';

/** The ticket (chamado): from a list, by hash id, or by the protocol number customers see. */
export const ticketLocator: INodeProperties = {
	displayName: 'Ticket',
	name: 'ticketId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description:
		'The ticket (chamado). Pick it from the list, paste its hash ID, or give its protocol number (the number the customer sees), which is looked up for you.',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a ticket...',
			typeOptions: { searchListMethod: 'searchTickets', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 9f1c2d3e4b5a69788796a5b4c3d2e1f0',
			hint: 'The hash ID of the ticket, not its protocol number',
		},
		{
			displayName: 'By Protocol',
			name: 'protocol',
			type: 'string',
			placeholder: 'e.g. 12345',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '^#?\\s*\\d+\\s*$',
						errorMessage: 'A protocol is a number, e.g. 12345',
					},
				},
			],
		},
	],
};

/** The chat (live chat conversation), like the ticket locator. */
export const chatLocator: INodeProperties = {
	displayName: 'Chat',
	name: 'chatId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description:
		'The chat conversation. Pick it from the list, paste its ID, or give its protocol number.',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a chat...',
			typeOptions: { searchListMethod: 'searchChats', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 9f1c2d3e4b5a69788796a5b4c3d2e1f0',
		},
		{
			displayName: 'By Protocol',
			name: 'protocol',
			type: 'string',
			placeholder: 'e.g. 5012',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '^#?\\s*\\d+\\s*$',
						errorMessage: 'A protocol is a number, e.g. 5012',
					},
				},
			],
		},
	],
};

/** An existing customer: from the list, or by internal id / e-mail. */
export const customerLocator: INodeProperties = {
	displayName: 'Customer',
	name: 'customerId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description:
		"The customer (cliente): your internal ID for them (e.g. CPF/CNPJ) or their e-mail address. An e-mail address is sent as one unless 'Customer ID Type' says otherwise.",
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a customer...',
			typeOptions: { searchListMethod: 'searchCustomers', searchable: true },
		},
		{
			displayName: 'By Internal ID or E-Mail',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 123.456.789-00 or maria@example.com',
		},
	],
};

/** Attachments from one or more n8n binary properties. */
export const attachmentsOption: INodeProperties = {
	displayName: 'Attachments (Input Binary Fields)',
	name: 'binaryPropertyName',
	type: 'string',
	default: 'data',
	placeholder: 'e.g. data, invoice',
	description:
		'Names of the binary properties holding the files to attach, separated by commas. TomTicket accepts up to 25 files and 25 MB per request.',
};

/** `custom_field[<id>]` values, with the fields of the chosen department (and category). */
export function customFieldsOption(dependsOn: string[]): INodeProperties {
	return {
		displayName: 'Custom Fields',
		name: 'customFields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Custom Field',
		description:
			'Values for custom fields (campos personalizados). Mandatory fields of the department must be filled.',
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{
						displayName: 'Field Name or ID',
						name: 'fieldId',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getCustomFields', loadOptionsDependsOn: dependsOn },
						default: '',
						description:
							'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description: 'Value to store in the field',
					},
				],
			},
		],
	};
}
