import { createHash, randomBytes, timingSafeEqual } from 'crypto';

import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { isObject } from '../../shared/json';
import { pathSegment } from '../../shared/parameters';
import { webhookOwner } from '../helpers/owner';
import { apiRequest, apiRequestFull, apiRequestPages } from '../transport';

/**
 * What the trigger keeps in the node's static data. n8n stores it with the workflow, so it
 * survives restarts; deliveries are checked against `digisacWebhookId`.
 */
export interface TriggerState extends IDataObject {
	/** Id of the Digisac webhook this node registered (and only that one is ever removed). */
	digisacWebhookId?: string;
	/** The n8n URL that webhook was registered for (production and test URLs differ). */
	webhookUrl?: string;
	/**
	 * The random value the registered URL carries (`?secret=`), new on every registration. Digisac
	 * signs nothing, and the `webhookId` of a delivery is visible in every execution and in the
	 * Digisac panel; the secret is in neither, so a delivery that has it came from the URL
	 * registered in Digisac.
	 */
	deliverySecret?: string;
	/** The de-duplication memory (see dedup.ts): `{base, entries}`, 12 characters a delivery. */
	recentDeliveries?: IDataObject;
}

type DigisacHook = IDataObject & { id: string };

const HOOKS_PATH = '/api/v1/me/webhooks';

/**
 * Every hook we register carries its workflow id at the end of its name. Static data travels
 * with a workflow when it is exported and imported, so a copied workflow can hold another
 * workflow's hook id; the mark in the name tells the two apart, and a hook marked with another
 * workflow's id is never adopted, changed or removed.
 */
const OWNER_MARK = /\(n8n workflow ([^()\s]+)\)\s*$/;
const TEST_PREFIX = '[n8n test]';
const PRODUCTION_PREFIX = '[n8n]';

