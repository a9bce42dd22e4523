import type {
	IDataObject,
	INodeExecutionData,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { isObject } from '../../shared/json';
import { isWebhookEvent } from '../helpers/webhooks';

import { inferEvent, isGroupPayload, isSentByMe, normalizeEventPayload } from './events';
import { readTriggerFilters } from './filters';
import { chosenEvents, hasRegisteredSecret } from './registration';

/**
 * PlugChat documents one payload per delivery; a JSON array is taken as a list of payloads, up to
 * this many (one execution item each), so one request cannot make an unbounded execution.
 */
export const MAX_PAYLOADS_PER_DELIVERY = 1000;

/**
 * A delivery without the registration's secret starts nothing and is answered 401. PlugChat does
 * not document what it does on a non-2xx answer (retry, give up, disable the URL); it only ever
 * calls the URLs the trigger registered, which carry the secret, so a genuine delivery is never
 * refused. A 401 tells whoever set a URL by hand, or an old URL left from before the secret
 * existed, why nothing runs (a neutral 200 would hide it), and tells a forger nothing they did
 * not know.
 */
function refuse(context: IWebhookFunctions, status: number, message: string): IWebhookResponseData {
	const response = context.getResponseObject();
	response.status(status).json({ message });
	return { noWebhookResponse: true };
}

/**
 * One delivery from PlugChat (one payload or a list): each payload of a chosen event, after the
 * safety filters, becomes an item. Only a delivery carrying the secret of the URL the trigger
 * registered counts. The event comes from that URL's `event` query parameter, or from the
 * payload when it is missing.
 */
export async function handleDelivery(context: IWebhookFunctions): Promise<IWebhookResponseData> {
	const query = context.getQueryData() as IDataObject;
	if (!hasRegisteredSecret(context, query.secret))
		return refuse(
			context,
			401,
			'Unauthorized: this URL is registered by the PlugChat Trigger, which accepts only the URL it registered (with its secret). Activate the workflow again to register it.',
		);
	const chosen = chosenEvents(context);
	const filters = readTriggerFilters(context);
	const timeZone = context.getTimezone();
	const body = context.getBodyData() as unknown;
	if (Array.isArray(body) && body.length > MAX_PAYLOADS_PER_DELIVERY)
		return refuse(
			context,
			413,
			`A delivery holds at most ${MAX_PAYLOADS_PER_DELIVERY} payloads; this one had ${body.length}. Nothing was started.`,
		);

	const payloads: IDataObject[] = (Array.isArray(body) ? body : [body]).map((entry) =>
		isObject(entry) ? entry : { body: entry as IDataObject[keyof IDataObject] },
	);
	const named = isWebhookEvent(query.event) ? query.event : undefined;
	const items: INodeExecutionData[] = [];
	for (const payload of payloads) {
		// A URL set by hand has no `event` parameter: tell the event by the payload, and take an
		// unrecognised payload as a delivery error (the one event PlugChat does not document).
		const event =
			named ??
			inferEvent(payload) ??
			(chosen.includes('messageDeliveryError') ? 'messageDeliveryError' : undefined);
		if (!event || !chosen.includes(event)) continue;
		const normalized = normalizeEventPayload(event, payload, timeZone);
		if (filters.ignoreFromMe && isSentByMe(normalized)) continue;
		if (filters.ignoreGroups && isGroupPayload(normalized)) continue;
		items.push({ json: { event, ...normalized } });
	}
	// Answered 200 in every case: PlugChat needs no more than an acknowledgement.
	if (items.length === 0) return {};
	return { workflowData: [items] };
}
