import { randomUUID } from 'crypto';
import { setTimeout as delay } from 'timers/promises';

import { requestsSince } from '../checks/actionNodes';
import { FIXTURES } from '../lib/fixtures';
import { log } from '../lib/log';
import { waitFor } from '../lib/net';
import { Problems } from '../lib/steps';
import type { NodeJson, WorkflowJson } from '../workflows';
import { ourNode } from '../workflows';

import { executionsOf, storedRunTexts } from './records';
import type { QueueStack } from './stack';
import {
	chain,
	digisacDelivery,
	noOp,
	perWorker,
	postUntilRouted,
	atProcessor,
	pointsAt,
	productionUrl,
} from './triggers';

export const LOAD = { deliveries: 1000, concurrency: 50, duplicates: 200 };

interface Sent {
	/** The last answer to each body (by index). */
	finalStatus: string[];
	seconds: number;
	perSecond: number;
	statuses: Record<string, number>;
	retried: number;
}

/** The message id of a Digisac delivery: the balancer logs which processor took it. */
function deliveryKey(body: unknown): string {
	return String((body as { data?: { id?: unknown } })?.data?.id ?? '');
}

/**
 * POSTs every body to `url`, `concurrency` at a time, and times the whole. A delivery n8n does
 * not accept (not 2xx, or no answer within 60 s) is sent again up to 3 times a second later, as
 * the platforms re-send failed deliveries; `retried` counts those.
 */
async function sendAll(url: string, bodies: unknown[], concurrency: number): Promise<Sent> {
	const statuses: Record<string, number> = {};
	const finalStatus: string[] = [];
	let retried = 0;
	let next = 0;
	const started = Date.now();
	const once = async (body: unknown): Promise<string> => {
		try {
			const response = await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json', 'x-e2e-delivery': deliveryKey(body) },
				body: JSON.stringify(body),
				signal: AbortSignal.timeout(60_000),
			});
			const text = await response.text();
			return response.ok ? String(response.status) : `${response.status} ${text.slice(0, 60)}`;
		} catch (error) {
			return `no answer: ${(error as Error).message}`;
		}
	};
	const lane = async () => {
		while (next < bodies.length) {
			const index = next++;
			const body = bodies[index];
			let status = await once(body);
			for (let attempt = 1; !/^2/.test(status) && attempt <= 3; attempt++) {
				statuses[`${status} (then re-sent)`] = (statuses[`${status} (then re-sent)`] ?? 0) + 1;
				retried++;
				await delay(1_000);
				status = await once(body);
			}
			statuses[status] = (statuses[status] ?? 0) + 1;
			finalStatus[index] = status;
		}
	};
	await Promise.all(Array.from({ length: concurrency }, lane));
	const seconds = (Date.now() - started) / 1000;
	return {
		finalStatus,
		seconds,
		perSecond: Math.round((bodies.length / seconds) * 10) / 10,
		statuses,
		retried,
	};
}

/**
 * The executions of a workflow once they stop coming and have all ended: `expected` of them, all
 * ended, 10 s without a change; or whatever is there after 60 s without any change (no new
 * execution, none ending: some were lost or are stuck).
 */
async function executionsWhenQuiet(stack: QueueStack, workflowId: string, expected: number) {
	let last = '';
	let changed = Date.now();
	return await waitFor(
		`the executions of ${workflowId} to stop coming and end`,
		async () => {
			const list = await executionsOf(stack, workflowId);
			const ended = list.filter((e) => ENDED.has(e.status)).length;
			const signature = `${list.length}/${ended}`;
			if (signature !== last) {
				last = signature;
				changed = Date.now();
			}
			const quietFor = Date.now() - changed;
			if (ended === list.length && list.length >= expected && quietFor >= 10_000) return list;
			return quietFor >= 60_000 ? list : undefined;
		},
		{ timeoutMs: 900_000, intervalMs: 1_000 },
	);
}

const ENDED = new Set(['success', 'error', 'crashed', 'canceled']);

function countBy(values: string[]): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
	return counts;
}

const MESSAGE_ID = /qload-\d{4}-[0-9a-f-]{36}/g;