function shorten(text: string, max: number): string {
	return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function hookName(
	workflowName: string,
	nodeName: string,
	workflowId: string,
	test: boolean,
): string {
	const prefix = test ? TEST_PREFIX : PRODUCTION_PREFIX;
	return `${prefix} ${shorten(workflowName, 80)} / ${shorten(nodeName, 60)} (n8n workflow ${workflowId})`;
}

/** The workflow id marked in a hook's name, if the hook was registered by this trigger. */
function hookOwner(hook: IDataObject): string | undefined {
	return typeof hook.name === 'string' ? OWNER_MARK.exec(hook.name)?.[1] : undefined;
}

function isTestHook(hook: IDataObject): boolean {
	return typeof hook.name === 'string' && hook.name.startsWith(TEST_PREFIX);
}

/** Registered by this trigger for a different workflow. */
function isForeign(hook: IDataObject, workflowId: string): boolean {
	const owner = hookOwner(hook);
	return owner !== undefined && owner !== workflowId;
}

/** A URL without its query, and without a trailing slash Digisac may have added. */
function withoutQuery(url: string): string {
	return url.trim().split('?')[0].replace(/\/+$/, '');
}

/** Whether a stored hook points at the n8n URL `url`, whatever secret its query carries. */
function pointsTo(hook: IDataObject, url: string): boolean {
	return typeof hook.url === 'string' && withoutQuery(hook.url) === withoutQuery(url);
}

/** The secret in a registered URL's query, if any. */
function secretIn(url: unknown): string | undefined {
	if (typeof url !== 'string') return undefined;
	try {
		return new URL(url.trim()).searchParams.get('secret') ?? undefined;
	} catch {
		return undefined;
	}
}

/** Whether a hook's URL carries the secret stored for this node. */
function carriesSecret(hook: IDataObject, data: TriggerState): boolean {
	return !!data.deliverySecret && secretIn(hook.url) === data.deliverySecret;
}

/**
 * The URL registered in Digisac: n8n's webhook URL with the secret as a query parameter (n8n
 * routes webhooks by path, so the query reaches the trigger as it is). GUESS: that Digisac keeps a
 * webhook URL's query and calls it as given is not documented; it is what an HTTP client does with
 * a URL, and a hook whose stored URL lost the secret is registered again (checkWebhookExists).
 */
function registeredUrl(url: string, secret: string): string {
	return `${url}${url.includes('?') ? '&' : '?'}secret=${encodeURIComponent(secret)}`;
}

/**
 * Whether a delivery carries this node's secret. Both sides are hashed to the same length first,
 * so timingSafeEqual compares in constant time whatever was sent (or nothing, or a list).
 */
export function hasDeliverySecret(context: IWebhookFunctions, data: TriggerState): boolean {
	const expected = data.deliverySecret;
	const query = context.getQueryData() as IDataObject;
	const given = query?.secret;
	if (typeof expected !== 'string' || !expected || typeof given !== 'string') return false;
	const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
	return timingSafeEqual(digest(given), digest(expected));
}

function isActive(hook: IDataObject): boolean {
	// A hook without the field is taken as active: that is the API's default on creation.
	return hook.active !== false && hook.active !== 'false';
}

/** Events as Digisac stores them: normally an array; a JSON or comma-separated string is tolerated. */
function hookEvents(hook: IDataObject): string[] {
	const raw = hook.events;
	if (Array.isArray(raw)) return raw.map(String);
	if (typeof raw !== 'string') return [];
	try {
		const parsed = JSON.parse(raw) as unknown;
		if (Array.isArray(parsed)) return parsed.map(String);
	} catch {
		// Not JSON: a plain comma-separated list.
	}
	return raw
		.split(',')
		.map((event) => event.trim())
		.filter(Boolean);
}

function sameEvents(hook: IDataObject, wanted: string[]): boolean {
	const have = new Set(hookEvents(hook));
	return have.size === new Set(wanted).size && wanted.every((event) => have.has(event));
}

type ParameterContext = IHookFunctions | IWebhookFunctions;

/** The chosen events plus the free-text ones, trimmed and without repeats. */
export function selectedEvents(context: ParameterContext): string[] {
	const chosen = context.getNodeParameter('events', []) as unknown;
	const extra = context.getNodeParameter('additionalEvents', '') as unknown;
	const list = [
		...(Array.isArray(chosen) ? chosen.map(String) : []),
		...String(extra ?? '').split(/[\s,;]+/),
	]
		.map((event) => event.trim())
		.filter((event) => event.length > 0);
	return [...new Set(list)];
}

function webhookUrl(context: IHookFunctions): string {
	const url = context.getNodeWebhookUrl('default');
	if (!url)
		throw new NodeOperationError(
			context.getNode(),
			'n8n did not provide a webhook URL for this node',
		);
	return url;
}

function workflowIdOf(context: IHookFunctions): string {
	return String(context.getWorkflow().id ?? 'unsaved');
}

function state(context: IHookFunctions): TriggerState {
	return context.getWorkflowStaticData('node') as TriggerState;
}

function remember(data: TriggerState, hookId: string, url: string) {
	data.digisacWebhookId = hookId;
	data.webhookUrl = url;
}

function forget(data: TriggerState) {
	delete data.digisacWebhookId;
	delete data.webhookUrl;
	delete data.deliverySecret;
	delete data.recentDeliveries;
}

/** The hook's object from a GET/POST/PUT answer (bare, or wrapped in `data`). */
function asHook(body: unknown): DigisacHook | undefined {
	if (!isObject(body)) return undefined;
	if (typeof body.id === 'string' || typeof body.id === 'number')
		return { ...body, id: String(body.id) };
	if (isObject(body.data)) return asHook(body.data);
	return undefined;
}

/** GET one hook; undefined when Digisac no longer has it. */
async function fetchHook(
	context: IHookFunctions,
	hookId: string,
): Promise<DigisacHook | undefined> {
	const response = await apiRequestFull<unknown>(
		context,
		'GET',
		`${HOOKS_PATH}/${pathSegment(context, hookId, 'webhookId')}`,
		{
			acceptStatus: [404],
		},
	);
	return response.statusCode === 404 ? undefined : asHook(response.body);
}

/** Pages through the account's hooks and returns the first that matches. */
async function findHook(
	context: IHookFunctions,
	matches: (hook: DigisacHook) => boolean,
): Promise<DigisacHook | undefined> {
	for await (const page of apiRequestPages(context, HOOKS_PATH)) {
		for (const entry of page) {
			const hook = asHook(entry);
			if (hook && matches(hook)) return hook;
		}
	}
	return undefined;
}

/**
 * True when our hook is registered for this URL with the chosen events and is active.
 * Never deletes or changes anything. A stored id that Digisac no longer knows, or that
 * belongs to another workflow, is cleared. Without a usable stored id, a hook this workflow
 * registered for the same URL earlier (static data lost) is adopted instead of duplicated.
 */
export async function checkWebhookExists(context: IHookFunctions): Promise<boolean> {
	const data = state(context);
	const url = webhookUrl(context);
	const workflowId = workflowIdOf(context);
	const events = selectedEvents(context);

	if (data.digisacWebhookId) {
		const hook = await fetchHook(context, data.digisacWebhookId);
		if (!hook || isForeign(hook, workflowId)) {
			forget(data);
		} else if (pointsTo(hook, url)) {
			// Inactive (deactivated earlier), other events, or a URL without this node's secret (a
			// registration of an earlier version): create() updates this same hook.
			return isActive(hook) && sameEvents(hook, events) && carriesSecret(hook, data);
		}
		// Otherwise the stored hook serves another URL (test vs production, or n8n's address
		// changed): create() decides whether to move it.
	}

	const adopted = await findHook(
		context,
		(hook) => pointsTo(hook, url) && hookOwner(hook) === workflowId,
	);
	if (!adopted) return false;
	remember(data, adopted.id, url);
	// With the static data, the secret was lost: create() then gives this same hook a new one.
	return isActive(adopted) && sameEvents(adopted, events) && carriesSecret(adopted, data);
}

/** Our own hook that can be updated instead of registering a new one. */
async function reusableHook(
	context: IHookFunctions,
	data: TriggerState,
	url: string,
	workflowId: string,
	test: boolean,
): Promise<DigisacHook | undefined> {
	if (data.digisacWebhookId) {
		const stored = await fetchHook(context, data.digisacWebhookId);
		if (stored && !isForeign(stored, workflowId)) {
			if (pointsTo(stored, url)) return stored;
			// Same workflow and same kind (production/test) at an old address: move it. A
			// production hook is never moved to a test URL or the reverse.
			if (hookOwner(stored) === workflowId && isTestHook(stored) === test) return stored;
		}
	}
	// An earlier registration of ours at this URL, e.g. one deactivated because the account has
	// no DELETE for webhooks: reactivating it avoids piling up inactive copies.
	return await findHook(context, (hook) => pointsTo(hook, url) && hookOwner(hook) === workflowId);
}

/** Registers (or re-activates and updates) our hook with the chosen events and stores its id. */
export async function createWebhook(context: IHookFunctions): Promise<boolean> {
	const data = state(context);
	const url = webhookUrl(context);
	const workflowId = workflowIdOf(context);
	const events = selectedEvents(context);
	if (events.length === 0) {
		throw new NodeOperationError(context.getNode(), 'Choose at least one event', {
			description: 'Select events under "Events" or type event names under "Additional Events".',
		});
	}
	const test = context.getActivationMode() === 'manual' || context.getMode() === 'manual';
	const workflow = context.getWorkflow();
	// New on every registration, so deactivating and activating again rotates it.
	const secret = randomBytes(32).toString('base64url');
	const fields: IDataObject = {
		active: true,
		name: hookName(String(workflow.name ?? 'Workflow'), context.getNode().name, workflowId, test),
		url: registeredUrl(url, secret),
		events,
		type: 'general',
	};

	const existing = await reusableHook(context, data, url, workflowId, test);
	let saved: DigisacHook | undefined;
	if (existing) {
		// PUT takes the whole object back (Postman collection), so send it with our changes.
		const body = await apiRequest<unknown>(
			context,
			'PUT',
			`${HOOKS_PATH}/${pathSegment(context, existing.id, 'webhookId')}`,
			{
				body: { ...existing, ...fields },
			},
		);
		saved = asHook(body) ?? existing;
	} else {
		// The documented body carries the token user's userId and accountId (see webhookOwner).
		const owner = await webhookOwner(context);
		const body = await apiRequest<unknown>(context, 'POST', HOOKS_PATH, {
			body: { ...fields, ...owner },
		});
		saved = asHook(body);
	}
	if (!saved) {
		throw new NodeApiError(
			context.getNode(),
			{ message: 'No webhook ID in answer' },
			{
				message: 'Digisac did not return the ID of the registered webhook',
				description:
					'The webhook may exist in Digisac anyway; check Settings → Webhooks in the Digisac panel.',
			},
		);
	}
	remember(data, saved.id, url);
	data.deliverySecret = secret;
	return true;
}

/**
 * Removes the hook this node registered. DELETE is not in Digisac's public collection: when the
 * account answers 404 or 405, the hook is deactivated with PUT `active: false` instead (and
 * reused on the next activation). Only the stored hook is ever touched, and not even that one
 * when its name marks it as another workflow's, so a hook another workflow still uses for the
 * same URL survives. The static data is cleared whatever happens.
 */
export async function deleteWebhook(context: IHookFunctions): Promise<boolean> {
	const data = state(context);
	const hookId = data.digisacWebhookId;
	try {
		if (!hookId) return true;
		const hook = await fetchHook(context, hookId);
		if (!hook || isForeign(hook, workflowIdOf(context))) return true;
		const path = `${HOOKS_PATH}/${pathSegment(context, hook.id, 'webhookId')}`;
		const deleted = await apiRequestFull<unknown>(context, 'DELETE', path, {
			acceptStatus: [404, 405],
		});
		if (deleted.statusCode < 300) return true;
		// We fetched the hook a moment ago, so a 404 here means the route is missing.
		await apiRequestFull<unknown>(context, 'PUT', path, {
			body: { ...hook, active: false },
			acceptStatus: [404],
		});
		return true;
	} finally {
		forget(data);
	}
}
