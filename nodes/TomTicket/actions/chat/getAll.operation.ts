import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { returnAllOrLimit, select } from '../../../shared/descriptions';
import { toItems } from '../../../shared/items';
import { readLimit } from '../../../shared/parameters';
import { CUSTOMER_ID_TYPE_OPTIONS } from '../../helpers/constants';
import { listQuery, listRecords } from '../../helpers/filters';

export const option = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many chats',
	description: 'List chat conversations, with filters',
};

export const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Created After',
				name: 'createdAfter',
				type: 'dateTime',
				default: '',
				description:
					'Only chats started at or after this moment (sent to TomTicket in Brasília time)',
			},
			{
				displayName: 'Created Before',
				name: 'createdBefore',
				type: 'dateTime',
				default: '',
				description: 'Only chats started at or before this moment',
			},
			{
				displayName: 'Customer ID',
				name: 'customerId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 123.456.789-00 or maria@example.com',
				description:
					'Only chats of this customer: your internal ID for them, or their e-mail address',
			},
			{
				displayName: 'Customer ID Type',
				name: 'customerIdType',
				type: 'options',
				options: CUSTOMER_ID_TYPE_OPTIONS,
				default: 'I',
				description:
					'Whether "Customer ID" is your internal ID or an e-mail address. Without it, an e-mail address is detected automatically.',
			},
			select({
				name: 'departmentId',
				label: 'Department',
				description: 'Only chats of this department',
				method: 'getDepartments',
			}),
			select({
				name: 'organizationId',
				label: 'Organization',
				description: 'Only chats of customers of this organization (or of its parent organization)',
				method: 'getOrganizations',
			}),
			{
				displayName: 'Protocol',
				name: 'protocol',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description:
					'Only the chat with exactly this protocol number. Takes precedence over the protocol range.',
			},
			{
				displayName: 'Protocol From',
				name: 'protocolFrom',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description: 'Only chats whose protocol number is this one or higher',
			},
			{
				displayName: 'Protocol To',
				name: 'protocolTo',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description: 'Only chats whose protocol number is this one or lower',
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const limit = readLimit(this, i);
	const chats = await listRecords(this, '/chat/list', listQuery(this, filters, i), limit, i);
	return toItems(chats);
}
