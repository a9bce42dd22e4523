import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { updateFieldsCollection, optionsCollection } from '../../../shared/descriptions';
import { customerIdentity } from '../../helpers/lookups';
import { postForm } from '../../helpers/write';
import { customerLocator, customerIdTypeOption } from '../common.description';

import { customerFieldOptions, customerFormFields } from './fields';

export const option = {
	name: 'Update',
	value: 'update',
	action: 'Update a customer',
	description: "Change a customer's data",
};

export const properties: INodeProperties[] = [
	customerLocator,
	updateFieldsCollection(customerFieldOptions(true)),
	optionsCollection([customerIdTypeOption]),
];

export async function execute(this: IExecuteFunctions, i: number) {
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const { customerId, customerIdType } = customerIdentity(this, i, options.customerIdType);
	const updates = this.getNodeParameter('updateFields', i, {}) as IDataObject;
	const changes = customerFormFields(this, updates, i);
	if (Object.values(changes).every((value) => value === undefined || value === '')) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update', {
			itemIndex: i,
			description: 'Add at least one field under "Update Fields".',
		});
	}
	// GUESS: the docs are truncated here; customer_type_id as on the other customer endpoints.
	const fields = { ...changes, customer_id: customerId, customer_type_id: customerIdType };
	const answer = await postForm(this, '/customer/update', fields, [], i);
	return [{ json: { ...answer, customer_id: customerId } }];
}
