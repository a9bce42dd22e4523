import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { routeItems, subtitle } from '../shared/router';

import { properties, resources } from './actions/versionDescription';
import { searchChats, searchGroups, searchPeopleChats, searchQueue } from './methods/listSearch';
import { getDepartments, getOperators } from './methods/loadOptions';

export class PlugChat implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'PlugChat',
		name: 'plugChat',
		icon: { light: 'file:../../icons/plugchat.svg', dark: 'file:../../icons/plugchat.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: subtitle(resources),
		description:
			'Send WhatsApp messages and manage attendances, chats, groups and the instance in PlugChat',
		defaults: { name: 'PlugChat' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'plugChatApi', required: true }],
		properties,
	};

	methods = {
		loadOptions: { getDepartments, getOperators },
		listSearch: { searchChats, searchGroups, searchPeopleChats, searchQueue },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeItems.call(this, resources);
	}
}
