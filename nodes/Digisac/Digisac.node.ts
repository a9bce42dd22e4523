import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { routeItems, subtitle } from '../shared/router';

import { properties, resources } from './actions/versionDescription';
import * as listSearch from './methods/listSearch';
import * as loadOptions from './methods/loadOptions';

export class Digisac implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Digisac',
		name: 'digisac',
		icon: { light: 'file:../../icons/digisac.svg', dark: 'file:../../icons/digisac.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: subtitle(resources),
		description: 'Send WhatsApp messages, manage contacts and tickets (chamados) in Digisac',
		defaults: { name: 'Digisac' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'digisacApi', required: true }],
		properties,
	};

	methods = { loadOptions, listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeItems.call(this, resources);
	}
}
