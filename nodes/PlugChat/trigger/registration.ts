import { createHash, randomBytes, timingSafeEqual } from 'crypto';

import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isObject } from '../../shared/json';
import type { WebhookEvent } from '../helpers/webhooks';
import { eventUrl, isWebhookEvent, updateWebhookUrls } from '../helpers/webhooks';
import { plugChatAccount } from '../transport';

import { readTriggerFilters } from './filters';

/**
 * What this trigger registered, by the n8n webhook URL it registered. Usually one entry; a test
 * run in the editor adds its test URL next to the production one. `secret` is the random value
 * every registered URL carries (`&secret=`), `account` a hash of the PlugChat host and token.
 * Version 1.0 of this package stored only the events (`{ "<url>": [events] }`): read as a
 * registration without secret, which is cleared on deactivation and registered again on start.
 */
interface Registration {
	events: WebhookEvent[];
	secret?: string;
	account?: string;
}
type Registrations = Record<string, Registration>;

/** Per event, which of this trigger's URLs it set last: the only events it may clear. */
type Owners = Partial<Record<WebhookEvent, string>>;

interface Records {
	registrations: Registrations;
	owners: Owners;
}

function readRecords(staticData: IDataObject): Records {
	const registrations: Registrations = {};
	const raw = staticData.registrations;
	if (isObject(raw)) {
		for (const [url, entry] of Object.entries(raw)) {
			if (Array.isArray(entry)) registrations[url] = { events: entry.filter(isWebhookEvent) };
			else if (isObject(entry) && Array.isArray(entry.events))
				registrations[url] = {
					events: entry.events.filter(isWebhookEvent),
					secret: typeof entry.secret === 'string' ? entry.secret : undefined,
					account: typeof entry.account === 'string' ? entry.account : undefined,
				};
		}
	}
	const owners: Owners = {};
	const rawOwners = isObject(staticData.owners) ? staticData.owners : undefined;
	for (const [url, registration] of Object.entries(registrations)) {
		for (const event of registration.events) {
			// Records without owners (version 1.0) registered every event they list.
			const owner = rawOwners?.[event];
			if (rawOwners === undefined || owner === url) owners[event] = url;
		}
	}
	return { registrations, owners };
}

function writeRecords(staticData: IDataObject, { registrations, owners }: Records) {
	if (Object.keys(registrations).length > 0)
		staticData.registrations = registrations as unknown as IDataObject;
	else delete staticData.registrations;
	const kept = Object.fromEntries(
		Object.entries(owners).filter(([, url]) => url !== undefined && registrations[url]),
	);
	if (Object.keys(kept).length > 0) staticData.owners = kept;
	else delete staticData.owners;
}

/** The events chosen in the trigger, sorted, without repeats (a list, or text "a, b"). */
export function chosenEvents(context: IHookFunctions | IWebhookFunctions): WebhookEvent[] {
	const raw = context.getNodeParameter('events', []) as unknown;
	const list =
		typeof raw === 'string' ? raw.split(',').map((e) => e.trim()) : Array.isArray(raw) ? raw : [];
	return [...new Set(list.filter(isWebhookEvent))].sort();
}

function sameEvents(a: WebhookEvent[], b: WebhookEvent[]): boolean {
	const sortedB = [...b].sort();
	return a.length === b.length && [...a].sort().every((event, index) => event === sortedB[index]);
}

function registeredUrl(url: string, event: WebhookEvent, registration: Registration): string {
	return eventUrl(url, event, registration.secret);
}

/** Another registration of this trigger that wants the event, to hand the event back to it. */
function previousOwner(
	registrations: Registrations,
	event: WebhookEvent,
	except: string,
): string | undefined {
	return Object.entries(registrations).find(
		([url, registration]) => url !== except && registration.events.includes(event),
	)?.[0];
}

async function accountOf(context: IHookFunctions): Promise<string> {
	return plugChatAccount(await context.getCredentials('plugChatApi'));
}

/**
 * Registrations made with another PlugChat credential (account or token changed since): they
 * cannot be cleared with this credential, so they are forgotten, never sent to this account.
 */
function forgetOtherAccounts(records: Records, account: string) {
	for (const [url, registration] of Object.entries(records.registrations)) {
		if (registration.account !== undefined && registration.account !== account)
			delete records.registrations[url];
	}
	for (const [event, url] of Object.entries(records.owners))
		if (!url || !records.registrations[url]) delete records.owners[event as WebhookEvent];
}

/**
 * PlugChat has no endpoint that reads webhook URLs back (its docs list only update-webhooks and
 * Z-API's per-event "update" pages), so what is registered cannot be verified. The trigger counts
 * as registered when its own record says this URL, with a secret, on this account, holds exactly
 * the chosen events and none was taken by another registration of this trigger since. When n8n
 * starts (or a main instance takes over), it always registers again: another workflow or system
 * may have taken an event meanwhile, and re-asserting costs one request.
 */
