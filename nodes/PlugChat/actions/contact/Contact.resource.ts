import type { INodeProperties } from 'n8n-workflow';

import * as checkWhatsApp from './checkWhatsApp.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getProfilePicture from './getProfilePicture.operation';

export { checkWhatsApp, get, getAll, getProfilePicture };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		options: [
			{
				name: 'Check WhatsApp',
				value: 'checkWhatsApp',
				action: 'Check whether a number is registered',
				description: 'Check whether a phone number has a WhatsApp account',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a contact',
				description: 'Get the details of a WhatsApp contact',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many contacts',
				description: 'List WhatsApp contacts, group members included',
			},
			{
				name: 'Get Profile Picture',
				value: 'getProfilePicture',
				action: 'Get the profile picture of a contact',
				description: 'Get the current profile picture link, optionally as a file',
			},
		],
		default: 'get',
	},
	...getAll.description,
	...get.description,
	...checkWhatsApp.description,
	...getProfilePicture.description,
];