/** Digisac Trigger → No Op, and n8n's Webhook node → No Op (the comparison). */
export function loadWorkflows(): [WorkflowJson, WorkflowJson] {
	const workflow = chain(
		'queueDigisacLoad',
		'Queue: Digisac load',
		ourNode('Digisac message', 'digisacTrigger', { events: ['message.created'] }),
		noOp('Count it'),
	);
	const webhookNode: NodeJson = {
		id: randomUUID(),
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: randomUUID(),
		parameters: {
			httpMethod: 'POST',
			path: 'queue-load-webhook',
			responseMode: 'onReceived',
			options: {},
		},
	};
	const baseline = chain(
		'queueWebhookLoad',
		"Queue: n8n's Webhook node load",
		webhookNode,
		noOp('Count it'),
	);
	return [workflow, baseline];
}

/**
 * Load through the webhook processors: 1,000 distinct Digisac `message.created` deliveries, 50
 * at a time, through the balancer → exactly 1,000 successful executions, each message in exactly
 * one; then 200 of them re-sent one by one (after all were answered, so within the window) to the
 * webhook processor that took each original → no execution. The same 200 re-sent to the *other*
 * processor are a figure, not a check: that process never saw them, and n8n 2.x keeps no
 * webhook-phase static data to tell it (README, Running in queue mode). The same 1,000 then go to
 * n8n's own Webhook node on the same stack, for the ratio of deliveries per second.
 */