export async function checkWebhookExists(context: IHookFunctions): Promise<boolean> {
	const activation = context.getActivationMode();
	if (activation === 'init' || activation === 'leadershipChange') return false;
	const url = context.getNodeWebhookUrl('default') as string;
	const { registrations, owners } = readRecords(context.getWorkflowStaticData('node'));
	const registration = registrations[url];
	if (!registration?.secret || registration.account !== (await accountOf(context))) return false;
	return (
		sameEvents(registration.events, chosenEvents(context)) &&
		registration.events.every((event) => owners[event] === url)
	);
}

/**
 * Points exactly the chosen events at this URL, with `?event=<key>` (payloads carry no event
 * name) and `&secret=<random>`. The secret is new on every activation and kept when n8n only
 * restarts. Events this trigger set before and no longer wants are cleared (or handed back to
 * the production URL after a test run); events it never set are never sent.
 */
export async function createWebhook(context: IHookFunctions): Promise<boolean> {
	const url = context.getNodeWebhookUrl('default') as string;
	const events = chosenEvents(context);
	if (events.length === 0) {
		throw new NodeOperationError(context.getNode(), 'Choose at least one event', {
			description: 'The trigger registers its URL only for the chosen events.',
		});
	}
	// A filter of the wrong type stops the activation, not every delivery afterwards.
	readTriggerFilters(context);
	const account = await accountOf(context);
	const staticData = context.getWorkflowStaticData('node');
	const records = readRecords(staticData);
	forgetOtherAccounts(records, account);
	const { registrations, owners } = records;
	const activation = context.getActivationMode();
	const restart = activation === 'init' || activation === 'leadershipChange';
	const secret =
		(restart ? registrations[url]?.secret : undefined) ?? randomBytes(32).toString('base64url');
	const registration: Registration = { events, secret, account };
	const updates: Partial<Record<WebhookEvent, string>> = {};
	// Who holds each event once the update went through ('' for nobody).
	const handedTo: Partial<Record<WebhookEvent, string>> = {};

	for (const event of registrations[url]?.events ?? []) {
		if (events.includes(event) || owners[event] !== url) continue;
		const other = previousOwner(registrations, event, url);
		updates[event] = other ? registeredUrl(other, event, registrations[other]) : '';
		handedTo[event] = other ?? '';
	}
	if (context.getMode() !== 'manual') {
		// A production activation supersedes anything else this trigger left registered
		// (an older address of this n8n, a test run that never ended).
		for (const [otherUrl, other] of Object.entries(registrations)) {
			if (otherUrl === url) continue;
			for (const event of other.events) {
				if (events.includes(event) || owners[event] !== otherUrl) continue;
				updates[event] = '';
				handedTo[event] = '';
			}
			delete registrations[otherUrl];
		}
	}
	for (const event of events) {
		updates[event] = registeredUrl(url, event, registration);
		handedTo[event] = url;
	}

	await updateWebhookUrls(context, updates);
	registrations[url] = registration;
	for (const [event, holder] of Object.entries(handedTo) as Array<[WebhookEvent, string]>) {
		if (holder) owners[event] = holder;
		else delete owners[event];
	}
	writeRecords(staticData, records);
	return true;
}

/**
 * Clears only the events this trigger set last for this URL. After a test run, an event the
 * active production trigger also listens to is pointed back at the production URL. An event
 * another workflow took since cannot be known (PlugChat reads nothing back): that workflow
 * loses it, a documented limit, until it is activated again or n8n restarts.
 */
export async function deleteWebhook(context: IHookFunctions): Promise<boolean> {
	const url = context.getNodeWebhookUrl('default') as string;
	const staticData = context.getWorkflowStaticData('node');
	const records = readRecords(staticData);
	const account = await accountOf(context);
	const mine = records.registrations[url];
	forgetOtherAccounts(records, account);
	const { registrations, owners } = records;
	if (mine && registrations[url]) {
		const updates: Partial<Record<WebhookEvent, string>> = {};
		for (const event of mine.events) {
			if (owners[event] !== url) continue;
			const other = previousOwner(registrations, event, url);
			updates[event] = other ? registeredUrl(other, event, registrations[other]) : '';
		}
		// On failure the record stays in static data, so a later delete can retry.
		if (Object.keys(updates).length > 0) await updateWebhookUrls(context, updates);
		for (const event of mine.events) {
			if (owners[event] !== url) continue;
			const other = previousOwner(registrations, event, url);
			if (other) owners[event] = other;
			else delete owners[event];
		}
	}
	delete registrations[url];
	writeRecords(staticData, records);
	return true;
}

function digest(value: string): Buffer {
	return createHash('sha256').update(value).digest();
}

/**
 * Whether a delivery carries the secret of one of this trigger's registrations. Compared as
 * SHA-256 digests with timingSafeEqual: constant time whatever the length of what was sent.
 */
export function hasRegisteredSecret(context: IWebhookFunctions, sent: unknown): boolean {
	if (typeof sent !== 'string' || sent === '') return false;
	const { registrations } = readRecords(context.getWorkflowStaticData('node'));
	const offered = digest(sent);
	let match = false;
	for (const registration of Object.values(registrations)) {
		if (registration.secret && timingSafeEqual(offered, digest(registration.secret))) match = true;
	}
	return match;
}
