import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { select } from '../../../shared/descriptions';
import type { FormValue } from '../../../shared/multipart';
import { customFieldEntries } from '../../helpers/write';

/**
 * The customer's fields that /customer/new and /customer/update share
 * (https://tomticket.tomticket.com/kb/clientes/criar-cliente).
 */
export function customerFieldOptions(withName: boolean): INodeProperties[] {
	const options: INodeProperties[] = [
		{
			displayName: 'Allow Creating Tickets',
			name: 'allowCreateTickets',
			type: 'boolean',
			default: true,
			description: 'Whether the customer may open tickets',
		},
		{
			displayName: 'Custom Fields',
			name: 'customFields',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: {},
			placeholder: 'Add Custom Field',
			description:
				"Values for the customer's custom fields (campos personalizados). Mandatory fields must be filled.",
			options: [
				{
					displayName: 'Field',
					name: 'field',
					values: [
						{
							displayName: 'Field ID',
							name: 'fieldId',
							type: 'string',
							default: '',
							description: 'ID of the customer custom field, from the TomTicket panel',
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
		},
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			description: 'E-mail address of the customer; it lets them log in to the customer panel',
		},
		{
			displayName: 'Language',
			name: 'language',
			type: 'options',
			options: [
				{ name: 'English (US)', value: 'en-US' },
				{ name: 'Portuguese (Brazil)', value: 'pt-BR' },
				{ name: 'Spanish', value: 'es_ES' },
			],
			default: 'pt-BR',
			description: 'Language of the customer panel and e-mails',
		},
		select({
			name: 'organizationId',
			label: 'Organization',
			description: 'Organization (organização) the customer belongs to',
			method: 'getOrganizations',
		}),
		{
			displayName: 'Phone',
			name: 'phone',
			type: 'string',
			default: '',
			placeholder: 'e.g. 11987654321',
			description: 'Phone number, up to 20 characters',
		},
		{
			displayName: 'Portfolio ID',
			name: 'portfolioId',
			type: 'string',
			default: '',
			description: 'Portfolio (carteira) of the customer. Enterprise plan only.',
		},
	];
	if (withName) {
		options.splice(4, 0, {
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			description: 'Full name of the customer',
		});
	}
	return options;
}

/** The API's form fields for the chosen customer fields. */
export function customerFormFields(
	context: IExecuteFunctions,
	fields: IDataObject,
	itemIndex: number,
): Record<string, FormValue> {
	const phone = fields.phone === undefined ? undefined : String(fields.phone).trim();
	if (phone && phone.length > 20) {
		throw new NodeOperationError(
			context.getNode(),
			'"Phone" is too long for TomTicket: at most 20 characters',
			{
				itemIndex,
				description: `Item ${itemIndex} gave "${phone}".`,
			},
		);
	}
	const text = (value: unknown) =>
		value === undefined || value === null ? undefined : String(value).trim();
	return {
		name: text(fields.name),
		email: text(fields.email),
		phone,
		create_tickets:
			fields.allowCreateTickets === undefined ? undefined : fields.allowCreateTickets ? 1 : 0,
		organization_id: text(fields.organizationId),
		language: text(fields.language),
		portfolio_id: text(fields.portfolioId),
		...customFieldEntries(context, fields.customFields as IDataObject | undefined, itemIndex),
	};
}
