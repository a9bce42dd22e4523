import type { IDataObject, WorkflowExecuteMode } from 'n8n-workflow';

import { captureDelivery } from '../fakes/digisac/deliveryCapture';
import type { NodeSetup } from '../harness';
import { deliverWebhook, runWebhookMethod, webhookUrlFor } from '../harness';

import { hooks, HOOKS_PATH, nodeState, triggerSetup, useDigisacTrigger } from './harness';

const { fake } = useDigisacTrigger();

type Setup = NodeSetup & { staticData: IDataObject };

async function activate(setup: Setup, mode: WorkflowExecuteMode = 'trigger') {
	const options = mode === 'manual' ? { mode, activation: 'manual' as const } : {};
	const { result: exists } = await runWebhookMethod(setup, 'checkExists', options);
	if (!exists) await runWebhookMethod(setup, 'create', options);
	return hooks(fake).find((hook) => hook.id === nodeState(setup).digisacWebhookId)!;
}

function secretOf(url: unknown): string | null {
	return new URL(String(url)).searchParams.get('secret');
}

function message() {
	const contact = fake.state.contacts[0] ?? fake.addContacts(1)[0];
	return fake.presentMessage(
		fake.addIncomingMessage({ contactId: contact.id, fromId: contact.id, text: 'Oi' }),
		false,
	);
}

/** What Digisac sends to the URL it has, then that request as n8n hands it to the trigger. */
async function genuine(setup: Setup, mode: WorkflowExecuteMode = 'webhook') {
	const captured = await captureDelivery(
		fake,
		nodeState(setup).digisacWebhookId!,
		'message.created',
		message(),
	);
	const query = Object.fromEntries(new URL(captured.url).searchParams.entries());
	return {
		body: captured.body as IDataObject,
		query,
		result: await deliver(setup, captured.body, query, mode),
	};
}

async function deliver(
	setup: Setup,
	body: unknown,
	query: Record<string, string>,
	mode: WorkflowExecuteMode = 'webhook',
) {
	return await deliverWebhook(setup, { body, query }, { mode });
}

describe('the secret in the registered URL', () => {
	it('is random, registered with the URL, and new on every activation', async () => {
		const setup = triggerSetup(fake);
		const hook = await activate(setup);
		const first = secretOf(hook.url);
		expect(first).toMatch(/^[A-Za-z0-9_-]{32,}$/);
		expect(String(hook.url)).toBe(`${webhookUrlFor(setup)}?secret=${first}`);
		expect(fake.last('POST', HOOKS_PATH).json).toMatchObject({ url: hook.url });

		// n8n restarting: the hook is found as it is, and the secret kept.
		fake.reset();
		await activate(setup);
		expect(fake.handled('PUT', /webhooks/)).toHaveLength(0);
		expect(secretOf(hooks(fake)[0].url)).toBe(first);

		// Deactivated and activated again: a new secret.
		await runWebhookMethod(setup, 'delete');
		const again = await activate(setup);
		expect(secretOf(again.url)).toMatch(/^[A-Za-z0-9_-]{32,}$/);
		expect(secretOf(again.url)).not.toBe(first);

		const other = triggerSetup(fake, {}, { workflowId: 'wf-2', staticData: {} });
		expect(secretOf((await activate(other)).url)).not.toBe(secretOf(again.url));
	});

	it('moves a hook registered without a secret (an earlier version) to the URL with one', async () => {
		const setup = triggerSetup(fake);
		const hook = await activate(setup);
		// What an earlier version of the trigger registered and stored.
		hook.url = webhookUrlFor(setup);
		delete (nodeState(setup) as IDataObject).deliverySecret;

		await activate(setup);
		expect(hooks(fake)).toHaveLength(1);
		expect(hooks(fake)[0].id).toBe(hook.id);
		expect(secretOf(hooks(fake)[0].url)).toMatch(/^[A-Za-z0-9_-]{32,}$/);
	});
});

describe('a delivery', () => {
	it('with the secret starts the workflow; the secret is not in the output', async () => {
		const setup = triggerSetup(fake);
		const hook = await activate(setup);
		const { result } = await genuine(setup);
		const items = result.response.workflowData?.[0] ?? [];
		expect(items).toHaveLength(1);
		expect(JSON.stringify(items)).not.toContain(secretOf(hook.url)!);
	});

	it.each([
		['without the secret', {}],
		['with a wrong secret', { secret: 'x'.repeat(43) }],
		['with a short secret', { secret: 'a' }],
		['with an empty secret', { secret: '' }],
	])('%s starts nothing and is answered 401', async (_label, query) => {
		const setup = triggerSetup(fake);
		const hook = await activate(setup);
		const { body } = await genuine(setup); // the webhookId a forger saw in an execution
		const result = await deliver(
			setup,
			{ ...body, data: message() },
			query as Record<string, string>,
		);
		expect(result.response.workflowData).toBeUndefined();
		expect(result.http.statusCode).toBe(401);
		expect(result.response.noWebhookResponse).toBe(true);
		expect(JSON.stringify(result.http.body)).not.toContain(secretOf(hook.url)!);
		expect(JSON.stringify(result.http.body)).not.toContain(String(hook.id));
	});

	it('given the secret twice (a list) is refused, not a TypeError', async () => {
		const setup = triggerSetup(fake);
		const hook = await activate(setup);
		const { body } = await genuine(setup);
		const secret = secretOf(hook.url)!;
		const result = await deliverWebhook(setup, {
			body: { ...body, data: message() },
			query: { secret: [secret, secret] } as unknown as Record<string, string>,
		});
		expect(result.http.statusCode).toBe(401);
	});

	it('stops once the workflow is deactivated, even with the old secret', async () => {
		const setup = triggerSetup(fake);
		const hook = await activate(setup);
		const { body, query } = await genuine(setup);
		await runWebhookMethod(setup, 'delete');
		const result = await deliver(setup, { ...body, data: message() }, query);
		expect(secretOf(hook.url)).toBe(query.secret);
		expect(result.response.workflowData).toBeUndefined();
		expect(result.http.statusCode).toBe(401);
	});

	it('in "Listen for test event" (manual mode) uses the test URL and its own secret', async () => {
		const production = triggerSetup(fake);
		const productionHook = await activate(production);
		const test = triggerSetup(fake, {}, { staticData: {} });
		const testHook = await activate(test, 'manual');
		expect(String(testHook.url).startsWith(`${webhookUrlFor(test, 'manual')}?secret=`)).toBe(true);
		expect(secretOf(testHook.url)).not.toBe(secretOf(productionHook.url));

		const { result } = await genuine(test, 'manual');
		expect(result.response.workflowData?.[0]).toHaveLength(1);
	});
});
