import type { INodeProperties } from 'n8n-workflow';

import { requestOptionsProperty } from '../../shared/descriptions';

import * as category from './category/Category.resource';
import * as chat from './chat/Chat.resource';
import * as customer from './customer/Customer.resource';
import * as customField from './customField/CustomField.resource';
import * as department from './department/Department.resource';
import * as operator from './operator/Operator.resource';
import * as organization from './organization/Organization.resource';
import * as ticket from './ticket/Ticket.resource';

/**
 * Every parameter of the TomTicket node: the resource, each resource's operations and their
 * parameters, and the Request Options every action node ends with. The node's own metadata is in
 * TomTicket.node.ts.
 */
export const versionProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Category',
				value: 'category',
				description: 'Ticket categories (categorias) of a department',
			},
			{ name: 'Chat', value: 'chat', description: 'Live chat conversations' },
			{
				name: 'Custom Field',
				value: 'customField',
				description: 'Ticket custom fields (campos personalizados)',
			},
			{ name: 'Customer', value: 'customer', description: 'Customers (clientes)' },
			{ name: 'Department', value: 'department', description: 'Departments (departamentos)' },
			{ name: 'Operator', value: 'operator', description: 'Operators (atendentes)' },
			{
				name: 'Organization',
				value: 'organization',
				description: 'Customer organizations (organizações)',
			},
			{ name: 'Ticket', value: 'ticket', description: 'Tickets (chamados)' },
		],
		default: 'ticket',
	},
	...ticket.description,
	...chat.description,
	...customer.description,
	...department.description,
	...category.description,
	...operator.description,
	...customField.description,
	...organization.description,
	requestOptionsProperty,
];
