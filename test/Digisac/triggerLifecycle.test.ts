import type { IDataObject, WorkflowActivateMode, WorkflowExecuteMode } from 'n8n-workflow';

import { ACCOUNT_ID } from '../fakes/digisac';
import type { NodeSetup } from '../harness';
import {
	runWebhookMethod,
	WEBHOOK_BASE_URL,
	WEBHOOK_TEST_BASE_URL,
	webhookUrlFor,
} from '../harness';

import { hooks, HOOKS_PATH, nodeState, triggerSetup, useDigisacTrigger } from './harness';

const { fake } = useDigisacTrigger();

type Mode = { mode?: WorkflowExecuteMode; activation?: WorkflowActivateMode };

/** What n8n does on activation: checkExists, then create only when it answered false. */
async function activate(setup: NodeSetup, mode: Mode = {}): Promise<{ created: boolean }> {
	const { result: exists } = await runWebhookMethod(setup, 'checkExists', mode);
	if (exists) return { created: false };
	const { result } = await runWebhookMethod(setup, 'create', mode);
	expect(result).toBe(true);
	return { created: true };
}

async function deactivate(setup: NodeSetup, mode: Mode = {}) {
	const { result } = await runWebhookMethod(setup, 'delete', mode);
	expect(result).toBe(true);
}

const manual: Mode = { mode: 'manual', activation: 'manual' };

/** The hooks Digisac still sends events to (deactivation without DELETE leaves them inactive). */
const activeHooks = () => hooks(fake).filter((hook) => hook.active !== false);

