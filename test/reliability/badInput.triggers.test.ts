/**
 * The bad-input corpus for the three triggers, built from their descriptions like the action
 * nodes' corpus: every parameter and every option of their collections given a value of the
 * wrong type by an expression (a number, an object or a list where text is expected...). Each
 * case runs what n8n runs for that trigger (activation, then a genuine delivery; or a poll) and
 * must either work or stop with a clear NodeOperationError / NodeApiError, never a TypeError, and
 * a webhook trigger must not throw after it has already answered the platform (which then never
 * sends the event again).
 */
import type {
	IDataObject,
	INodeParameters,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { DigisacTrigger } from '../../nodes/Digisac/DigisacTrigger.node';
import type { TriggerState } from '../../nodes/Digisac/trigger/registration';
import { PlugChatTrigger } from '../../nodes/PlugChat/PlugChatTrigger.node';
import { TomTicketTrigger } from '../../nodes/TomTicket/TomTicketTrigger.node';
import { captureDelivery } from '../fakes/digisac/deliveryCapture';
import type { NodeSetup } from '../harness';
import { deliverWebhook, runPoll, runWebhookMethod } from '../harness';

import type { BadValue } from './corpus';
import { wrongTypes } from './corpus';
import type { ReliabilityFakes } from './support';
import { judgeError, TOKENS, useFakes } from './support';

const fakes = useFakes();

interface Case {
	label: string;
	parameters: INodeParameters;
}

/** One wrong value at a time: each top-level parameter, then each option of each collection. */
function triggerCases(description: INodeTypeDescription, baseline: INodeParameters): Case[] {
	const cases: Case[] = [];
	const expression = (bad: BadValue) => `={{ ${bad.js} }}`;
	for (const property of description.properties) {
		if (property.type === 'notice') continue;
		if (property.type === 'collection') {
			for (const option of (property.options ?? []) as INodeProperties[]) {
				for (const bad of wrongTypes(option.type)) {
					cases.push({
						label: `${property.name}.${option.name} given ${bad.label}`,
						parameters: {
							...baseline,
							[property.name]: {
								...((baseline[property.name] as IDataObject) ?? {}),
								[option.name]: expression(bad),
							},
						} as INodeParameters,
					});
				}
			}
			continue;
		}
		for (const bad of wrongTypes(property.type)) {
			cases.push({
				label: `${property.name} given ${bad.label}`,
				parameters: { ...baseline, [property.name]: expression(bad) },
			});
		}
	}
	return cases;
}

/** What is wrong with an error a trigger threw (nothing when it is a clear one). */
function judge(step: string, error: unknown): string[] {
	const problems = judgeError(error, undefined).problems.map((p) => `${step}: the error ${p}`);
	const answered = (error as { answeredBeforeError?: { status: number } }).answeredBeforeError;
	if (answered && answered.status < 300)
		problems.push(
			`${step}: threw after answering the platform ${answered.status}, so the event is lost`,
		);
	const text = JSON.stringify({
		message: (error as Error)?.message,
		description: (error as { description?: unknown })?.description,
	});
	for (const token of TOKENS(fakes))
		if (text.includes(token)) problems.push(`${step}: the token is in the error`);
	return problems;
}

async function step(label: string, problems: string[], run: () => Promise<unknown>) {
	try {
		await run();
		return true;
	} catch (error) {
		problems.push(...judge(label, error));
		return false;
	}
}

interface TriggerCorpus {
	title: string;
	nodeType: INodeType;
	baseline: INodeParameters;
	/** Runs the trigger as n8n does; returns how many items the last step produced. */
	exercise(parameters: INodeParameters, problems: string[]): Promise<number | undefined>;
}

const digisacWebhookId = '3f1c2a4e-1111-4aaa-8bbb-0000000000c0';

const corpora: TriggerCorpus[] = [
	{
		title: 'Digisac Trigger',
		nodeType: new DigisacTrigger(),
		baseline: {
			events: ['message.created'],
			additionalEvents: '',
			ignoreOwnMessages: true,
			filters: {},
			options: { downloadMedia: true },
		},
		async exercise(parameters, problems) {
			const fake = fakes.digisac;
			fake.state.webhooks = [];
			const setup = {
				nodeType: new DigisacTrigger(),
				parameters,
				credentials: fakes.credentials(),
				workflowId: 'wf-corpus',
				webhookId: digisacWebhookId,
				staticData: {} as IDataObject,
			} satisfies NodeSetup;
			if (!(await step('activation', problems, () => runWebhookMethod(setup, 'create'))))
				return undefined;
			const state = (setup.staticData['node:Digisac Trigger'] ?? {}) as TriggerState;
			if (!state.digisacWebhookId) return undefined;
			const [contact] = fake.addContacts(1);
			const message = fake.addIncomingMessage(
				{ contactId: contact.id, fromId: contact.id, text: 'segue o comprovante' },
				{ name: 'comprovante.pdf', mimetype: 'application/pdf', content: Buffer.from('%PDF-1.4') },
			);
			const delivery = await captureDelivery(
				fake,
				state.digisacWebhookId,
				'message.created',
				fake.presentMessage(message, false),
			);
			let count: number | undefined;
			await step('delivery', problems, async () => {
				const { response } = await deliverWebhook(setup, {
					body: delivery.body,
					headers: delivery.headers,
					query: Object.fromEntries(new URL(delivery.url).searchParams.entries()),
				});
				count = response.workflowData?.[0]?.length ?? 0;
			});
			return count;
		},
	},
	{
		title: 'PlugChat Trigger',
		nodeType: new PlugChatTrigger(),
		baseline: { events: ['receiveMessage'], options: {} },
		async exercise(parameters, problems) {
			const fake = fakes.plugChat;
			fake.requireHttps = false;
			const setup = {
				nodeType: new PlugChatTrigger(),
				parameters,
				credentials: fakes.credentials(),
				workflowId: 'wf-corpus',
				staticData: {} as IDataObject,
			} satisfies NodeSetup;
			if (!(await step('activation', problems, () => runWebhookMethod(setup, 'create'))))
				return undefined;
			if (!fake.state.webhooks.receiveMessage) return undefined;
			const { body, query } = fake.deliveryFor('receiveMessage', {
				type: 'ReceivedCallback',
				phone: '5511987654321',
				fromMe: false,
				isGroup: false,
				text: { message: 'Olá, preciso da segunda via' },
			});
			let count: number | undefined;
			await step('delivery', problems, async () => {
				const { response } = await deliverWebhook(setup, { body, query });
				count = response.workflowData?.[0]?.length ?? 0;
			});
			return count;
		},
	},
	{
		title: 'TomTicket Trigger',
		nodeType: new TomTicketTrigger(),
		baseline: { event: 'ticketCreated', departmentIds: [], situations: [], options: {} },
		async exercise(parameters, problems) {
			const fake = fakes.tomTicket;
			const setup = {
				nodeType: new TomTicketTrigger(),
				parameters,
				credentials: fakes.credentials(),
				staticData: {} as IDataObject,
			} satisfies NodeSetup;
			fake.addTickets(2);
			let count: number | undefined;
			// "Fetch Test Event" (manual), then the first and a later production poll.
			await step('manual poll', problems, () => runPoll(setup, { mode: 'manual' }));
			if (!(await step('first poll', problems, () => runPoll(setup)))) return undefined;
			fake.addTickets(1);
			await step('second poll', problems, async () => {
				const { items } = await runPoll(setup);
				count = items?.[0]?.length ?? 0;
			});
			return count;
		},
	},
];

describe.each(corpora)('$title', ({ nodeType, baseline, exercise }) => {
	const cases = triggerCases(nodeType.description, baseline);

	it('has cases for every parameter, and its baseline works', async () => {
		expect(cases.length).toBeGreaterThan(5);
		const problems: string[] = [];
		const count = await exercise(baseline, problems);
		expect(problems).toEqual([]);
		expect(count).toBe(1);
	});

	it('never fails with a TypeError or after answering, whatever type a parameter is given', async () => {
		const problems: string[] = [];
		for (const { label, parameters } of cases) {
			resetFakes(fakes);
			const found: string[] = [];
			await exercise(parameters, found);
			problems.push(...found.map((problem) => `${label}: ${problem}`));
		}
		expect(problems).toEqual([]);
	}, 120_000);
});

function resetFakes(all: ReliabilityFakes) {
	all.digisac.reset();
	all.plugChat.reset();
	all.tomTicket.reset();
	all.tomTicket.resetState();
	all.plugChat.resetState();
}