export async function checkLoad(
	stack: QueueStack,
	figures: Record<string, unknown>,
): Promise<void> {
	const { main, fakes, balancer } = stack;
	const problems = new Problems();
	const [workflow, baseline] = loadWorkflows();

	await main.activate(workflow.id);
	const path = productionUrl(stack, workflow, 'digisacTrigger');
	const hook = await waitFor(
		'the load workflow to register its webhook at the fake Digisac',
		async () =>
			fakes.digisac.state.webhooks.find((w) => pointsAt(w.url, path) && w.active !== false),
	);
	// What Digisac calls: the balancer's URL with the trigger's secret.
	const url = String(hook.url);
	const contactId = FIXTURES.digisac.contacts.joao;
	const serviceId = fakes.digisac.state.services[0].id;
	const bodies = Array.from({ length: LOAD.deliveries }, (_, n) =>
		digisacDelivery(String(hook.id), {
			id: `qload-${String(n).padStart(4, '0')}-${randomUUID()}`,
			contactId,
			serviceId,
			type: 'chat',
			text: `Mensagem ${n}`,
			isFromMe: false,
			isFromBot: false,
			timestamp: new Date().toISOString(),
		}),
	);
	// The first one alone, until the webhook is routed, so the timed load starts on a live route.
	await postUntilRouted(url, bodies[0]);
	balancer.resetCounts();
	log(`Sending ${LOAD.deliveries - 1} more Digisac deliveries, ${LOAD.concurrency} at a time`);
	const sent = await sendAll(url, bodies.slice(1), LOAD.concurrency);
	const perProcessor = [...balancer.served];
	// Which webhook processor accepted each delivery (the last 2xx answer to it).
	const takenBy = new Map<string, number>();
	for (const entry of balancer.log)
		if (entry.delivery && entry.status !== undefined && entry.status < 300)
			takenBy.set(entry.delivery, entry.target);
	const executions = await executionsWhenQuiet(stack, workflow.id, LOAD.deliveries);
	const texts = await storedRunTexts(stack, workflow.id);
	const runsPerMessage = new Map<string, number>();
	for (const text of texts.values()) {
		for (const id of new Set(text.match(MESSAGE_ID) ?? []))
			runsPerMessage.set(id, (runsPerMessage.get(id) ?? 0) + 1);
	}
	const lost = bodies.filter((b) => !runsPerMessage.has(String(b.data.id))).length;
	// Of those, the ones n8n had answered 2xx (the first body went alone, before the timed load).
	const acceptedButLost = bodies.filter(
		(b, n) =>
			n > 0 && /^2/.test(sent.finalStatus[n - 1] ?? '') && !runsPerMessage.has(String(b.data.id)),
	).length;
	const duplicated = [...runsPerMessage.values()].filter((count) => count > 1).length;
	const succeeded = executions.filter((e) => e.status === 'success').length;
	const workers = perWorker(
		stack,
		executions.map((e) => e.id),
		new Problems(),
	);

	// 200 of them again, one at a time (after all were answered, so within the window): first each
	// to the webhook processor that took its original, then each to the other one.
	const step = LOAD.deliveries / LOAD.duplicates;
	const again = bodies.filter((b, n) => n % step === 1 && takenBy.has(deliveryKey(b)));
	const resendTo = async (which: 'same' | 'other') => {
		const before = (await executionsOf(stack, workflow.id)).length;
		const answers: Record<string, number> = {};
		for (const body of again) {
			const taken = takenBy.get(deliveryKey(body)) ?? 0;
			const processor = stack.webhooks[which === 'same' ? taken : 1 - taken];
			const response = await fetch(atProcessor(url, processor), {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ ...body, timestamp: new Date().toISOString() }),
			});
			const text = await response.text();
			const kind = text.includes('duplicate')
				? 'ignored as duplicate'
				: `${response.status} ${text.slice(0, 60)}`;
			answers[kind] = (answers[kind] ?? 0) + 1;
		}
		const after = await executionsWhenQuiet(stack, workflow.id, before);
		return { sent: again.length, answers, executionsStarted: after.length - before };
	};
	const toSame = await resendTo('same');
	const toOther = await resendTo('other');
	await main.deactivate(workflow.id);

	// n8n's own Webhook node, same stack, same bodies.
	await main.activate(baseline.id);
	const baselineUrl = `${balancer.url}/webhook/queue-load-webhook`;
	await postUntilRouted(baselineUrl, bodies[0]);
	balancer.resetCounts();
	log(
		`Sending the same ${LOAD.deliveries - 1} to n8n's Webhook node, ${LOAD.concurrency} at a time`,
	);
	const baselineSent = await sendAll(baselineUrl, bodies.slice(1), LOAD.concurrency);
	const baselineExecutions = await executionsWhenQuiet(stack, baseline.id, LOAD.deliveries);
	await main.deactivate(baseline.id);

	const ratio = Math.round((sent.perSecond / baselineSent.perSecond) * 100) / 100;
	figures.load = {
		deliveries: LOAD.deliveries,
		concurrency: LOAD.concurrency,
		digisacTrigger: {
			deliveriesPerSecond: sent.perSecond,
			sendSeconds: sent.seconds,
			answers: sent.statuses,
			resentAfterRefusal: sent.retried,
			perWebhookProcessor: perProcessor,
			executions: executions.length,
			successful: succeeded,
			perWorker: workers,
			byStatus: countBy(executions.map((e) => e.status)),
			lost,
			acceptedButLost,
			duplicated,
		},
		// Asserted: 0 executions.
		resentToSameProcessor: toSame,
		// A figure (cannot hold across processes; README, Running in queue mode).
		resentToOtherProcessor: toOther,
		webhookNode: {
			deliveriesPerSecond: baselineSent.perSecond,
			sendSeconds: baselineSent.seconds,
			answers: baselineSent.statuses,
			resentAfterRefusal: baselineSent.retried,
			executions: baselineExecutions.length,
			byStatus: countBy(baselineExecutions.map((e) => e.status)),
		},
		ratioTriggerToWebhookNode: ratio,
	};
	log(`Load figures: ${JSON.stringify(figures.load)}`);
	problems.expect(
		executions.length === LOAD.deliveries &&
			succeeded === LOAD.deliveries &&
			lost === 0 &&
			duplicated === 0,
		`${LOAD.deliveries} distinct deliveries gave ${executions.length} executions (${succeeded} successful), ${lost} messages lost, ${duplicated} in more than one execution; answers ${JSON.stringify(sent.statuses)}`,
	);
	problems.expect(
		toSame.sent === LOAD.duplicates && toSame.executionsStarted === 0,
		`${toSame.sent} deliveries re-sent to the webhook processor that took each (of ${LOAD.duplicates} meant) started ${toSame.executionsStarted} executions (answers: ${JSON.stringify(toSame.answers)})`,
	);
	problems.throwIfAny();
}

export const TICKETS_PER_WORKFLOW = 100;

