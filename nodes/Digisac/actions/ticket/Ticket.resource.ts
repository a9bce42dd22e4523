import type { INodeProperties } from 'n8n-workflow';

import * as close from './close.operation';
import * as exportCsv from './exportCsv.operation';
import * as exportPdf from './exportPdf.operation';
import * as exportTxt from './exportTxt.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as transfer from './transfer.operation';

export { close, exportCsv, exportPdf, exportTxt, get, getAll, transfer };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['ticket'] } },
		options: [
			{
				name: 'Close',
				value: 'close',
				action: 'Close a ticket',
				description: "Close a contact's open ticket, optionally with closing topics",
			},
			{
				name: 'Export CSV',
				value: 'exportCsv',
				action: 'Export tickets as CSV',
				description: 'Export the ticket history to a CSV file',
			},
			{
				name: 'Export PDF',
				value: 'exportPdf',
				action: 'Export a ticket as PDF',
				description: "Export one ticket's conversation to a PDF file",
			},
			{
				name: 'Export TXT',
				value: 'exportTxt',
				action: 'Export a ticket as text',
				description: "Export one ticket's conversation, by protocol, to a text file",
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a ticket',
				description: 'Get a ticket with its contact, department, user and topics',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many tickets',
				description: 'List tickets by status, department, connection, contact or period',
			},
			{
				name: 'Transfer',
				value: 'transfer',
				action: 'Transfer or open a ticket',
				description:
					"Transfer a contact's ticket to a department or user; opens one if none is open",
			},
		],
		default: 'transfer',
	},
	...transfer.description,
	...close.description,
	...get.description,
	...getAll.description,
	...exportPdf.description,
	...exportTxt.description,
	...exportCsv.description,
];
