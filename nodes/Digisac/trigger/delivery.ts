import type {
	IDataObject,
	INodeExecutionData,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isObject } from '../../shared/json';
import { toList } from '../../shared/parameters';

import { contactOfDelivery, isComplete, lookUpContact } from './contact';
import { memoryOf, seenInProcess, seenWithin, toStaticData } from './dedup';
import type { SAFETY_FILTERS } from './description';
import { DEFAULT_MAX_MEDIA_MB, downloadMessageMedia, messageHasMedia } from './media';
import type { TriggerState } from './registration';
import { hasDeliverySecret, selectedEvents } from './registration';

/** One webhook call from Digisac: `{event, data, webhookId, timestamp}`. */
export interface Delivery {
	event: string;
	data: IDataObject;
	webhookId?: string;
	timestamp?: string;
}

type ParsedDelivery =
	| { delivery: Delivery; problem?: undefined }
	| { delivery?: undefined; problem: string };

interface DeliveryFilters {
	serviceIds?: string[];
	ignoreOwnMessages?: boolean;
	ignoreBotMessages?: boolean;
	ignoreSystemMessages?: boolean;
	ignoreGroups?: boolean;
	onlyUnassigned?: boolean;
}

function text(value: unknown): string | undefined {
	if (typeof value === 'string' && value.length > 0) return value;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return undefined;
}

/**
 * Checks the envelope. `data` may arrive as an array (one client of the API guards against
 * it); then its first element is the event's data.
 */
function parseDelivery(body: unknown): ParsedDelivery {
	if (!isObject(body)) return { problem: 'The body must be a JSON object with "event" and "data"' };
	const event = typeof body.event === 'string' ? body.event.trim() : '';
	if (!event) return { problem: 'The body has no "event" name' };
	let data: unknown = body.data;
	if (Array.isArray(data)) data = data[0];
	if (!isObject(data)) return { problem: `The "data" of event "${event}" is not an object` };
	return {
		delivery: {
			event,
			data,
			webhookId: text(body.webhookId),
			timestamp: typeof body.timestamp === 'string' ? body.timestamp : undefined,
		},
	};
}

/** The message a delivery is about: the data of message events, `data.message` of bot commands. */
function messageOf(delivery: Delivery): IDataObject | undefined {
	const family = delivery.event.split('.')[0];
	if (family === 'message') return delivery.data;
	if (family === 'bot' && isObject(delivery.data.message)) return delivery.data.message;
	return undefined;
}

function contactOf(delivery: Delivery, message: IDataObject | undefined): IDataObject | undefined {
	if (isObject(delivery.data.contact)) return delivery.data.contact;
	if (message && isObject(message.contact)) return message.contact;
	return undefined;
}

/** The connection (serviceId) of a delivery, wherever the event's payload carries it. */
function serviceIdOf(delivery: Delivery): string | undefined {
	const message = messageOf(delivery);
	return (
		text(delivery.data.serviceId) ??
		text(message?.serviceId) ??
		text(contactOf(delivery, message)?.serviceId)
	);
}

function isGroupDelivery(delivery: Delivery, message: IDataObject | undefined): boolean {
	const family = delivery.event.split('.')[0];
	if (family === 'contact' && delivery.data.isGroup === true) return true;
	if (contactOf(delivery, message)?.isGroup === true) return true;
	if (message && message.isFromMe !== true) {
		// Message objects carry no isGroup. In a one-to-one chat a received message's sender
		// (fromId) is the chat's contact (contactId), as recorded traffic shows; in a group
		// it is the participant. (Inference, see docs/digisac-trigger.md.)
		const fromId = text(message.fromId);
		const contactId = text(message.contactId);
		if (fromId && contactId && fromId !== contactId) return true;
	}
	return false;
}

/** Why a delivery that passed the event check is dropped by the filters, or undefined to keep it. */
function filterReason(delivery: Delivery, filters: DeliveryFilters): string | undefined {
	const serviceIds = filters.serviceIds ?? [];
	if (serviceIds.length > 0) {
		const serviceId = serviceIdOf(delivery);
		if (serviceId !== undefined && !serviceIds.includes(serviceId)) return 'other connection';
	}
	const message = messageOf(delivery);
	if (message) {
		if (filters.ignoreOwnMessages && message.isFromMe === true) return 'message sent by me';
		if (filters.ignoreBotMessages && (message.isFromBot === true || message.origin === 'bot'))
			return 'bot message';
		if (filters.ignoreSystemMessages && message.type === 'ticket') return 'system message';
		if (filters.onlyUnassigned && text(message.ticketUserId)) return 'agent assigned';
	}
	if (
		filters.onlyUnassigned &&
		delivery.event.startsWith('ticket.') &&
		text(delivery.data.userId)
	) {
		return 'agent assigned';
	}
	if (filters.ignoreGroups && isGroupDelivery(delivery, message)) return 'group chat';
	return undefined;
}