/** Two workflows: Manual Trigger → Code (100 items) → TomTicket create ticket. */
export function rateWorkflows(): WorkflowJson[] {
	const perWorkflow = TICKETS_PER_WORKFLOW;
	return ['A', 'B'].map((label) => ({
		id: `queueTomTicRate${label}`,
		name: `Queue: ${perWorkflow} TomTicket tickets (${label})`,
		nodes: [
			{
				id: randomUUID(),
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0] as [number, number],
				parameters: {},
			},
			{
				id: randomUUID(),
				name: 'Tickets to open',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [250, 0] as [number, number],
				parameters: {
					jsCode: `return Array.from({ length: ${perWorkflow} }, (_, n) => ({ json: { n } }));`,
				},
			},
			ourNode(
				'Create ticket',
				'tomTicket',
				{
					resource: 'ticket',
					operation: 'create',
					customerId: FIXTURES.tomTicket.customerInternalId,
					departmentId: FIXTURES.tomTicket.supportDepartmentId,
					subject: `=Carga ${label} {{ $json.n }}`,
					message: 'Aberto pelo teste de limite entre workers.',
				},
				[500, 0],
			),
		],
		connections: {
			Start: { main: [[{ node: 'Tickets to open', type: 'main' as const, index: 0 }]] },
			'Tickets to open': { main: [[{ node: 'Create ticket', type: 'main' as const, index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
		active: false,
	}));
}

/**
 * TomTicket's limit across workers: two workflows that each create 100 tickets, started together
 * so each worker runs one, against the fake's 3 requests per second per token (nginx's HTML 429
 * above it). All 200 must be created once, no item failed; the aggregate rate and 429s reported.
 */
export async function checkTomTicketRate(
	stack: QueueStack,
	figures: Record<string, unknown>,
): Promise<void> {
	const { main, fakes } = stack;
	const problems = new Problems();
	const perWorkflow = TICKETS_PER_WORKFLOW;
	const workflows = rateWorkflows();
	const requests = requestsSince(fakes);
	const marker = fakes.tomTicket.requests.length;
	const started = Date.now();
	const runs = await Promise.all(
		workflows.map((w) => main.runManually(w.id, 'Start', { timeoutMs: 600_000 })),
	);
	const seconds = (Date.now() - started) / 1000;
	const all = fakes.tomTicket.requests
		.slice(marker)
		.filter((r) => r.method === 'POST' && r.path === '/ticket/new');
	const refused = all.filter((r) => r.status === 429).length;
	const created = requests('tomTicket', 'POST', '/ticket/new').filter((r) => r.status === 200);
	const subjects = created.map((r) => String(r.form?.subject?.[0]));
	const distinct = new Set(subjects);
	const accepted = fakes.tomTicket.requests.slice(marker).filter((r) => r.status !== 429);
	const span =
		accepted.length > 1 ? (accepted[accepted.length - 1].time - accepted[0].time) / 1000 : seconds;
	const workersUsed = runs.map((r) => {
		const index = stack.workers.findIndex((w) =>
			w.output().includes(`Worker started execution ${r.executionId} `),
		);
		return index + 1;
	});
	const failedItems = runs.map((r) => {
		const items = r.run?.resultData.runData['Create ticket']?.[0]?.data?.main?.[0] ?? [];
		return perWorkflow - items.filter((item) => !('error' in item.json)).length;
	});
	figures.tomTicketRate = {
		tickets: perWorkflow * 2,
		workers: workersUsed,
		statuses: runs.map((r) => r.status),
		created: created.length,
		distinctSubjects: distinct.size,
		requests429: refused,
		acceptedRequests: accepted.length,
		aggregateRequestsPerSecond: Math.round((accepted.length / span) * 100) / 100,
		seconds,
		runErrors: runs.map((r) => r.run?.resultData.error?.message ?? null),
	};
	log(`TomTicket rate figures: ${JSON.stringify(figures.tomTicketRate)}`);
	problems.expect(
		new Set(workersUsed).size === 2 && !workersUsed.includes(0),
		`the two workflows did not run on the two workers: ${JSON.stringify(workersUsed)}`,
	);
	problems.expect(
		runs.every((r) => r.status === 'success') && failedItems.every((n) => n === 0),
		`both runs should succeed with no failed item: ${JSON.stringify(figures.tomTicketRate)}`,
	);
	problems.expect(
		created.length === perWorkflow * 2 && distinct.size === perWorkflow * 2,
		`${perWorkflow * 2} tickets should be created once each: ${created.length} created, ${distinct.size} distinct`,
	);
	problems.throwIfAny();
}
