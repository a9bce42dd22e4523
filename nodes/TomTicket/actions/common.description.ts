import type { INodeProperties } from 'n8n-workflow';

import type { LocatorMode } from '../../shared/descriptions';
import { locator, select } from '../../shared/descriptions';
import { CUSTOMER_ID_TYPE_OPTIONS } from '../helpers/constants';

/** The ticket (chamado): from a list, by hash id, or by the protocol number customers see. */
export const ticketLocator: INodeProperties = locator({
	displayName: 'Ticket',
	name: 'ticketId',
	description:
		'The ticket (chamado). Pick it from the list, paste its hash ID, or give its protocol number (the number the customer sees), which is looked up for you.',
	searchListMethod: 'searchTickets',
	listPlaceholder: 'Select a ticket...',
	modes: [
		{
			displayName: 'By ID',
			name: 'id',
			placeholder: 'e.g. 9f1c2d3e4b5a69788796a5b4c3d2e1f0',
			hint: 'The hash ID of the ticket, not its protocol number',
		},
		protocolMode('12345'),
	],
});

/** The chat (live chat conversation), like the ticket locator. */
export const chatLocator: INodeProperties = locator({
	displayName: 'Chat',
	name: 'chatId',
	description:
		'The chat conversation. Pick it from the list, paste its ID, or give its protocol number.',
	searchListMethod: 'searchChats',
	listPlaceholder: 'Select a chat...',
	modes: [
		{ displayName: 'By ID', name: 'id', placeholder: 'e.g. 9f1c2d3e4b5a69788796a5b4c3d2e1f0' },
		protocolMode('5012'),
	],
});

/** An existing customer: from the list, or by internal id / e-mail. */
export const customerLocator: INodeProperties = locator({
	displayName: 'Customer',
	name: 'customerId',
	description:
		"The customer (cliente): your internal ID for them (e.g. CPF/CNPJ) or their e-mail address. An e-mail address is sent as one unless 'Customer ID Type' says otherwise.",
	searchListMethod: 'searchCustomers',
	listPlaceholder: 'Select a customer...',
	modes: [
		{
			// Not `id`: n8n's editor shows a mode named `id` as "By ID", whatever its displayName
			// (github.com/n8n-io/n8n packages/frontend/editor-ui/src/components/ResourceLocator/
			// ResourceLocator.vue, getModeLabel). Workflows saved with `id` still run: the value is
			// read whatever the mode (helpers/lookups.ts).
			displayName: 'By Internal ID or E-Mail',
			name: 'idOrEmail',
			placeholder: 'e.g. 123.456.789-00 or maria@example.com',
		},
	],
});

/** The By Protocol mode of ticket and chat: the number customers see, looked up for its ID. */
function protocolMode(example: string): LocatorMode {
	return {
		displayName: 'By Protocol',
		name: 'protocol',
		placeholder: `e.g. ${example}`,
		validate: {
			regex: '^#?\\s*\\d+\\s*$',
			errorMessage: `A protocol is a number, e.g. ${example}`,
		},
	};
}

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
					select({
						name: 'fieldId',
						label: 'Field',
						description: '',
						method: 'getCustomFields',
						dependsOn,
					}),
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

/** Whether the customer field holds an internal ID or an e-mail address (create, get, update). */
export const customerIdTypeOption: INodeProperties = {
	displayName: 'Customer ID Type',
	name: 'customerIdType',
	type: 'options',
	options: CUSTOMER_ID_TYPE_OPTIONS,
	default: 'I',
	description:
		'Whether "Customer" holds your internal ID or the e-mail address. Without it, an e-mail address is detected automatically.',
};

/** The customer and department filters of the ticket and chat lists. */
export function customerFilters(records: 'tickets' | 'chats'): INodeProperties[] {
	return [
		{
			displayName: 'Customer ID',
			name: 'customerId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 123.456.789-00 or maria@example.com',
			description: `Only ${records} of this customer: your internal ID for them, or their e-mail address`,
		},
		{
			...customerIdTypeOption,
			description:
				'Whether "Customer ID" is your internal ID or an e-mail address. Without it, an e-mail address is detected automatically.',
		},
		select({
			name: 'departmentId',
			label: 'Department',
			description: `Only ${records} of this department`,
			method: 'getDepartments',
		}),
	];
}
