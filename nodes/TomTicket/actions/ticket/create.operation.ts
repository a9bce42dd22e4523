import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { select, additionalFieldsCollection } from '../../../shared/descriptions';
import { objectOf } from '../../../shared/json';
import { requireString } from '../../../shared/parameters';
import { PRIORITY_OPTIONS } from '../../helpers/constants';
import { customerIdentity } from '../../helpers/lookups';
import { attachmentParts, customFieldEntries, postForm, requireText } from '../../helpers/write';
import {
	attachmentsOption,
	customerLocator,
	customFieldsOption,
	customerIdTypeOption,
} from '../common.description';

export const option = {
	name: 'Create',
	value: 'create',
	action: 'Create a ticket',
	description: 'Open a new ticket for a customer',
};

export const properties: INodeProperties[] = [
	{
		...customerLocator,
		description:
			"The customer opening the ticket: your internal ID for them (e.g. CPF/CNPJ) or their e-mail address. An e-mail address is sent as one unless 'Customer ID Type' says otherwise.",
	},
	select({
		name: 'departmentId',
		label: 'Department',
		description: 'Department (departamento) that receives the ticket',
		method: 'getDepartments',
		required: true,
	}),
	{
		displayName: 'Subject',
		name: 'subject',
		type: 'string',
		required: true,
		default: '',
		description: 'Title of the ticket (assunto), up to 250 characters',
	},
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		description: 'Opening message of the ticket, as plain text',
	},
	additionalFieldsCollection([
		attachmentsOption,
		select({
			name: 'categoryId',
			label: 'Category',
			description: "Category (categoria) of the ticket, one of the department's",
			method: 'getCategories',
			dependsOn: ['departmentId'],
		}),
		customFieldsOption(['departmentId', 'additionalFields.categoryId']),
		customerIdTypeOption,
		{
			displayName: 'Priority',
			name: 'priority',
			type: 'options',
			options: PRIORITY_OPTIONS,
			default: 2,
			description: 'Priority (prioridade) of the ticket',
		},
	]),
];

export async function execute(this: IExecuteFunctions, i: number) {
	const additional = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const { customerId, customerIdType } = customerIdentity(this, i, additional.customerIdType);
	const departmentId = requireString(this, 'departmentId', i);
	const subject = requireText(this, 'subject', i, 250);
	const message = requireString(this, 'message', i);

	let priority: number | undefined;
	if (additional.priority !== undefined && additional.priority !== '') {
		priority = Number(additional.priority);
		if (![1, 2, 3, 4].includes(priority)) {
			throw new NodeOperationError(this.getNode(), '"Priority" must be 1, 2, 3 or 4', {
				itemIndex: i,
				description: `Item ${i} gave ${JSON.stringify(additional.priority)}. 1 is Low, 2 Normal, 3 High, 4 Urgent.`,
			});
		}
	}

	const fields = {
		customer_id: customerId,
		customer_id_type: customerIdType,
		department_id: departmentId,
		subject,
		message,
		category_id: additional.categoryId ? String(additional.categoryId) : undefined,
		priority,
		...customFieldEntries(this, additional.customFields as IDataObject | undefined, i),
	};
	const files = await attachmentParts(this, i, additional.binaryPropertyName as string | undefined);
	const answer = await postForm(this, '/ticket/new', fields, files, i);
	// Seen in production by a third-party TomTicket client (TomTicket documents no id in the
	// answer): ticket_id and protocol sit at the root of the answer, not inside `data`.
	const data = objectOf(answer.data);
	return [
		{
			json: {
				success: answer.success ?? true,
				message: answer.message ?? '',
				ticket_id: answer.ticket_id ?? data.id ?? data.ticket_id ?? null,
				protocol: answer.protocol ?? data.protocol ?? null,
			},
		},
	];
}