describe('activation', () => {
	it('registers a webhook for the node URL with the chosen events and stores its id', async () => {
		const setup = triggerSetup(fake, {
			events: ['message.created', 'ticket.closed'],
			additionalEvents: 'ticket.transferred, message.created',
		});
		expect(await activate(setup)).toEqual({ created: true });

		const post = fake.last('POST', HOOKS_PATH);
		expect(post.headers.authorization).toBe(`Bearer ${fake.token}`);
		const url = webhookUrlFor(setup);
		expect(url.startsWith(`${WEBHOOK_BASE_URL}/`)).toBe(true);
		expect(post.json).toEqual({
			active: true,
			name: '[n8n] Test workflow / Digisac Trigger (n8n workflow wf-1)',
			url: `${url}?secret=${nodeState(setup).deliverySecret}`,
			events: ['message.created', 'ticket.closed', 'ticket.transferred'],
			type: 'general',
			userId: fake.state.me.id,
			accountId: ACCOUNT_ID,
		});
		expect(hooks(fake)).toHaveLength(1);
		expect(nodeState(setup)).toEqual({
			digisacWebhookId: hooks(fake)[0].id,
			webhookUrl: url,
			deliverySecret: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
		});
	});

	it('re-activation finds the stored hook and registers nothing new', async () => {
		const setup = triggerSetup(fake);
		await activate(setup);
		fake.reset();

		expect(await activate(setup)).toEqual({ created: false });
		expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			`GET ${HOOKS_PATH}/${hooks(fake)[0].id}`,
		]);
		expect(hooks(fake)).toHaveLength(1);
	});

	it('adopts its own hook by URL when the static data was lost, instead of duplicating it', async () => {
		const setup = triggerSetup(fake);
		await activate(setup);
		const firstId = hooks(fake)[0].id;
		setup.staticData = {};

		// The secret went with the static data: the same hook gets a new one (PUT), no second hook.
		expect(await activate(setup)).toEqual({ created: true });
		expect(hooks(fake)).toHaveLength(1);
		expect(nodeState(setup).digisacWebhookId).toBe(firstId);
		expect(fake.handled('POST', HOOKS_PATH)).toHaveLength(1);
		expect(String(hooks(fake)[0].url)).toBe(
			`${webhookUrlFor(setup)}?secret=${nodeState(setup).deliverySecret}`,
		);
	});

	it('recognises its hook when Digisac stored the URL with a trailing slash', async () => {
		const setup = triggerSetup(fake);
		await activate(setup);
		hooks(fake)[0].url = `${webhookUrlFor(setup)}/?secret=${nodeState(setup).deliverySecret}`;
		expect(await activate(setup)).toEqual({ created: false });
		setup.staticData = {};
		expect(await activate(setup)).toEqual({ created: true });
		expect(hooks(fake)).toHaveLength(1);
		expect(fake.handled('POST', HOOKS_PATH)).toHaveLength(1);
	});

	it("pages through the account's hooks to find its own", async () => {
		const setup = triggerSetup(fake);
		for (let i = 0; i < 130; i++) {
			fake.state.webhooks.push({
				id: `other-${i}`,
				name: `CRM ${i}`,
				url: `https://crm.example.com/hook/${i}`,
				events: ['message.created'],
				active: true,
			});
		}
		await activate(setup);
		setup.staticData = {};
		fake.reset();

		expect(await activate(setup)).toEqual({ created: true });
		expect(fake.handled('POST', HOOKS_PATH)).toHaveLength(0);
		const pages = fake.handled('GET', HOOKS_PATH).map((r) => r.query.page);
		expect(pages).toEqual(['1', '2']);
		expect(nodeState(setup).digisacWebhookId).toBe(hooks(fake)[130].id);
	});

	it('clears a stored id Digisac no longer knows and registers again (checkExists deletes nothing)', async () => {
		const setup = triggerSetup(fake);
		await activate(setup);
		fake.state.webhooks = []; // removed in the Digisac panel

		const { result, staticData } = await runWebhookMethod(setup, 'checkExists');
		expect(result).toBe(false);
		expect(nodeState({ staticData }).digisacWebhookId).toBeUndefined();
		expect(fake.requests.some((r) => r.method === 'DELETE' || r.method === 'PUT')).toBe(false);

		await runWebhookMethod(setup, 'create');
		expect(hooks(fake)).toHaveLength(1);
		expect(nodeState(setup).digisacWebhookId).toBe(hooks(fake)[0].id);
	});

	it('updates its own hook when the chosen events changed, without a second registration', async () => {
		const setup = triggerSetup(fake);
		await activate(setup);
		const id = hooks(fake)[0].id;
		setup.parameters.events = ['message.created', 'bot.command'];

		expect(await activate(setup)).toEqual({ created: true });
		expect(hooks(fake)).toHaveLength(1);
		expect(hooks(fake)[0]).toMatchObject({
			id,
			events: ['message.created', 'bot.command'],
			active: true,
		});
		const put = fake.last('PUT', `${HOOKS_PATH}/${id}`);
		// The whole object goes back, as the collection's PUT example shows.
		expect(put.json).toMatchObject({
			id,
			url: `${webhookUrlFor(setup)}?secret=${nodeState(setup).deliverySecret}`,
			type: 'general',
			accountId: ACCOUNT_ID,
			createdAt: expect.any(String),
		});
		expect(fake.handled('POST', HOOKS_PATH)).toHaveLength(1);
	});

	it('does not reuse an inactive or event-mismatched hook through checkExists: create fixes it', async () => {
		const setup = triggerSetup(fake);
		await activate(setup);
		hooks(fake)[0].active = false;
		const { result } = await runWebhookMethod(setup, 'checkExists');
		expect(result).toBe(false);
		await runWebhookMethod(setup, 'create');
		expect(hooks(fake)).toHaveLength(1);
		expect(hooks(fake)[0].active).toBe(true);
	});

	it("moves its hook to the new URL when n8n's address changed", async () => {
		const setup = triggerSetup(fake);
		await activate(setup);
		const id = hooks(fake)[0].id;
		hooks(fake)[0].url =
			'https://old-n8n.example.com/webhook/3f1c2a4e-1111-4aaa-8bbb-000000000001/webhook';

		expect(await activate(setup)).toEqual({ created: true });
		expect(hooks(fake)).toHaveLength(1);
		expect(hooks(fake)[0]).toMatchObject({
			id,
			url: `${webhookUrlFor(setup)}?secret=${nodeState(setup).deliverySecret}`,
			active: true,
		});
		expect(fake.handled('POST', HOOKS_PATH)).toHaveLength(1);
	});

	it('names a test registration as such and registers the test URL', async () => {
		const setup = triggerSetup(fake);
		await activate(setup, manual);
		const post = fake.last('POST', HOOKS_PATH).json as IDataObject;
		expect(post.name).toBe('[n8n test] Test workflow / Digisac Trigger (n8n workflow wf-1)');
		expect(String(post.url).startsWith(`${WEBHOOK_TEST_BASE_URL}/`)).toBe(true);
		expect(post.url).toBe(
			`${webhookUrlFor(setup, 'manual')}?secret=${nodeState(setup).deliverySecret}`,
		);
	});

	it('refuses to register without any event', async () => {
		const setup = triggerSetup(fake, { events: [], additionalEvents: ' , ' });
		await expect(runWebhookMethod(setup, 'create')).rejects.toThrow('Choose at least one event');
		expect(fake.handled('POST', HOOKS_PATH)).toHaveLength(0);
	});

	it("reports Digisac's refusal with its message and without the token", async () => {
		const setup = triggerSetup(fake);
		setup.credentials = { digisacApi: { accountUrl: fake.url, apiToken: 'wrong-token-123456' } };
		const failure = runWebhookMethod(setup, 'checkExists');
		await expect(failure).rejects.toMatchObject({
			// The Digisac transport puts Digisac's 401 in the user's terms (its text in the description).
			message: expect.stringMatching(/^Digisac refused the API token/),
			httpCode: '401',
		});
		const error = (await failure.catch((e: unknown) => e)) as Error & { description?: string };
		expect(
			JSON.stringify({ message: error.message, description: error.description }),
		).not.toContain('wrong-token-123456');
	});

	it('fails activation when Digisac answers the registration without an id', async () => {
		const setup = triggerSetup(fake);
		fake.failNext({ status: 200, body: { ok: true } }, 1, (r) => r.method === 'POST');
		await expect(runWebhookMethod(setup, 'create')).rejects.toThrow(
			'Digisac did not return the ID of the registered webhook',
		);
		expect(nodeState(setup).digisacWebhookId).toBeUndefined();
	});
});

