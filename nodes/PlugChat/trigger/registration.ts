import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isObject } from '../../shared/json';
import type { WebhookEvent } from '../helpers/webhooks';
import { eventUrl, isWebhookEvent, updateWebhookUrls } from '../helpers/webhooks';

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

/** The events chosen in the trigger, sorted, without repeats. */
export function chosenEvents(context: IHookFunctions | IWebhookFunctions): WebhookEvent[] {
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

/**
 * PlugChat has no endpoint that lists webhooks, so nothing can be read back: the trigger
 * counts as registered when its static data says it registered this URL for exactly the
 * chosen events.
 */
export async function checkWebhookExists(context: IHookFunctions): Promise<boolean> {
	const url = context.getNodeWebhookUrl('default') as string;
	const registered = registrationsOf(context.getWorkflowStaticData('node'))[url];
	return registered !== undefined && sameEvents(registered, chosenEvents(context));
}

/**
 * Points exactly the chosen events at this URL (with `?event=<key>`, since payloads carry
 * no event name). Events this trigger registered before and no longer wants are cleared
 * (or handed back to the production URL after a test run); other events are never sent.
 */
export async function createWebhook(context: IHookFunctions): Promise<boolean> {
	const url = context.getNodeWebhookUrl('default') as string;
	const events = chosenEvents(context);
	if (events.length === 0) {
		throw new NodeOperationError(context.getNode(), 'Choose at least one event', {
			description: 'The trigger registers its URL only for the chosen events.',
		});
	}
	const staticData = context.getWorkflowStaticData('node');
	const registrations = registrationsOf(staticData);
	const updates: Partial<Record<WebhookEvent, string>> = {};

	for (const event of registrations[url] ?? []) {
		if (!events.includes(event)) updates[event] = previousOwner(registrations, event, url);
	}
	if (context.getMode() !== 'manual') {
		// A production activation supersedes anything else this trigger left registered
		// (an older address of this n8n, a test run that never ended).
		for (const [otherUrl, otherEvents] of Object.entries(registrations)) {
			if (otherUrl === url) continue;
			for (const event of otherEvents) if (!events.includes(event)) updates[event] = '';
			delete registrations[otherUrl];
		}
	}
	for (const event of events) updates[event] = eventUrl(url, event);

	await updateWebhookUrls(context, updates);
	registrations[url] = events;
	staticData.registrations = registrations;
	return true;
}

/**
 * Clears only the events this trigger registered for this URL. After a test run, an event
 * the active production trigger also listens to is pointed back at the production URL.
 * Without a way to read PlugChat's current URLs, the trigger cannot check that nobody
 * replaced its URL in the meantime (a documented limit).
 */
export async function deleteWebhook(context: IHookFunctions): Promise<boolean> {
	const url = context.getNodeWebhookUrl('default') as string;
	const staticData = context.getWorkflowStaticData('node');
	const registrations = registrationsOf(staticData);
	const mine = registrations[url] ?? [];
	if (mine.length > 0) {
		const updates: Partial<Record<WebhookEvent, string>> = {};
		for (const event of mine) updates[event] = previousOwner(registrations, event, url);
		// On failure the registration stays in static data, so a later delete can retry.
		await updateWebhookUrls(context, updates);
	}
	delete registrations[url];
	if (Object.keys(registrations).length > 0) staticData.registrations = registrations;
	else delete staticData.registrations;
	return true;
}
