import type { INodeProperties } from 'n8n-workflow';

import * as comment from './comment.operation';
import * as create from './create.operation';
import * as endStatus from './endStatus.operation';
import * as finish from './finish.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as linkOperator from './linkOperator.operation';
import * as replyAsCustomer from './replyAsCustomer.operation';
import * as replyAsOperator from './replyAsOperator.operation';
import * as startStatus from './startStatus.operation';
import * as transfer from './transfer.operation';

export {
	comment,
	create,
	endStatus,
	finish,
	get,
	getAll,
	linkOperator,
	replyAsCustomer,
	replyAsOperator,
	startStatus,
	transfer,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['ticket'] } },
		options: [
			{
				name: 'Comment',
				value: 'comment',
				action: 'Comment on a ticket',
				description: 'Add an internal comment to a ticket',
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create a ticket',
				description: 'Open a new ticket for a customer',
			},
			{
				name: 'End Status',
				value: 'endStatus',
				action: 'End the status of a ticket',
				description: 'Close the custom status open on a ticket',
			},
			{
				name: 'Finish',
				value: 'finish',
				action: 'Finish a ticket',
				description: 'Finish (close) a ticket with a closing message',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a ticket',
				description: 'Get a ticket with its replies and custom fields',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many tickets',
				description: 'List tickets, with filters',
			},
			{
				name: 'Link Operator',
				value: 'linkOperator',
				action: 'Link an operator to a ticket',
				description: 'Make an operator responsible for a ticket',
			},
			{
				name: 'Reply as Customer',
				value: 'replyAsCustomer',
				action: 'Reply to a ticket as the customer',
				description: "Add a reply in the name of the ticket's customer",
			},
			{
				name: 'Reply as Operator',
				value: 'replyAsOperator',
				action: 'Reply to a ticket as the operator',
				description: "Send a reply in the name of the ticket's operator",
			},
			{
				name: 'Start Status',
				value: 'startStatus',
				action: 'Start a status on a ticket',
				description: 'Open a custom status on a ticket',
			},
			{
				name: 'Transfer',
				value: 'transfer',
				action: 'Transfer a ticket',
				description: 'Move a ticket to another department and/or operator',
			},
		],
		default: 'create',
	},
	...comment.description,
	...create.description,
	...endStatus.description,
	...finish.description,
	...get.description,
	...getAll.description,
	...linkOperator.description,
	...replyAsCustomer.description,
	...replyAsOperator.description,
	...startStatus.description,
	...transfer.description,
];