/**
 * Identifies a repeated delivery: event and data id. An `.updated` event legitimately repeats
 * for the same id (each delivery status change of a message), so its `updatedAt` is part of it.
 */
function deliveryKey(delivery: Delivery): string | undefined {
	const id = text(delivery.data.id);
	if (!id) return undefined;
	const updatedAt = text(delivery.data.updatedAt);
	return delivery.event.endsWith('.updated') && updatedAt
		? `${delivery.event}:${id}:${updatedAt}`
		: `${delivery.event}:${id}`;
}

/**
 * The output item's JSON: the event's data with `event`, `webhookId` and `timestamp` (when
 * Digisac sent the event) on top, so `{{$json.contactId}}` works in the next node. A message's
 * own `timestamp` (when it was sent) is kept as `dataTimestamp` when it differs.
 */
function outputJson(delivery: Delivery): IDataObject {
	const { data } = delivery;
	const json: IDataObject = {
		...data,
		event: delivery.event,
		webhookId: delivery.webhookId,
		timestamp: delivery.timestamp ?? data.timestamp,
	};
	if (
		delivery.timestamp !== undefined &&
		data.timestamp !== undefined &&
		data.timestamp !== delivery.timestamp
	) {
		json.dataTimestamp = data.timestamp;
	}
	return json;
}

interface TriggerOptions {
	addContactFields?: unknown;
	deduplicationMinutes?: unknown;
	downloadMedia?: unknown;
	binaryPropertyName?: unknown;
	maxMediaSizeMb?: unknown;
}

/** The media size cap in bytes: the option when it is a positive number, else the default. */
function maxMediaBytes(options: TriggerOptions): number {
	const megabytes = Number(options.maxMediaSizeMb);
	const chosen = Number.isFinite(megabytes) && megabytes > 0 ? megabytes : DEFAULT_MAX_MEDIA_MB;
	return Math.floor(chosen * 1024 * 1024);
}

const DEFAULT_DEDUP_MINUTES = 10;

/**
 * A switch as an expression may give it: a boolean, or the text "true"/"false"; anything else
 * (a number, an object) is taken as the default rather than failing after Digisac got its answer.
 */
function switchValue(value: unknown, fallback: boolean): boolean {
	if (typeof value === 'boolean') return value;
	if (typeof value === 'string') {
		const word = value.trim().toLowerCase();
		if (word === 'true') return true;
		if (word === 'false') return false;
	}
	return fallback;
}

/** A collection parameter (Filters, Options), or {} when an expression gave something else. */
function objectParameter(context: IWebhookFunctions, name: string): IDataObject {
	const value = context.getNodeParameter(name, {}) as unknown;
	return isObject(value) ? value : {};
}

/**
 * A safety filter: the top-level switch, unless a workflow saved before it moved there holds an
 * explicit value in the old Filters collection, which then wins.
 */
function safetySwitch(
	context: IWebhookFunctions,
	filters: IDataObject,
	name: (typeof SAFETY_FILTERS)[number]['name'],
): boolean {
	const switched = switchValue(context.getNodeParameter(name, true), true);
	return filters[name] === undefined ? switched : switchValue(filters[name], switched);
}

/**
 * The answer to a delivery without this node's secret: 401, and nothing starts. Digisac itself
 * always calls the URL the trigger registered, which carries the secret, so a genuine delivery is
 * never refused; a 401 tells whoever points a hook at the URL by hand (or an old registration
 * from before the secret existed, until the workflow is activated again) why nothing runs, where a
 * neutral 200 would hide it. It tells a forger nothing: n8n answers 404 for a URL it does not
 * serve anyway. The same answer as the PlugChat Trigger's.
 */
function refused(context: IWebhookFunctions): IWebhookResponseData {
	context.getResponseObject().status(401).json({
		message:
			'Unauthorized: this URL accepts only deliveries from the Digisac webhook the Digisac Trigger registered (its URL carries a secret). Activate the workflow again to register it.',
	});
	return { noWebhookResponse: true };
}

/** A 2xx answer for a delivery that starts no execution, so Digisac does not send it again. */
function ignored(reason: string): IWebhookResponseData {
	return { webhookResponse: { received: true, ignored: reason } };
}

/**
 * One delivery from Digisac: checked against the registration, the chosen events and filters and
 * the de-duplication memory, then turned into the execution's item (with the message's file when
 * asked for).
 */
