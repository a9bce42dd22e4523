import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isObject } from '../../../shared/json';
import { requireString } from '../../../shared/parameters';
import { assertAccepted } from '../../helpers/results';
import { quoted } from '../../helpers/text';
import type { WebhookEvent } from '../../helpers/webhooks';
import {
	isWebhookEvent,
	updateAllWebhookUrls,
	updateWebhookUrls,
	WEBHOOK_EVENT_OPTIONS,
} from '../../helpers/webhooks';

export const option = {
	name: 'Update',
	value: 'update',
	action: 'Update the webhook addresses',
	description: 'Set the URLs PlugChat calls for its events',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Target',
		name: 'target',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Chosen Events',
				value: 'events',
				description: 'Set a URL for each event added below; the other events keep their URL',
			},
			{
				name: 'All Events',
				value: 'all',
				description: 'Set one URL for all seven events at once',
			},
		],
		default: 'events',
	},
	{
		displayName: 'Webhook URLs',
		name: 'webhookUrls',
		type: 'collection',
		placeholder: 'Add event',
		default: {},
		displayOptions: { show: { target: ['events'] } },
		description: 'One URL per event (HTTPS only). An empty URL removes the webhook of that event.',
		options: WEBHOOK_EVENT_OPTIONS.map((event) => ({
			displayName: `${event.name} URL`,
			name: String(event.value),
			type: 'string' as const,
			default: '',
			placeholder: 'https://example.com/plugchat',
			description: `Called when: ${String(event.description).charAt(0).toLowerCase()}${String(event.description).slice(1)} (${String(event.value)})`,
		})),
	},
	{
		displayName: 'URL',
		name: 'url',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { target: ['all'] } },
		placeholder: 'https://example.com/plugchat',
		description: 'HTTPS address that receives every event',
	},
	{
		displayName: 'Notify Messages Sent by Me',
		name: 'notifySentByMe',
		type: 'boolean',
		default: false,
		displayOptions: { show: { target: ['all'] } },
		description: 'Whether messages sent from this number also reach the Message Received webhook',
	},
];

function checkUrl(context: IExecuteFunctions, url: string, itemIndex: number, label: string): void {
	// Only the form is checked; PlugChat itself refuses plain http and its error is explained.
	if (url && !/^https?:\/\/[^\s/?#]+\S*$/i.test(url)) {
		throw new NodeOperationError(context.getNode(), `${quoted(url)} is not a web address`, {
			itemIndex,
			description: `${label} must be a full address starting with https://, or empty to remove the webhook.`,
		});
	}
}

export async function execute(this: IExecuteFunctions, i: number) {
	const target = this.getNodeParameter('target', i, 'events') as 'events' | 'all';
	if (target === 'all') {
		const url = requireString(this, 'url', i);
		checkUrl(this, url, i, 'URL');
		const notifySentByMe = this.getNodeParameter('notifySentByMe', i, false) === true;
		const answer = await updateAllWebhookUrls(this, url, notifySentByMe, i);
		assertAccepted(this, answer, i, 'update the webhooks');
		return [{ json: { success: true, url, notifySentByMe, ...(isObject(answer) ? answer : {}) } }];
	}

	const raw = this.getNodeParameter('webhookUrls', i, {}) as IDataObject;
	const urls: Partial<Record<WebhookEvent, string>> = {};
	for (const [event, value] of Object.entries(raw ?? {})) {
		if (!isWebhookEvent(event)) continue;
		const url = value === null || value === undefined ? '' : String(value).trim();
		checkUrl(this, url, i, `The ${event} URL`);
		urls[event] = url;
	}
	if (Object.keys(urls).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Add at least one event under "Webhook URLs"', {
			itemIndex: i,
			description: 'Only the events added there are changed; the others keep their current URL.',
		});
	}
	const answer = await updateWebhookUrls(this, urls, i);
	assertAccepted(this, answer, i, 'update the webhooks');
	return [{ json: { success: true, updated: urls, ...(isObject(answer) ? answer : {}) } }];
}