describe('deactivation', () => {
	it('deletes its hook and clears the static data, where the account has DELETE', async () => {
		fake.webhookDelete = 'supported';
		const setup = triggerSetup(fake);
		await activate(setup);
		const id = hooks(fake)[0].id;

		await deactivate(setup);
		expect(fake.last('DELETE').path).toBe(`${HOOKS_PATH}/${id}`);
		expect(hooks(fake)).toHaveLength(0);
		expect(nodeState(setup)).toEqual({});
	});

	it.each([404, 405] as const)(
		'deactivates the hook with PUT active:false when DELETE answers %s',
		async (status) => {
			const setup = triggerSetup(fake);
			await activate(setup);
			const id = hooks(fake)[0].id;
			fake.webhookDelete = status;

			await deactivate(setup);
			expect(fake.last('DELETE').status).toBe(status);
			const put = fake.last('PUT', `${HOOKS_PATH}/${id}`);
			expect(put.json).toMatchObject({
				id,
				active: false,
				url: expect.stringContaining(`${webhookUrlFor(setup)}?secret=`),
			});
			expect(hooks(fake)).toHaveLength(1);
			expect(hooks(fake)[0].active).toBe(false);
			expect(nodeState(setup)).toEqual({});
		},
	);

	it('reactivates the deactivated hook on the next activation instead of piling up copies', async () => {
		fake.webhookDelete = 405;
		const setup = triggerSetup(fake);
		await activate(setup);
		await deactivate(setup);
		await activate(setup);
		await deactivate(setup);
		await activate(setup);

		expect(hooks(fake)).toHaveLength(1);
		expect(hooks(fake)[0].active).toBe(true);
		expect(fake.handled('POST', HOOKS_PATH)).toHaveLength(1);
		expect(nodeState(setup).digisacWebhookId).toBe(hooks(fake)[0].id);
	});

	it('does nothing remote when nothing is stored, and copes with a hook already removed', async () => {
		const setup = triggerSetup(fake);
		await deactivate(setup);
		expect(fake.requests).toHaveLength(0);

		await activate(setup);
		fake.state.webhooks = [];
		await deactivate(setup);
		expect(fake.requests.filter((r) => r.method === 'DELETE' || r.method === 'PUT')).toHaveLength(
			0,
		);
		expect(nodeState(setup)).toEqual({});
	});

	it('clears the static data even when removing the hook fails, and reports the failure', async () => {
		const setup = triggerSetup(fake);
		await activate(setup);
		fake.failNext(
			{
				status: 500,
				body: { error: 'HttpError', message: "Cannot read property 'id' of null", status: 500 },
			},
			1,
			(r) => r.method === 'DELETE',
		);

		await expect(runWebhookMethod(setup, 'delete')).rejects.toThrow(
			"Cannot read property 'id' of null",
		);
		expect(nodeState(setup)).toEqual({});
		// The hook is still registered and marked as this workflow's: the next activation reuses it
		// (with a new secret) instead of registering a second one.
		expect(await activate(setup)).toEqual({ created: true });
		expect(hooks(fake)).toHaveLength(1);
		expect(fake.handled('POST', HOOKS_PATH)).toHaveLength(1);
	});

	it('a test run registers and removes its own hook and leaves the production hook alone', async () => {
		const production = triggerSetup(fake);
		await activate(production);
		const productionHook = { ...hooks(fake)[0] };

		// Worst case: the test registration starts from a copy of the production static data.
		const test = triggerSetup(
			fake,
			{},
			{ staticData: JSON.parse(JSON.stringify(production.staticData)) as IDataObject },
		);
		await activate(test, manual);
		expect(hooks(fake)).toHaveLength(2);
		expect(nodeState(test).digisacWebhookId).not.toBe(productionHook.id);

		await deactivate(test, { mode: 'internal', activation: 'update' });
		expect(activeHooks()).toEqual([productionHook]);
		expect(nodeState(production).digisacWebhookId).toBe(productionHook.id);
	});
});

