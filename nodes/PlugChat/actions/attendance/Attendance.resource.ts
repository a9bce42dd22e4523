import type { INodeProperties } from 'n8n-workflow';

import * as changeDepartment from './changeDepartment.operation';
import * as finish from './finish.operation';
import * as getByTicket from './getByTicket.operation';
import * as setCustomField from './setCustomField.operation';
import * as start from './start.operation';

export { changeDepartment, finish, getByTicket, setCustomField, start };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['attendance'] } },
		options: [
			{
				name: 'Change Department',
				value: 'changeDepartment',
				action: 'Change the department of a chat',
				description: 'Transfer a chat to another department (departamento)',
			},
			{
				name: 'Finish',
				value: 'finish',
				action: 'Finish an attendance',
				description: 'Close the attendance (atendimento) of a chat',
			},
			{
				name: 'Get by Ticket',
				value: 'getByTicket',
				action: 'Get an attendance by ticket',
				description: 'Get an attendance and its messages by its attendance number',
			},
			{
				name: 'Set Custom Field',
				value: 'setCustomField',
				action: 'Set a custom field of a chat',
				description: 'Create or update a custom field (campo genérico) of a chat',
			},
			{
				name: 'Start',
				value: 'start',
				action: 'Start an attendance',
				description: 'Start an attendance (atendimento) with one or more operators',
			},
		],
		default: 'start',
	},
	...start.description,
	...finish.description,
	...getByTicket.description,
	...changeDepartment.description,
	...setCustomField.description,
];
