import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/descriptions';
import { toItems } from '../../../shared/items';
import { customerIdentity } from '../../helpers/lookups';
import { apiRequest } from '../../transport';
import { customerLocator, customerIdTypeOption } from '../common.description';

export const option = {
	name: 'Get',
	value: 'get',
	action: 'Get a customer',
	description: 'Get a customer by internal ID or e-mail',
};

export const properties: INodeProperties[] = [
	customerLocator,
	optionsCollection([customerIdTypeOption]),
];

export async function execute(this: IExecuteFunctions, i: number) {
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const { customerId, customerIdType } = customerIdentity(this, i, options.customerIdType);
	const body = await apiRequest(this, 'GET', '/customer/details', {
		qs: { customer_id: customerId, customer_type_id: customerIdType },
		itemIndex: i,
	});
	const data = Array.isArray(body.data) ? body.data : [body.data ?? {}];
	return toItems(data);
}
