import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { router } from './actions/router';
import { versionDescription } from './actions/versionDescription';
import { searchChats, searchGroups, searchPeopleChats, searchQueue } from './methods/listSearch';
import { getDepartments, getOperators } from './methods/loadOptions';

export class PlugChat implements INodeType {
	description: INodeTypeDescription = {
		...versionDescription,
		icon: { light: 'file:../../icons/plugchat.svg', dark: 'file:../../icons/plugchat.dark.svg' },
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		usableAsTool: true,
	};

	methods = {
		loadOptions: { getDepartments, getOperators },
		listSearch: { searchChats, searchGroups, searchPeopleChats, searchQueue },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
