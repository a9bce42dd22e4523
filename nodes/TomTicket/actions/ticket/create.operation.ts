import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	select,
	additionalFieldsCollection,
	optionsCollection,
} from '../../../shared/descriptions';
import { isObject, objectOf } from '../../../shared/json';
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

import { ticketDetails } from './get.operation';

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
	optionsCollection([
		{
			displayName: 'Return Created Ticket',
			name: 'returnTicket',
			type: 'boolean',
			default: true,
			description:
				"Whether to read the new ticket back and return it as Ticket → Get does (one more request). Off: only TomTicket's answer (success, message, ticket_id, protocol).",
		},
	]),
];

export async function execute(this: IExecuteFunctions, i: number) {
	const additional = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const { customerId, customerIdType } = customerIdentity(this, i, additional.customerIdType);
	const departmentId = requireString(this, 'departmentId', i);
	const subject = requireText(
		this,
		'subject',
		i,
		250,
		'TomTicket accepts at most 250 characters in a subject. Shorten it, and put the details in "Message".',
	);
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
	const created: IDataObject = {
		success: answer.success ?? true,
		message: answer.message ?? '',
		ticket_id: answer.ticket_id ?? data.id ?? data.ticket_id ?? null,
		protocol: answer.protocol ?? data.protocol ?? null,
	};
	const options = objectOf(this.getNodeParameter('options', i, {}));
	// Absent means on: the option's default, and what a workflow saved before it existed gets.
	if (options.returnTicket === false || typeof created.ticket_id !== 'string' || !created.ticket_id)
		return [{ json: created }];
	return [{ json: await readBack(this, created, i) }];
}

/**
 * The created ticket as Ticket → Get returns it, with the `ticket_id` and `protocol` of the
 * create answer. The ticket exists whatever happens here: a failed read is reported in the item
 * (`ticketReadError`), never as a failure that would invite creating it again.
 */
async function readBack(
	context: IExecuteFunctions,
	created: IDataObject,
	itemIndex: number,
): Promise<IDataObject> {
	try {
		const [ticket] = await ticketDetails(context, { ticket_id: created.ticket_id }, itemIndex);
		if (!isObject(ticket)) throw new Error('TomTicket returned no ticket');
		return {
			...ticket,
			ticket_id: created.ticket_id,
			protocol: created.protocol ?? ticket.protocol,
		};
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		return {
			...created,
			ticketReadError: `The ticket was created, but could not be read back: ${reason}`,
		};
	}
}
