import type { INodeType, INodeTypeDescription, IWebhookFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { webhookLifecycle } from '../shared/webhooks';

import { getConnections } from './methods/loadOptions';
import { handleDelivery } from './trigger/delivery';
import { properties } from './trigger/description';
import { checkWebhookExists, createWebhook, deleteWebhook } from './trigger/registration';

export class DigisacTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Digisac Trigger',
		name: 'digisacTrigger',
		icon: { light: 'file:../../icons/digisac.svg', dark: 'file:../../icons/digisac.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{[].concat($parameter["events"] || []).join(", ")}}',
		description:
			'Starts the workflow when Digisac sends an event: a message, ticket, contact or bot command',
		defaults: { name: 'Digisac Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'digisacApi', required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				// Digisac gets its 200 as soon as webhook() returns, not after the workflow ran.
				responseMode: 'onReceived',
				path: 'webhook',
			},
		],
		properties,
	};

	// The same connection dropdown as the Digisac node.
	methods = { loadOptions: { getConnections } };

	webhookMethods = webhookLifecycle({
		checkExists: checkWebhookExists,
		create: createWebhook,
		delete: deleteWebhook,
	});

	async webhook(this: IWebhookFunctions) {
		return await handleDelivery(this);
	}
}
