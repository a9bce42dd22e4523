import type {
	IDataObject,
	IHookFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { isObject } from '../shared/parameters';

import { inferEvent, isGroupPayload, isSentByMe, normalizeEventPayload } from './helpers/events';
import type { WebhookEvent } from './helpers/webhooks';
import {
	eventUrl,
	isWebhookEvent,
	updateWebhookUrls,
	WEBHOOK_EVENT_OPTIONS,
} from './helpers/webhooks';

/**
 * What this trigger registered, by the n8n webhook URL it registered: `{ "<url>": [events] }`.
 * Usually one entry; a test run in the editor adds its test URL next to the production one.
 */
type Registrations = Record<string, WebhookEvent[]>;

function registrationsOf(staticData: IDataObject): Registrations {
	const raw = staticData.registrations;
	const result: Registrations = {};
	if (!isObject(raw)) return result;
	for (const [url, events] of Object.entries(raw)) {
		if (Array.isArray(events)) result[url] = events.filter(isWebhookEvent);
	}
	return result;
}

function chosenEvents(context: IHookFunctions | IWebhookFunctions): WebhookEvent[] {
	const raw = context.getNodeParameter('events', []) as unknown;
	const events = (Array.isArray(raw) ? raw : [raw]).filter(isWebhookEvent);
	return [...new Set(events)].sort();
}

function sameEvents(a: WebhookEvent[], b: WebhookEvent[]): boolean {
	const sortedB = [...b].sort();
	return a.length === b.length && [...a].sort().every((event, index) => event === sortedB[index]);
}

/** The URL another registration of this trigger holds for an event, to hand the event back to it. */
function previousOwner(registrations: Registrations, event: WebhookEvent, except: string): string {
	const owner = Object.entries(registrations).find(
		([url, events]) => url !== except && events.includes(event),
	);
	return owner ? eventUrl(owner[0], event) : '';
}

export class PlugChatTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'PlugChat Trigger',
		name: 'plugChatTrigger',
		icon: { light: 'file:../../icons/plugchat.svg', dark: 'file:../../icons/plugchat.dark.svg' },
		group: ['trigger'],
		version: 1,
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
		properties: [
			{
				displayName:
					'PlugChat keeps one webhook URL per event for the whole account: activating this trigger points the chosen events here (replacing any URL they had) and leaves the other events alone. PlugChat accepts only HTTPS URLs.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: WEBHOOK_EVENT_OPTIONS,
				default: ['receiveMessage'],
				required: true,
				description: 'PlugChat events that start the workflow',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [
					{
						displayName: 'Ignore Groups',
						name: 'ignoreGroups',
						type: 'boolean',
						default: false,
						description:
							'Whether to skip events of WhatsApp groups (isGroup, or a group ID as the phone)',
					},
					{
						displayName: 'Ignore Messages Sent by Me',
						name: 'ignoreFromMe',
						type: 'boolean',
						default: true,
						description:
							'Whether to skip messages sent from this WhatsApp number (fromMe), so replies sent by the workflow do not start it again',
					},
				],
			},
		],
	};

	webhookMethods = {
		default: {
			/**
			 * PlugChat has no endpoint that lists webhooks, so nothing can be read back: the trigger
			 * counts as registered when its static data says it registered this URL for exactly the
			 * chosen events.
			 */
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const url = this.getNodeWebhookUrl('default') as string;
				const registered = registrationsOf(this.getWorkflowStaticData('node'))[url];
				return registered !== undefined && sameEvents(registered, chosenEvents(this));
			},

			/**
			 * Points exactly the chosen events at this URL (with `?event=<key>`, since payloads carry
			 * no event name). Events this trigger registered before and no longer wants are cleared
			 * (or handed back to the production URL after a test run); other events are never sent.
			 */
			async create(this: IHookFunctions): Promise<boolean> {
				const url = this.getNodeWebhookUrl('default') as string;
				const events = chosenEvents(this);
				if (events.length === 0) {
					throw new NodeOperationError(this.getNode(), 'Choose at least one event', {
						description: 'The trigger registers its URL only for the chosen events.',
					});
				}
				const staticData = this.getWorkflowStaticData('node');
				const registrations = registrationsOf(staticData);
				const updates: Partial<Record<WebhookEvent, string>> = {};

				for (const event of registrations[url] ?? []) {
					if (!events.includes(event)) updates[event] = previousOwner(registrations, event, url);
				}
				if (this.getMode() !== 'manual') {
					// A production activation supersedes anything else this trigger left registered
					// (an older address of this n8n, a test run that never ended).
					for (const [otherUrl, otherEvents] of Object.entries(registrations)) {
						if (otherUrl === url) continue;
						for (const event of otherEvents) if (!events.includes(event)) updates[event] = '';
						delete registrations[otherUrl];
					}
				}
				for (const event of events) updates[event] = eventUrl(url, event);

				await updateWebhookUrls(this, updates);
				registrations[url] = events;
				staticData.registrations = registrations;
				return true;
			},

			/**
			 * Clears only the events this trigger registered for this URL. After a test run, an event
			 * the active production trigger also listens to is pointed back at the production URL.
			 * Without a way to read PlugChat's current URLs, the trigger cannot check that nobody
			 * replaced its URL in the meantime (a documented limit).
			 */
			async delete(this: IHookFunctions): Promise<boolean> {
				const url = this.getNodeWebhookUrl('default') as string;
				const staticData = this.getWorkflowStaticData('node');
				const registrations = registrationsOf(staticData);
				const mine = registrations[url] ?? [];
				if (mine.length > 0) {
					const updates: Partial<Record<WebhookEvent, string>> = {};
					for (const event of mine) updates[event] = previousOwner(registrations, event, url);
					// On failure the registration stays in static data, so a later delete can retry.
					await updateWebhookUrls(this, updates);
				}
				delete registrations[url];
				if (Object.keys(registrations).length > 0) staticData.registrations = registrations;
				else delete staticData.registrations;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const chosen = chosenEvents(this);
		const query = this.getQueryData() as IDataObject;
		const body = this.getBodyData() as unknown;
		const options = this.getNodeParameter('options', {}) as {
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
}
