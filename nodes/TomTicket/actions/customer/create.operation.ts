import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { additionalFieldsCollection } from '../../../shared/descriptions';
import { postForm, requireText } from '../../helpers/write';

import { customerFieldOptions, customerFormFields } from './fields';

export const option = {
	name: 'Create',
	value: 'create',
	action: 'Create a customer',
	description: 'Register a new customer (cliente)',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Customer ID',
		name: 'customerId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 123.456.789-00',
		description:
			'Your own unique key for the customer (e.g. CPF/CNPJ or the ID in your system), up to 250 characters',
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		description: 'Full name of the customer',
	},
	additionalFieldsCollection(customerFieldOptions(false)),
];

export async function execute(this: IExecuteFunctions, i: number) {
	const customerId = requireText(
		this,
		'customerId',
		i,
		250,
		'TomTicket accepts at most 250 characters in a customer ID. Shorten it.',
	);
	const name = requireText(
		this,
		'name',
		i,
		250,
		'TomTicket accepts at most 250 characters in a name. Shorten it.',
	);
	const additional = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const fields = { ...customerFormFields(this, additional, i), customer_id: customerId, name };
	const answer = await postForm(this, '/customer/new', fields, [], i);
	return [{ json: { ...answer, customer_id: customerId } }];
}
