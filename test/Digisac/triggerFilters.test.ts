import type { IDataObject, INode, INodeParameters } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { DigisacTrigger } from '../../nodes/Digisac/DigisacTrigger.node';
import { captureDelivery } from '../fakes/digisac/deliveryCapture';
import type { NodeSetup } from '../harness';
import { deliverWebhook, runWebhookMethod } from '../harness';

import recordedPage from './fixtures/trigger/messages-page1.json';
import { nodeState, triggerSetup, useDigisacTrigger } from './harness';

const { fake } = useDigisacTrigger();
const { description } = new DigisacTrigger();

/**
 * The parameters n8n stores for a trigger just added from the nodes panel: the editor fills in the
 * defaults (getNodeParameters with returnDefaults) and saves only what differs from them.
 */
function savedForNewNode(changes: INodeParameters = {}): INodeParameters {
	const node = { name: 'Digisac Trigger', typeVersion: 1, parameters: {} } as unknown as INode;
	const shown = NodeHelpers.getNodeParameters(
		description.properties,
		{},
		true,
		false,
		node,
		description,
	)!;
	return NodeHelpers.getNodeParameters(
		description.properties,
		{ ...shown, ...changes },
		false,
		false,
		node,
		description,
	)!;
}

async function activeTrigger(parameters: INodeParameters) {
	const setup = triggerSetup(fake, {}, {});
	setup.parameters = parameters;
	await runWebhookMethod(setup, 'create');
	fake.reset();
	return setup;
}

async function outcome(setup: NodeSetup & { staticData: IDataObject }, data: IDataObject) {
	const captured = await captureDelivery(
		fake,
		nodeState(setup).digisacWebhookId!,
		'message.created',
		data,
	);
	const result = await deliverWebhook(setup, {
		body: captured.body,
		query: Object.fromEntries(new URL(captured.url).searchParams.entries()),
	});
	const items = result.response.workflowData?.[0] ?? [];
	return items.length === 1
		? 'started'
		: String((result.response.webhookResponse as IDataObject).ignored);
}

const messages = recordedPage as unknown as IDataObject[];
const systemLines = messages.filter((message) => message.type === 'ticket');

describe('safety filters for a newly added trigger (recorded message page)', () => {
	it('are top-level switches, on by default, and saved as nothing', () => {
		for (const name of [
			'ignoreOwnMessages',
			'ignoreBotMessages',
			'ignoreGroups',
			'ignoreSystemMessages',
			'onlyUnassigned',
		]) {
			const property = description.properties.find((p) => p.name === name);
			expect(property).toMatchObject({ type: 'boolean', default: true });
		}
		// Only the (empty) collections: every switch is at its default.
		expect(savedForNewNode()).toEqual({ filters: {}, options: {} });
	});

	it("start nothing for Digisac's system lines, own messages and chats an agent holds", async () => {
		expect(systemLines).toHaveLength(6);
		const setup = await activeTrigger(savedForNewNode());
		const results: string[] = [];
		for (const message of messages) results.push(await outcome(setup, message));
		expect(results).toEqual(
			messages.map((message) => {
				if (message.isFromMe === true) return 'message sent by me';
				if (message.type === 'ticket') return 'system message';
				if (message.ticketUserId) return 'agent assigned';
				return 'started';
			}),
		);
		expect(results.filter((result) => result === 'started')).toHaveLength(1);
	});

	it('let a system line through when switched off at the top level', async () => {
		const setup = await activeTrigger(savedForNewNode({ ignoreSystemMessages: false }));
		expect(await outcome(setup, systemLines[0])).toBe('started');
	});

	it('let a bot message through when switched off; drop it by default', async () => {
		const bot = { ...messages.find((m) => m.text === 'Oie')!, isFromBot: true };
		const byDefault = await activeTrigger(savedForNewNode());
		expect(await outcome(byDefault, bot)).toBe('bot message');
		const off = await activeTrigger(savedForNewNode({ ignoreBotMessages: false }));
		expect(await outcome(off, { ...bot, id: 'another-id' })).toBe('started');
	});

	it('keep an explicit value saved in the old Filters collection winning', async () => {
		// A workflow saved before the switches moved: the old collection held them.
		const legacyOff = await activeTrigger({
			...savedForNewNode(),
			filters: { ignoreSystemMessages: false, onlyUnassigned: false },
		});
		expect(await outcome(legacyOff, systemLines[0])).toBe('started');
		const held = messages.find((m) => m.isFromMe === false && m.ticketUserId && m.type === 'chat')!;
		expect(await outcome(legacyOff, held)).toBe('started');

		// An old explicit true wins over a top-level false, too.
		const legacyOn = await activeTrigger({
			...savedForNewNode({ ignoreSystemMessages: false }),
			filters: { ignoreSystemMessages: true },
		});
		expect(await outcome(legacyOn, systemLines[1])).toBe('system message');
	});

	it('keep the old entries readable but offer them only where a value is saved', () => {
		const filters = description.properties.find((p) => p.name === 'filters')!;
		const node = { name: 'Digisac Trigger', typeVersion: 1, parameters: {} } as unknown as INode;
		const offered = (values: IDataObject) =>
			(filters.options as Array<{ name: string; displayOptions?: unknown }>)
				.filter((option) =>
					NodeHelpers.displayParameterPath(
						{ filters: values } as INodeParameters,
						option as never,
						'filters',
						node,
						description,
					),
				)
				.map((option) => option.name);
		expect(offered({})).toEqual(['serviceIds']);
		expect(offered({ ignoreGroups: false })).toEqual(['serviceIds', 'ignoreGroups']);
		// What n8n keeps when it loads the saved workflow.
		const loaded = NodeHelpers.getNodeParameters(
			description.properties,
			{ filters: { ignoreGroups: false } },
			false,
			false,
			node,
			description,
		)!;
		expect(loaded.filters).toEqual({ ignoreGroups: false });
	});
});