export async function handleDelivery(context: IWebhookFunctions): Promise<IWebhookResponseData> {
	// Digisac signs nothing. The secret in the URL this node registered tells a delivery from
	// Digisac apart from one sent by anybody who saw the webhookId (it is in every execution and
	// in the Digisac panel); the id of our own registration then tells this node's hook apart
	// from another one pointing at the same URL.
	const memory = context.getWorkflowStaticData('node') as TriggerState;
	if (!hasDeliverySecret(context, memory)) return refused(context);

	const parsed = parseDelivery(context.getBodyData());
	if (parsed.problem !== undefined) {
		context.getResponseObject().status(400).json({ message: parsed.problem });
		return { noWebhookResponse: true };
	}
	const { delivery } = parsed;
	if (!memory.digisacWebhookId || delivery.webhookId !== memory.digisacWebhookId) {
		return ignored('webhookId is not the one this trigger registered');
	}
	if (!selectedEvents(context).includes(delivery.event)) {
		return ignored(`event "${delivery.event}" is not chosen in the trigger`);
	}

	const filters = objectParameter(context, 'filters');
	const reason = filterReason(delivery, {
		serviceIds: toList(filters.serviceIds),
		ignoreOwnMessages: switchValue(context.getNodeParameter('ignoreOwnMessages', true), true),
		ignoreBotMessages: safetySwitch(context, filters, 'ignoreBotMessages'),
		ignoreGroups: safetySwitch(context, filters, 'ignoreGroups'),
		ignoreSystemMessages: safetySwitch(context, filters, 'ignoreSystemMessages'),
		onlyUnassigned: safetySwitch(context, filters, 'onlyUnassigned'),
	});
	if (reason) return ignored(reason);

	const options = objectParameter(context, 'options') as TriggerOptions;
	const windowMinutes = Number(options.deduplicationMinutes ?? DEFAULT_DEDUP_MINUTES);
	const key = deliveryKey(delivery);
	// Two memories (see dedup.ts): static data, which n8n 2.x saves only when the trigger answers
	// the request itself, and this process's memory, which catches repeats in production.
	if (key && Number.isFinite(windowMinutes) && windowMinutes > 0) {
		const now = Date.now();
		const windowMs = windowMinutes * 60_000;
		const stored = seenWithin(memoryOf(memory.recentDeliveries), key, now, windowMs);
		memory.recentDeliveries = toStaticData(stored.memory);
		const nodeKey = `${String(context.getWorkflow().id)}:${context.getNode().name}:${memory.digisacWebhookId}`;
		const together = seenInProcess(nodeKey, key, now, windowMs);
		if (stored.seen || together) return ignored('duplicate delivery');
	}

	const item: INodeExecutionData = { json: outputJson(delivery) };
	// The contact's name and number: from the delivery when it carries them, else one lookup.
	let lookUp: string | undefined;
	if (switchValue(options.addContactFields, true)) {
		const contact = contactOfDelivery(delivery.event, delivery.data);
		Object.assign(item.json, contact.known);
		if (!isComplete(contact.known) && contact.id) lookUp = contact.id;
	}
	const media =
		switchValue(options.downloadMedia, false) &&
		delivery.event.startsWith('message.') &&
		messageHasMedia(delivery.data);
	// Checked before answering: an error after the 200 would lose the event (Digisac does not
	// send it again).
	const binaryProperty = options.binaryPropertyName ?? '';
	if (media && typeof binaryProperty !== 'string') {
		throw new NodeOperationError(context.getNode(), '"Binary Property" must be text', {
			description: `The expression gave ${Array.isArray(binaryProperty) ? 'a list' : typeof binaryProperty}; give the name of the property the file goes to, e.g. data.`,
		});
	}
	// The lookup (one GET, usually well under a second) is made before n8n answers: n8n answers
	// Digisac only once it has stored the execution, so a delivery it fails to store (a busy
	// database) is refused and sent again, never answered and lost, as it would be if we answered.
	if (lookUp) {
		const found = await lookUpContact(context, lookUp);
		for (const [name, value] of Object.entries(found))
			if (item.json[name] === undefined) item.json[name] = value;
	}
	if (!media) return { workflowData: [[item]] };

	// A file may take seconds to appear: answer Digisac first, then fetch it.
	context.getResponseObject().status(200).json({ received: true });
	const downloaded = await downloadMessageMedia(context, delivery.data, maxMediaBytes(options));
	if (downloaded.binary)
		item.binary = { [String(binaryProperty).trim() || 'data']: downloaded.binary };
	if (downloaded.file) item.json.file = downloaded.file;
	if (downloaded.error) item.json.mediaError = downloaded.error;
	return { workflowData: [[item]], noWebhookResponse: true };
}
