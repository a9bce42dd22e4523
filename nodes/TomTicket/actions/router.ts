import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { OperationMap } from '../../shared/router';
import { routeItems } from '../../shared/router';

import * as category from './category/Category.resource';
import * as chat from './chat/Chat.resource';
import * as customer from './customer/Customer.resource';
import * as customField from './customField/CustomField.resource';
import * as department from './department/Department.resource';
import * as operator from './operator/Operator.resource';
import * as organization from './organization/Organization.resource';
import * as ticket from './ticket/Ticket.resource';

export const operations: OperationMap = {
	ticket: {
		create: ticket.create,
		get: ticket.get,
		getAll: ticket.getAll,
		replyAsOperator: ticket.replyAsOperator,
		replyAsCustomer: ticket.replyAsCustomer,
		comment: ticket.comment,
		finish: ticket.finish,
		transfer: ticket.transfer,
		linkOperator: ticket.linkOperator,
		startStatus: ticket.startStatus,
		endStatus: ticket.endStatus,
	},
	chat: { get: chat.get, getAll: chat.getAll },
	customer: {
		create: customer.create,
		update: customer.update,
		get: customer.get,
		getAll: customer.getAll,
	},
	department: { getAll: department.getAll },
	category: { getAll: category.getAll },
	operator: { getAll: operator.getAll },
	customField: { getAll: customField.getAll },
	organization: { getAll: organization.getAll },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeItems.call(this, operations);
}