describe('two workflows sharing a URL', () => {
	// A workflow duplicated or imported with its node's webhookId gets the same URL; imported
	// with its static data, it even holds the other workflow's hook id.
	it("each workflow registers its own hook, and deactivating one leaves the other's hook", async () => {
		const first = triggerSetup(fake, {}, { workflowId: 'wf-1' });
		await activate(first);
		const firstHook = { ...hooks(fake)[0] };
		const copy = triggerSetup(
			fake,
			{},
			{
				workflowId: 'wf-2',
				staticData: JSON.parse(JSON.stringify(first.staticData)) as IDataObject,
			},
		);
		expect(webhookUrlFor(copy)).toBe(webhookUrlFor(first));

		expect(await activate(copy)).toEqual({ created: true });
		expect(hooks(fake)).toHaveLength(2);
		const copyId = nodeState(copy).digisacWebhookId;
		expect(copyId).not.toBe(firstHook.id);
		expect(hooks(fake).find((h) => h.id === copyId)?.name).toMatch(/\(n8n workflow wf-2\)$/);

		await deactivate(copy);
		expect(activeHooks()).toEqual([firstHook]);
		// Only the copy's own hook is touched: DELETE, then (no DELETE here) PUT active:false.
		const changes = fake.requests.filter((r) => r.method === 'DELETE' || r.method === 'PUT');
		expect(changes.map((r) => `${r.method} ${r.path}`)).toEqual([
			`DELETE ${HOOKS_PATH}/${copyId}`,
			`PUT ${HOOKS_PATH}/${copyId}`,
		]);

		await deactivate(first);
		expect(activeHooks()).toHaveLength(0);
	});

	it('never adopts or removes a hook another workflow registered for the same URL', async () => {
		const first = triggerSetup(fake, {}, { workflowId: 'wf-1' });
		await activate(first);
		const second = triggerSetup(fake, {}, { workflowId: 'wf-2' });

		expect(await activate(second)).toEqual({ created: true });
		await deactivate(second);
		expect(activeHooks().map((h) => h.id)).toEqual([nodeState(first).digisacWebhookId]);
	});

	it('leaves a hook it holds the id of but that another workflow registered', async () => {
		const first = triggerSetup(fake, {}, { workflowId: 'wf-1' });
		await activate(first);
		const copy = triggerSetup(
			fake,
			{},
			{
				workflowId: 'wf-2',
				staticData: JSON.parse(JSON.stringify(first.staticData)) as IDataObject,
			},
		);

		await deactivate(copy);
		expect(hooks(fake)).toHaveLength(1);
		expect(fake.requests.filter((r) => r.method === 'DELETE' || r.method === 'PUT')).toHaveLength(
			0,
		);
		expect(nodeState(copy)).toEqual({});
	});
});
