import type { INodeProperties } from 'n8n-workflow';

import * as block from './block.operation';
import * as checkWhatsApp from './checkWhatsApp.operation';
import * as create from './create.operation';
import * as createMany from './createMany.operation';
import * as deleteContact from './delete.operation';
import * as exportCsv from './exportCsv.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as unblock from './unblock.operation';
import * as update from './update.operation';

export {
	block,
	checkWhatsApp,
	create,
	createMany,
	deleteContact as delete,
	exportCsv,
	get,
	getAll,
	unblock,
	update,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		options: [
			{
				name: 'Block',
				value: 'block',
				action: 'Block a contact',
				description: 'Block a contact so it cannot write to you',
			},
			{
				name: 'Check WhatsApp',
				value: 'checkWhatsApp',
				action: 'Check whether numbers have whats app',
				description: 'Check whether phone numbers have a WhatsApp account',
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create a contact',
				description: 'Create a contact (returns the existing one for a known number)',
			},
			{
				name: 'Create Many',
				value: 'createMany',
				action: 'Create many contacts',
				description: 'Create one contact per input item, sent in batches',
			},
			{ name: 'Delete', value: 'delete', action: 'Delete a contact' },
			{
				name: 'Export CSV',
				value: 'exportCsv',
				action: 'Export contacts as CSV',
				description: 'Export contacts to a CSV file',
			},
			{ name: 'Get', value: 'get', action: 'Get a contact' },
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many contacts',
				description: 'List contacts, filtered by connection, tag, custom field, name or number',
			},
			{ name: 'Unblock', value: 'unblock', action: 'Unblock a contact' },
			{
				name: 'Update',
				value: 'update',
				action: 'Update a contact',
				description: 'Change names, number, tags, custom fields or default department',
			},
		],
		default: 'get',
	},
	...create.description,
	...createMany.description,
	...update.description,
	...get.description,
	...getAll.description,
	...deleteContact.description,
	...block.description,
	...unblock.description,
	...checkWhatsApp.description,
	...exportCsv.description,
];
