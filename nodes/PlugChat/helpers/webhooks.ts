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

/**
 * The URL registered for one event: n8n's webhook URL with `?event=<key>` (payloads carry no
 * event name) and `&secret=<secret>`, the trigger's proof that a delivery comes from this
 * registration (PlugChat signs nothing). GUESS: PlugChat calls the URL as it was registered,
 * query string included; nothing documents it rewriting the URL.
 */
export function eventUrl(webhookUrl: string, event: WebhookEvent, secret?: string): string {
	const url = new URL(webhookUrl);
	url.searchParams.set('event', event);
	if (secret) url.searchParams.set('secret', secret);
	return url.toString();
}

/**
 * Sets the URL of exactly the given events, nothing else, in the flat body of the vendor's docs
 * (github.com/fourpixelit/plug-chat-docs, docs/webhooks/update-webhooks.md @ 21c7641, all seven
 * keys since its 2024 commit ff2bfe1), the form the only public third-party caller sends too.
 * The `{"value": {...}}` form appears only in a 2025 fork of those docs (zalasikR/plug-chat-docs
 * @ c906c3c), in pages copied from Z-API's, whose per-event endpoints take `{"value": url}`.
 * GUESS: keys left out keep their URL (the docs mark all seven "required" but show no answer to a
 * partial body; the third-party caller sends two). An empty string removes an event's URL.
 */
export async function updateWebhookUrls(
	context: RequestContext,
	urls: Partial<Record<WebhookEvent, string>>,
	itemIndex?: number,
): Promise<unknown> {
	try {
		return await apiRequest(context, 'PUT', '/api/integrations/update-webhooks', {
			body: { ...urls },
			itemIndex,
		});
	} catch (error) {
		throw withHttpsHint(error, Object.values(urls));
	}
}

/**
 * One URL for every event at once: the flat body with all seven keys, as the vendor's example
 * shows it. `notifySentByMe` (also notify messages sent by this number) is documented only on the
 * 2025 fork's "update every webhook" page, a copy of Z-API's; GUESS: PlugChat takes it next to the
 * keys, so it is sent only when turned on and the body is otherwise exactly the documented one.
 */
export async function updateAllWebhookUrls(
	context: RequestContext,
	url: string,
	notifySentByMe: boolean | undefined,
	itemIndex?: number,
): Promise<unknown> {
	const body: IDataObject = Object.fromEntries(WEBHOOK_EVENTS.map((event) => [event, url]));
	if (notifySentByMe === true) body.notifySentByMe = true;
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
