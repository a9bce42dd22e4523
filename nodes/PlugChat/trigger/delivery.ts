import type {
	IDataObject,
	INodeExecutionData,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { isObject } from '../../shared/json';
import { isWebhookEvent } from '../helpers/webhooks';

import { inferEvent, isGroupPayload, isSentByMe, normalizeEventPayload } from './events';
import { chosenEvents } from './registration';

/**
 * One delivery from PlugChat (one payload or a list): each payload of a chosen event, after the
 * Ignore options, becomes an item. The event comes from the `event` query parameter the trigger
 * registered, or from the payload for a URL set by hand.
 */
export async function handleDelivery(context: IWebhookFunctions): Promise<IWebhookResponseData> {
	const chosen = chosenEvents(context);
	const query = context.getQueryData() as IDataObject;
	const body = context.getBodyData() as unknown;
	const options = context.getNodeParameter('options', {}) as {
		ignoreFromMe?: boolean;
		ignoreGroups?: boolean;
	};
	const ignoreFromMe = options.ignoreFromMe ?? true;

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
		const normalized = normalizeEventPayload(event, payload);
		if (ignoreFromMe && isSentByMe(normalized)) continue;
		if (options.ignoreGroups && isGroupPayload(normalized)) continue;
		items.push({ json: { event, ...normalized } });
	}
	// Answered 200 in every case: PlugChat needs no more than an acknowledgement.
	if (items.length === 0) return {};
	return { workflowData: [items] };
}
