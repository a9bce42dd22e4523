import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { toItems } from '../../../shared/items';
import { CUSTOMER_ID_TYPE_OPTIONS } from '../../helpers/constants';
import { customerIdentity } from '../../helpers/lookups';
import { apiRequest } from '../../transport';
import { customerLocator } from '../common.description';

export const option = {
	name: 'Get',
	value: 'get',
	action: 'Get a customer',
	description: 'Get a customer by internal ID or e-mail',
};

export const properties: INodeProperties[] = [
	customerLocator,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Customer ID Type',
				name: 'customerIdType',
				type: 'options',
				options: CUSTOMER_ID_TYPE_OPTIONS,
				default: 'I',
				description:
					'Whether "Customer" holds your internal ID or the e-mail address. Without it, an e-mail address is detected automatically.',
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const { customerId, customerIdType } = customerIdentity(this, i, options.customerIdType);
	const body = await apiRequest(this, 'GET', '/customer/details', {
		qs: { customer_id: customerId, customer_type_id: customerIdType },
		itemIndex: i,
	});
	const data = Array.isArray(body.data) ? body.data : [body.data ?? {}];
	return toItems(data);
}
