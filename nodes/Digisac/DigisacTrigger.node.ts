import type {
	IDataObject,
	IHookFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { toList } from '../shared/parameters';

import { getConnections } from './methods/loadOptions';
import type { DeliveryFilters } from './trigger/delivery';
import {
	deliveryKey,
	filterReason,
	outputJson,
	parseDelivery,
	seenRecently,
} from './trigger/delivery';
import { triggerProperties } from './trigger/description';
import { downloadMessageMedia, messageHasMedia } from './trigger/media';
import type { TriggerState } from './trigger/registration';
import {
	checkWebhookExists,
	createWebhook,
	deleteWebhook,
	selectedEvents,
} from './trigger/registration';

interface TriggerOptions {
	deduplicationMinutes?: number;
	downloadMedia?: boolean;
	binaryPropertyName?: string;
}

const DEFAULT_DEDUP_MINUTES = 10;

/** A 2xx answer for a delivery that starts no execution, so Digisac does not send it again. */
function ignored(reason: string): IWebhookResponseData {
	return { webhookResponse: { received: true, ignored: reason } };
}

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
		properties: triggerProperties,
	};

	// The same connection dropdown as the Digisac node.
	methods = { loadOptions: { getConnections } };

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await checkWebhookExists(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await createWebhook(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await deleteWebhook(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const parsed = parseDelivery(this.getBodyData());
		if (parsed.problem !== undefined) {
			this.getResponseObject().status(400).json({ message: parsed.problem });
			return { noWebhookResponse: true };
		}
		const { delivery } = parsed;

		// Digisac signs nothing; the unguessable URL and the id of our own registration are
		// what tell a genuine delivery for this node apart.
		const memory = this.getWorkflowStaticData('node') as TriggerState;
		if (!memory.digisacWebhookId || delivery.webhookId !== memory.digisacWebhookId) {
			return ignored('webhookId is not the one this trigger registered');
		}
		if (!selectedEvents(this).includes(delivery.event)) {
			return ignored(`event "${delivery.event}" is not chosen in the trigger`);
		}

		const filters = this.getNodeParameter('filters', {}) as IDataObject;
		const reason = filterReason(delivery, {
			...(filters as DeliveryFilters),
			serviceIds: toList(filters.serviceIds),
			ignoreOwnMessages: this.getNodeParameter('ignoreOwnMessages', true) as boolean,
		});
		if (reason) return ignored(reason);

		const options = this.getNodeParameter('options', {}) as TriggerOptions;
		const windowMinutes = Number(options.deduplicationMinutes ?? DEFAULT_DEDUP_MINUTES);
		const key = deliveryKey(delivery);
		// In production n8n saves static data changed here, so the memory spans deliveries.
		if (key && windowMinutes > 0 && seenRecently(memory, key, Date.now(), windowMinutes * 60_000)) {
			return ignored('duplicate delivery');
		}

		const item: INodeExecutionData = { json: outputJson(delivery) };
		if (
			options.downloadMedia &&
			delivery.event.startsWith('message.') &&
			messageHasMedia(delivery.data)
		) {
			// The file may take seconds to appear: answer Digisac first, then fetch it.
			this.getResponseObject().status(200).json({ received: true });
			const media = await downloadMessageMedia(this, delivery.data);
			if (media.binary)
				item.binary = { [options.binaryPropertyName?.trim() || 'data']: media.binary };
			if (media.file) item.json.file = media.file;
			if (media.error) item.json.mediaError = media.error;
			return { workflowData: [[item]], noWebhookResponse: true };
		}
		return { workflowData: [[item]] };
	}
}
