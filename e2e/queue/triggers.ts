import { randomUUID } from 'crypto';

import { requestsSince } from '../checks/actionNodes';
import { FIXTURES } from '../lib/fixtures';
import { log } from '../lib/log';
import type { N8n } from '../lib/n8n';
import { waitFor } from '../lib/net';
import { Problems } from '../lib/steps';
import type { NodeJson, WorkflowJson } from '../workflows';
import { ourNode, typeName } from '../workflows';

import { example, workerOf } from './checks';
import { runOf, settledExecutions } from './records';
import type { QueueStack } from './stack';

export function noOp(name: string, position: [number, number] = [300, 0]): NodeJson {
	return {
		id: randomUUID(),
		name,
		type: 'n8n-nodes-base.noOp',
		typeVersion: 1,
		position,
		parameters: {},
	};
}

/** A workflow of `first` → `second`, as `n8n import:workflow` takes it. */
export function chain(id: string, name: string, first: NodeJson, second: NodeJson): WorkflowJson {
	return {
		id,
		name,
		nodes: [first, second],
		connections: { [first.name]: { main: [[{ node: second.name, type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		active: false,
	};
}

export function productionUrl(
	stack: QueueStack,
	workflow: WorkflowJson,
	shortType: string,
): string {
	const trigger = workflow.nodes.find((node) => node.type === typeName(shortType));
	if (!trigger?.webhookId)
		throw new Error(`"${workflow.name}" has no ${shortType} with a webhookId`);
	return `${stack.balancer.url}/webhook/${trigger.webhookId}/webhook`;
}

/** Whether a registered webhook URL is `url` (the Digisac Trigger adds its secret as a query). */
export function pointsAt(registered: unknown, url: string): boolean {
	return String(registered ?? '').split('?')[0] === url;
}

/** The same path and query at one webhook processor instead of the balancer. */
export function atProcessor(url: string, processor: { url: string }): string {
	const { pathname, search } = new URL(url);
	return `${processor.url}${pathname}${search}`;
}

/** POSTs JSON; until n8n stops answering 404 (a new production webhook takes a moment). */
export async function postUntilRouted(
	url: string,
	body: unknown,
): Promise<{ status: number; body: string }> {
	return await waitFor(`n8n to accept a delivery at ${url} (not 404)`, async () => {
		const response = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
		});
		const text = await response.text();
		return response.status === 404 ? undefined : { status: response.status, body: text };
	});
}

export function digisacDelivery(webhookId: string, data: Record<string, unknown>) {
	return { event: 'message.created', data, webhookId, timestamp: new Date().toISOString() };
}

/** Each execution ran on a worker (its log says so); returns how many each worker ran. */
export function perWorker(stack: QueueStack, executionIds: string[], problems: Problems): number[] {
	const counts = stack.workers.map(() => 0);
	const nowhere: string[] = [];
	for (const id of executionIds) {
		const worker = workerOf(stack, id);
		if (worker) counts[worker - 1]++;
		else nowhere.push(id);
	}
	problems.expect(
		nowhere.length === 0,
		`no worker's log says it ran execution(s) ${nowhere.slice(0, 10).join(', ')}`,
	);
	return counts;
}

/**
 * Digisac Trigger with Download Media → a Code node that reads the file's bytes on the worker (so
 * the worker proves it can load what the webhook processor stored).
 */
export function mediaWorkflow(): WorkflowJson {
	return chain(
		'queueDigisacMedia',
		'Queue: Digisac media to the worker',
		ourNode('Incoming media', 'digisacTrigger', {
			events: ['message.created'],
			options: { downloadMedia: true },
		}),
		{
			id: '6d0f3c1e-2b8a-4f55-9a41-1f0c6b7e9d21',
			name: 'Read the file',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			position: [300, 0],
			parameters: {
				jsCode: [
					"const buffer = await this.helpers.getBinaryDataBuffer(0, 'data');",
					'const binary = $input.first().binary?.data ?? {};',
					"return [{ json: { size: buffer.length, text: buffer.toString('utf8'), fileName: binary.fileName, mimeType: binary.mimeType } }];",
				].join('\n'),
			},
		},
	);
}

/** TomTicket Trigger (new tickets, every minute) → No Op. */
export function tomTicketPollWorkflow(): WorkflowJson {
	const workflow = chain(
		'queueTomTicketPol',
		'Queue: TomTicket new tickets',
		ourNode('New tickets', 'tomTicketTrigger', {
			pollTimes: { item: [{ mode: 'everyMinute' }] },
			event: 'ticketCreated',
		}),
		noOp('Each new ticket'),
	);
	delete workflow.nodes[0].webhookId;
	return workflow;
}

async function waitUnrouted(url: string): Promise<void> {
	await waitFor(`${url} to answer 404 after deactivation`, async () => {
		const response = await fetch(url, { method: 'POST', body: '{}' });
		await response.text();
		return response.status === 404 ? true : undefined;
	});
}

async function activateAndWait(main: N8n, workflowId: string): Promise<void> {
	await main.activate(workflowId);
	const error = await main.activationError(workflowId);
	if (error) throw new Error(`n8n could not activate ${workflowId}: ${error}`);
}

/**
 * Digisac Trigger in queue mode: the main process registers the webhook (at the balancer's URL,
 * with the trigger's secret) once; two messages, one through each webhook processor, start one
 * execution each on a worker and their replies go out; the second message re-sent to the
 * processor that took it, within the de-duplication window, starts nothing; Download Media in a
 * webhook processor hands the worker the file (binary data mode `database`); deactivation removes
 * our webhook and no other.
 * Reported, not asserted (it cannot hold: README, Running in queue mode): whether the same
 * message re-sent to the *other* processor started an execution.
 */
export async function checkDigisacTrigger(
	stack: QueueStack,
	figures: Record<string, unknown>,
): Promise<void> {
	const { main, fakes, balancer, webhooks } = stack;
	const problems = new Problems();
	const requests = requestsSince(fakes);
	const workflow = example('digisac-whatsapp-auto-reply.json');
	const path = productionUrl(stack, workflow, 'digisacTrigger');
	const foreign = {
		id: randomUUID(),
		name: 'CRM',
		url: 'https://crm.example.com/digisac',
		events: ['message.created'],
		active: true,
	};
	fakes.digisac.state.webhooks.push(foreign);

	await activateAndWait(main, workflow.id);
	const hook = await waitFor('the Digisac Trigger to register its webhook at the fake', async () =>
		fakes.digisac.state.webhooks.find((w) => pointsAt(w.url, path) && w.active !== false),
	);
	const registered = fakes.digisac.state.webhooks.filter((w) => pointsAt(w.url, path));
	problems.expect(
		registered.length === 1,
		`activation registered ${registered.length} webhooks for ${path}`,
	);
	// What Digisac calls: the balancer's URL with the trigger's secret.
	const url = String(hook.url);
	problems.expect(
		(new URL(url).searchParams.get('secret') ?? '').length >= 32,
		`the webhook was registered without its secret: ${url}`,
	);

	const contactId = FIXTURES.digisac.contacts.joao;
	const messages = ['Vocês abrem no sábado?', 'E no domingo?'].map((text) =>
		fakes.digisac.addIncomingMessage({ contactId, text }),
	);
	const servedBefore = balancer.log.length;
	for (const message of messages) {
		const answer = await postUntilRouted(url, digisacDelivery(String(hook.id), message));
		problems.expect(
			answer.status === 200,
			`a delivery was answered ${answer.status}: ${answer.body}`,
		);
	}
	const accepted = balancer.log.slice(servedBefore).filter((entry) => entry.status === 200);
	const targets = new Set(accepted.map((entry) => entry.target));
	problems.expect(
		targets.size === 2,
		`the two deliveries did not go through both webhook processors: ${JSON.stringify(accepted)}`,
	);
	const executions = await settledExecutions(stack, workflow.id, 2);
	problems.expect(
		executions.length === 2 &&
			executions.every((e) => e.status === 'success' && e.mode === 'webhook'),
		`two deliveries should start 2 successful webhook executions, got ${JSON.stringify(executions)}`,
	);
	perWorker(
		stack,
		executions.map((e) => e.id),
		problems,
	);
	const replies = requests('digisac', 'POST', '/api/v1/messages');
	problems.expect(
		messages.every((m) =>
			replies.some((r) => String((r.json as { text?: string })?.text).includes(String(m.text))),
		),
		`the replies do not quote both messages: ${JSON.stringify(replies.map((r) => r.json))}`,
	);

	// The second message again, straight to the processor that took it: its process memory
	// (nodes/Digisac/trigger/dedup.ts) knows it, so nothing starts.
	const last = accepted.at(-1);
	const same = webhooks[last?.target ?? 0];
	const other = webhooks[last?.target === 0 ? 1 : 0];
	const resend = async (processor: { url: string }) => {
		const response = await fetch(atProcessor(url, processor), {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(digisacDelivery(String(hook.id), messages[1])),
		});
		return { status: response.status, body: await response.text() };
	};
	const atSame = await resend(same);
	problems.expect(
		atSame.status === 200 && atSame.body.includes('duplicate'),
		`the re-sent delivery at ${same.name}, which took the original, was answered ${atSame.status}: ${atSame.body}`,
	);
	const afterSame = await settledExecutions(stack, workflow.id, 2, { settleMs: 4_000 });
	problems.expect(
		afterSame.length === 2,
		`the re-sent delivery at the webhook processor that took the original started an execution (${afterSame.length} in all)`,
	);
	// Then at the other processor: a figure, not a check. Its memory never saw the message, and
	// static data written in the webhook phase is not saved by n8n 2.x (README).
	const atOther = await resend(other);
	const afterOther = await settledExecutions(stack, workflow.id, afterSame.length, {
		settleMs: 4_000,
	});
	figures.digisacTriggerResend = {
		toSameProcessor: {
			answer: atSame.status,
			ignoredAsDuplicate: atSame.body.includes('duplicate'),
			executionsStarted: afterSame.length - 2,
		},
		toOtherProcessor: {
			answer: atOther.status,
			ignoredAsDuplicate: atOther.body.includes('duplicate'),
			executionsStarted: afterOther.length - afterSame.length,
		},
	};
	log(`Digisac Trigger re-send figures: ${JSON.stringify(figures.digisacTriggerResend)}`);

	await main.deactivate(workflow.id);
	await waitFor('deactivation to remove the webhook at the fake Digisac', async () =>
		fakes.digisac.state.webhooks.some((w) => w.id === hook.id && w.active !== false)
			? undefined
			: true,
	);
	problems.expect(
		fakes.digisac.state.webhooks.some((w) => w.id === foreign.id && w.active !== false),
		'deactivation removed a webhook another system registered',
	);
	await waitUnrouted(path);

	// Download Media: the webhook processor fetches the file, the worker gets it as binary data.
	const media = mediaWorkflow();
	const mediaPath = productionUrl(stack, media, 'digisacTrigger');
	await activateAndWait(main, media.id);
	const mediaHook = await waitFor('the media workflow to register its webhook', async () =>
		fakes.digisac.state.webhooks.find((w) => pointsAt(w.url, mediaPath) && w.active !== false),
	);
	const mediaUrl = String(mediaHook.url);
	const content = Buffer.from(`%PDF-1.4\nboleto ${randomUUID()}\n%%EOF\n`);
	const file = fakes.digisac.addIncomingMessage(
		{ contactId, text: 'Segue o comprovante' },
		{ name: 'comprovante.pdf', mimetype: 'application/pdf', content },
	);
	const mediaAnswer = await postUntilRouted(mediaUrl, digisacDelivery(String(mediaHook.id), file));
	problems.expect(
		mediaAnswer.status === 200,
		`the media delivery was answered ${mediaAnswer.status}`,
	);
	const [mediaRun] = await settledExecutions(stack, media.id, 1);
	problems.expect(mediaRun?.status === 'success', `the media execution ended ${mediaRun?.status}`);
	perWorker(stack, mediaRun ? [mediaRun.id] : [], problems);
	if (mediaRun) {
		const run = await runOf(stack, mediaRun.id);
		const read = run.data.resultData.runData['Read the file']?.[0]?.data?.main?.[0]?.[0]?.json;
		problems.expect(
			read?.text === content.toString('utf8') &&
				read?.size === content.length &&
				read?.fileName === 'comprovante.pdf' &&
				read?.mimeType === 'application/pdf',
			`the worker did not read the message's file (${content.length} bytes): ${JSON.stringify(read ?? run.data.resultData.error)}`,
		);
	}
	await main.deactivate(media.id);
	problems.throwIfAny();
}

/**
 * PlugChat Trigger in queue mode: two examples share the account's per-event URLs; each points
 * only its own event at the balancer; messages through both webhook processors start one
 * execution each on a worker; deactivation clears exactly what was set.
 */
export async function checkPlugChatTrigger(stack: QueueStack): Promise<void> {
	const { main, fakes, balancer } = stack;
	const problems = new Problems();
	const requests = requestsSince(fakes);
	const reply = example('plugchat-auto-reply-and-hand-over.json');
	const finished = example('plugchat-finished-attendance-to-tomticket.json');
	const webhooks = fakes.plugChat.state.webhooks;
	const foreignUrl = 'https://crm.example.com/plugchat/status';
	webhooks.messageStatus = foreignUrl;
	const replyUrl = productionUrl(stack, reply, 'plugChatTrigger');
	const finishedUrl = productionUrl(stack, finished, 'plugChatTrigger');

	await activateAndWait(main, reply.id);
	await activateAndWait(main, finished.id);
	await waitFor('both PlugChat Triggers to point their events at the balancer', async () =>
		webhooks.receiveMessage?.startsWith(replyUrl) &&
		webhooks.finishAttendance?.startsWith(finishedUrl)
			? true
			: undefined,
	);
	problems.expect(
		webhooks.messageStatus === foreignUrl,
		`activation changed messageStatus: ${webhooks.messageStatus}`,
	);

	const servedBefore = balancer.log.length;
	const phones = ['5521912345678', '5521987654321'];
	for (const [i, phone] of phones.entries()) {
		const answer = await postUntilRouted(webhooks.receiveMessage, {
			messageId: `3EB0QUEUE${i}${Date.now()}`,
			instanceId: 'inst-demo',
			phone,
			fromMe: false,
			momment: Date.now(),
			status: 'RECEIVED',
			chatName: `Cliente ${i + 1}`,
			senderName: `Cliente ${i + 1}`,
			type: 'ReceivedCallback',
			isGroup: false,
			text: { message: 'Bom dia, meu boleto venceu ontem' },
		});
		problems.expect(
			answer.status === 200,
			`a receiveMessage delivery was answered ${answer.status}: ${answer.body}`,
		);
	}
	const accepted = balancer.log.slice(servedBefore).filter((entry) => entry.status === 200);
	problems.expect(
		new Set(accepted.map((entry) => entry.target)).size === 2,
		`the two messages did not go through both webhook processors: ${JSON.stringify(accepted)}`,
	);
	const replies = await settledExecutions(stack, reply.id, 2);
	problems.expect(
		replies.length === 2 && replies.every((e) => e.status === 'success'),
		`two messages should start 2 successful executions, got ${JSON.stringify(replies)}`,
	);
	perWorker(
		stack,
		replies.map((e) => e.id),
		problems,
	);
	const sent = requests('plugChat', 'POST', '/api/whatsapp/send-text');
	problems.expect(
		phones.every(
			(phone) => sent.filter((r) => (r.json as { phone?: string })?.phone === phone).length === 1,
		),
		`each customer should get one reply: ${JSON.stringify(sent.map((r) => r.json))}`,
	);

	const attendance = fakes.plugChat.state.attendances.find(
		(a) => a.attendanceNumber === FIXTURES.plugChat.finishedAttendanceNumber,
	);
	if (!attendance) throw new Error('the demo data has no finished attendance 1470');
	const finishAnswer = await postUntilRouted(webhooks.finishAttendance, {
		attendance,
		chat: fakes.plugChat.state.chatMessages[attendance.id] ?? {},
	});
	problems.expect(
		finishAnswer.status === 200,
		`finishAttendance was answered ${finishAnswer.status}`,
	);
	const tickets = await settledExecutions(stack, finished.id, 1);
	problems.expect(
		tickets.length === 1 && tickets[0].status === 'success',
		`finishAttendance should start 1 successful execution: ${JSON.stringify(tickets)}`,
	);
	perWorker(
		stack,
		tickets.map((e) => e.id),
		problems,
	);
	problems.expect(
		requests('tomTicket', 'POST', '/ticket/new').length === 1,
		`the finished attendance should open 1 TomTicket ticket, opened ${requests('tomTicket', 'POST', '/ticket/new').length}`,
	);

	await main.deactivate(reply.id);
	await main.deactivate(finished.id);
	await waitFor('deactivation to clear both events at the fake PlugChat', async () =>
		!webhooks.receiveMessage && !webhooks.finishAttendance ? true : undefined,
	);
	problems.expect(
		webhooks.messageStatus === foreignUrl,
		`deactivation changed messageStatus: ${webhooks.messageStatus}`,
	);
	await waitUnrouted(replyUrl);
	problems.throwIfAny();
}

/**
 * TomTicket Trigger in queue mode: only the main process activates triggers, so it polls (once at
 * activation to take the baseline, then every minute) and the workers run what it emits. New
 * tickets come out once each, however many processes there are.
 */
export async function checkTomTicketTrigger(
	stack: QueueStack,
	figures: Record<string, unknown>,
): Promise<void> {
	const { main, fakes } = stack;
	const problems = new Problems();
	const requests = requestsSince(fakes);
	const workflow = tomTicketPollWorkflow();
	await activateAndWait(main, workflow.id);
	await waitFor('the activation poll (GET /ticket/list)', async () =>
		requests('tomTicket', 'GET', '/ticket/list').length > 0 ? true : undefined,
	);
	const first = fakes.tomTicket.addTickets(3);
	const firstRuns = await settledExecutions(stack, workflow.id, 1, { timeoutMs: 150_000 });
	const second = fakes.tomTicket.addTickets(1);
	const allRuns = await settledExecutions(stack, workflow.id, firstRuns.length + 1, {
		timeoutMs: 150_000,
	});
	await main.deactivate(workflow.id);

	const emitted: string[] = [];
	for (const execution of allRuns) {
		problems.expect(
			execution.status === 'success',
			`poll execution ${execution.id} ended ${execution.status}`,
		);
		const run = await runOf(stack, execution.id);
		for (const item of run.data.resultData.runData['Each new ticket']?.[0]?.data?.main?.[0] ?? [])
			emitted.push(String(item.json.id));
	}
	perWorker(
		stack,
		allRuns.map((e) => e.id),
		problems,
	);
	const expected = [...first, ...second].map((t) => String(t.id));
	problems.expect(
		expected.every((id) => emitted.filter((e) => e === id).length === 1) &&
			emitted.length === expected.length,
		`each of the ${expected.length} new tickets should come out once; got ${JSON.stringify(emitted)} for ${JSON.stringify(expected)}`,
	);
	// One poller: after the activation poll, the scheduled polls (bursts of list requests) come a
	// minute apart; a second process polling too would put polls closer together.
	const times = requests('tomTicket', 'GET', '/ticket/list').map((r) => r.time);
	const polls = times.filter((t, i) => i === 0 || t - times[i - 1] > 5_000);
	const gaps = polls.slice(1).map((t, i) => t - polls[i]);
	problems.expect(
		gaps.slice(1).every((gap) => gap > 50_000 && gap < 70_000),
		`polls came closer together than one process polling every minute would: gaps ${JSON.stringify(gaps)} ms`,
	);
	figures.tomTicketTrigger = {
		polls: polls.length,
		executions: allRuns.length,
		ticketsEmitted: emitted.length,
	};
	problems.throwIfAny();
}
