import type { INodeProperties } from 'n8n-workflow';

import { nodeProperties, resource } from '../../shared/router';

import * as category from './category/Category.resource';
import * as chat from './chat/Chat.resource';
import * as customer from './customer/Customer.resource';
import * as customField from './customField/CustomField.resource';
import * as department from './department/Department.resource';
import * as operator from './operator/Operator.resource';
import * as organization from './organization/Organization.resource';
import * as ticket from './ticket/Ticket.resource';

/**
 * The node's resources by parameter value, in the order their fields are listed, each with its
 * Resource dropdown entry and its operations (the resource file's exports). The description is
 * derived from them and the router dispatches straight through them, so there is no other list.
 */
export const resources = {
	ticket: resource(ticket, {
		name: 'Ticket',
		description: 'Tickets (chamados)',
		defaultOperation: 'create',
	}),
	chat: resource(chat, {
		name: 'Chat',
		description: 'Live chat conversations',
		defaultOperation: 'getAll',
	}),
	customer: resource(customer, {
		name: 'Customer',
		description: 'Customers (clientes)',
		defaultOperation: 'create',
	}),
	department: resource(department, {
		name: 'Department',
		description: 'Departments (departamentos)',
		defaultOperation: 'getAll',
	}),
	category: resource(category, {
		name: 'Category',
		description: 'Ticket categories (categorias) of a department',
		defaultOperation: 'getAll',
	}),
	operator: resource(operator, {
		name: 'Operator',
		description: 'Operators (atendentes)',
		defaultOperation: 'getAll',
	}),
	customField: resource(customField, {
		name: 'Custom Field',
		description: 'Ticket custom fields (campos personalizados)',
		defaultOperation: 'getAll',
	}),
	organization: resource(organization, {
		name: 'Organization',
		description: 'Customer organizations (organizações)',
		defaultOperation: 'getAll',
	}),
};

export type TomTicketResource = keyof typeof resources;
export type TomTicketOperation<R extends TomTicketResource = TomTicketResource> =
	keyof (typeof resources)[R]['operations'];

/**
 * Every parameter of the TomTicket node: the Resource dropdown, each resource's Operation dropdown and
 * fields, and the Request Options every action node ends with. TomTicket.node.ts holds the rest of the
 * description.
 */
export const properties: INodeProperties[] = nodeProperties(resources, 'ticket');
