import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { RequestContext } from '../../shared/transport';
import { apiRequest } from '../transport';

/** The webhook keys of `update-webhooks`, one URL each per PlugChat account. */
export const WEBHOOK_EVENTS = [
	'finishAttendance',
	'startAttendance',
	'receiveMessage',
	'sendingMessage',
	'messageDeliveryError',
	'messageStatus',
	'whenDisconnecting',
] as const;

export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export function isWebhookEvent(value: unknown): value is WebhookEvent {
	return typeof value === 'string' && (WEBHOOK_EVENTS as readonly string[]).includes(value);
}

/** Options for choosing events, sorted by name as n8n's UI rules want. */
export const WEBHOOK_EVENT_OPTIONS: INodePropertyOptions[] = [
	{
		name: 'Attendance Finished',
		value: 'finishAttendance',
		description: 'An attendance (atendimento) was finished, with its messages',
	},
	{
		name: 'Attendance Started',
		value: 'startAttendance',
		description: 'An attendance (atendimento) was started, with its messages',
	},
	{
		name: 'Instance Disconnected',
		value: 'whenDisconnecting',
		description: 'The WhatsApp number was disconnected from PlugChat',
	},
	{
		name: 'Message Delivery Failed',
		value: 'messageDeliveryError',
		description:
			'A message could not be delivered (payload not documented by PlugChat, passed on as received)',
	},
	{
		name: 'Message Received',
		value: 'receiveMessage',
		description: 'A contact or group sent a message',
	},
	{
		name: 'Message Sent',
		value: 'sendingMessage',
		description: 'A message was handed to WhatsApp',
	},
	{
		name: 'Message Status Changed',
		value: 'messageStatus',
		description: 'A sent message was received, read or played',
	},
];

/** The URL registered for one event: n8n's webhook URL with `?event=<key>`, since payloads carry no event name. */
export function eventUrl(webhookUrl: string, event: WebhookEvent): string {
	const url = new URL(webhookUrl);
	url.searchParams.set('event', event);
	return url.toString();
}

/**
 * Sets the URL of exactly the given events, nothing else. The 2025 per-event pages document
 * `{"value": {"<eventKey>": "https://..."}}`, which touches only the keys sent; the older flat
 * body lists all seven keys and may clear the ones left out (GUESS), so it is never used.
 * An empty string removes an event's URL.
 */
export async function updateWebhookUrls(
	context: RequestContext,
	urls: Partial<Record<WebhookEvent, string>>,
	itemIndex?: number,
): Promise<unknown> {
	try {
		return await apiRequest(context, 'PUT', '/api/integrations/update-webhooks', {
			body: { value: urls },
			itemIndex,
		});
	} catch (error) {
		throw withHttpsHint(error, Object.values(urls));
	}
}

/** PUT `{"value": "<url>", "notifySentByMe": ...}`: one URL for every event at once. */
export async function updateAllWebhookUrls(
	context: RequestContext,
	url: string,
	notifySentByMe: boolean | undefined,
	itemIndex?: number,
): Promise<unknown> {
	const body: IDataObject = { value: url };
	if (notifySentByMe !== undefined) body.notifySentByMe = notifySentByMe;
	try {
		return await apiRequest(context, 'PUT', '/api/integrations/update-webhooks', {
			body,
			itemIndex,
		});
	} catch (error) {
		throw withHttpsHint(error, [url]);
	}
}

/**
 * PlugChat refuses webhook URLs that are not HTTPS, answering like a bad token (401, no
 * explanation). When a URL sent was plain http, the error says so.
 */
function withHttpsHint(error: unknown, urls: Array<string | undefined>): unknown {
	const insecure = urls.find((url) => typeof url === 'string' && /^http:\/\//i.test(url.trim()));
	if (
		insecure &&
		error instanceof NodeApiError &&
		(error.httpCode === '401' || error.httpCode === '400')
	) {
		const host = insecure.replace(/^http:\/\/([^/?#]+).*$/i, '$1');
		error.description =
			`PlugChat accepts only HTTPS webhook URLs, and this one is plain http (${host}). Serve n8n over HTTPS (set WEBHOOK_URL to its https:// address) and try again. ${error.description ?? ''}`.trim();
	}
	return error;
}
