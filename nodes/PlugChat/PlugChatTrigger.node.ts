import type { INodeType, INodeTypeDescription, IWebhookFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { webhookLifecycle } from '../shared/webhooks';

import { handleDelivery } from './trigger/delivery';
import { properties } from './trigger/description';
import { checkWebhookExists, createWebhook, deleteWebhook } from './trigger/registration';

export class PlugChatTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'PlugChat Trigger',
		name: 'plugChatTrigger',
		icon: { light: 'file:../../icons/plugchat.svg', dark: 'file:../../icons/plugchat.dark.svg' },
		group: ['trigger'],
		// 1.1: the safety filters are top-level toggles and Ignore Groups is on by default.
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description:
			'Starts the workflow when PlugChat reports a message, a status change or an attendance',
		defaults: { name: 'PlugChat Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'plugChatApi', required: true }],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties,
	};

	webhookMethods = webhookLifecycle({
		checkExists: checkWebhookExists,
		create: createWebhook,
		delete: deleteWebhook,
	});

	async webhook(this: IWebhookFunctions) {
		return await handleDelivery(this);
	}
}
