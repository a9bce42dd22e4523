import type { FakeServer, RecordedRequest } from '../../test/fakes/fakeServer';
import type { Fakes } from '../lib/fakes';
import { deliverPlugChatEvent } from '../lib/fakes';
import { FIXTURES } from '../lib/fixtures';
import type { N8n, WorkflowRun } from '../lib/n8n';
import { waitFor } from '../lib/net';
import { Problems } from '../lib/steps';
import type { WorkflowJson } from '../workflows';
import { PLUGCHAT_REPLY_TEXT, typeName } from '../workflows';

import { requestsSince, runErrors } from './actionNodes';

function webhookPath(workflow: WorkflowJson, shortType: string): string {
	const trigger = workflow.nodes.find((node) => node.type === typeName(shortType));
	if (!trigger?.webhookId)
		throw new Error(`workflow "${workflow.name}" has no ${shortType} node with a webhookId`);
	return `/webhook/${trigger.webhookId}/webhook`;
}

/**
 * Posts until n8n stops answering 404: right after activation the production webhook can take
 * a moment to be routed. A 404 means n8n did not take the delivery, so repeating it is safe.
 */
async function deliverUntilRouted<T extends { status: number }>(
	what: string,
	deliver: () => Promise<T>,
): Promise<T> {
	return await waitFor(`n8n to accept ${what} (not 404)`, async () => {
		const answer = await deliver();
		return answer.status === 404 ? undefined : answer;
	});
}

/** Waits until n8n answers 404 on a production webhook URL, as it does once its workflow is off. */
async function waitUntilUnrouted(url: string): Promise<void> {
	await waitFor(
		`n8n to stop answering ${url} (404) after deactivation`,
		async () => {
			const response = await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: '{}',
			});
			await response.text();
			return response.status === 404 ? true : undefined;
		},
		{ timeoutMs: 10_000 },
	);
}

class ActivationFailed extends Error {}

/**
 * Waits for `probe` while checking that n8n reports no activation error for the workflows; on
 * timeout, says what n8n reports and what the fake last received.
 */
async function whileActive<T>(
	n8n: N8n,
	fake: FakeServer,
	workflowIds: string[],
	what: string,
	probe: () => Promise<T | undefined>,
): Promise<T> {
	const explain = async () => {
		const statuses = await Promise.all(
			workflowIds.map((id) => n8n.request('GET', `/rest/workflows/${id}/publication-status`)),
		);
		const recent = fake.requests
			.slice(-5)
			.map((r) => `${r.method} ${r.path} → ${r.status ?? 'no answer'}`);
		return `n8n publication status: ${JSON.stringify(statuses)}\nlast requests at the fake ${fake.name}: ${recent.join('; ') || 'none'}`;
	};
	return await waitFor(
		what,
		async () => {
			for (const id of workflowIds) {
				const error = await n8n.activationError(id);
				if (error) throw new ActivationFailed(`n8n could not activate workflow ${id}: ${error}`);
			}
			return await probe();
		},
		{ timeoutMs: 30_000, stopOn: (error) => error instanceof ActivationFailed, explain },
	);
}

async function successfulExecutions(
	n8n: N8n,
	workflowId: string,
	atLeast: number,
): Promise<number> {
	const executions = await waitFor(
		`${atLeast} successful execution(s) of workflow ${workflowId} in n8n`,
		async () => {
			const list = await n8n.executions(workflowId);
			const done = list.filter((e) => e.status === 'success');
			if (list.some((e) => e.status === 'error' || e.status === 'crashed')) {
				throw new Error(`an execution of ${workflowId} failed: ${JSON.stringify(list)}`);
			}
			return done.length >= atLeast ? done : undefined;
		},
		{ timeoutMs: 30_000, intervalMs: 500, stopOn: (error) => String(error).includes('failed:') },
	);
	return executions.length;
}

/** Whether a registered webhook URL is `url` (the trigger adds its secret as a query). */
function pointsAt(registered: unknown, url: string): boolean {
	return String(registered ?? '').split('?')[0] === url;
}

/**
 * Step 3, Digisac: the example "reply to incoming WhatsApp messages" (Digisac Trigger → Digisac
 * Send). Activation registers the webhook at the fake; a delivered `message.created` runs the
 * workflow, whose reply reaches the fake; deactivation removes the webhook.
 */
export async function checkDigisacTrigger(
	n8n: N8n,
	fakes: Fakes,
	workflow: WorkflowJson,
): Promise<void> {
	const problems = new Problems();
	const requests = requestsSince(fakes);
	const url = `${n8n.url}${webhookPath(workflow, 'digisacTrigger')}`;
	const contactId = FIXTURES.digisac.contacts.joao;
	const question = 'Oi! Vocês abrem no sábado?';

	await n8n.activate(workflow.id);
	const hook = await whileActive(
		n8n,
		fakes.digisac,
		[workflow.id],
		'the Digisac Trigger to register its webhook at the fake Digisac',
		async () =>
			fakes.digisac.state.webhooks.find((w) => pointsAt(w.url, url) && w.active !== false),
	);
	// The trigger registers its URL with a random secret that a delivery must carry (security).
	problems.expect(
		(new URL(String(hook.url)).searchParams.get('secret') ?? '').length >= 32,
		`the webhook was registered without its secret: ${String(hook.url)}`,
	);
	problems.expect(
		Array.isArray(hook.events) && (hook.events as string[]).includes('message.created'),
		`the webhook was registered without message.created: ${JSON.stringify(hook.events)}`,
	);
	problems.expect(
		fakes.digisac.state.webhooks.filter((w) => pointsAt(w.url, url)).length === 1,
		'the webhook was registered more than once',
	);

	const incoming = fakes.digisac.addIncomingMessage({ contactId, text: question });
	const delivery = await deliverUntilRouted('the message.created delivery', () =>
		fakes.digisac.deliver(hook.id, 'message.created', incoming),
	);
	problems.expect(
		delivery.status === 200,
		`n8n answered the delivery with HTTP ${delivery.status}: ${delivery.body}`,
	);

	const reply = await waitFor(
		"the workflow's reply (POST /api/v1/messages) at the fake Digisac",
		async () =>
			requests('digisac', 'POST', '/api/v1/messages').find(
				(r) => (r.json as { contactId?: string })?.contactId === contactId,
			),
		{ timeoutMs: 30_000 },
	);
	const body = reply.json as Record<string, unknown>;
	problems.expect(
		String(body.text).includes(question),
		`the reply does not quote the message: ${JSON.stringify(body)}`,
	);
	problems.expect(
		body.origin === 'bot',
		`the reply was not sent as a bot (origin): ${JSON.stringify(body)}`,
	);
	await successfulExecutions(n8n, workflow.id, 1);
	// What a monitor outside n8n sees: the public API lists the webhook execution too.
	const listed = await n8n.publicExecutions(workflow.id);
	problems.expect(
		listed.some((e) => e.mode === 'webhook' && e.status === 'success'),
		`the public API (/api/v1/executions) lists no successful webhook execution: ${JSON.stringify(listed)}`,
	);

	await n8n.deactivate(workflow.id);
	await waitFor('deactivation to remove the webhook at the fake Digisac', async () =>
		fakes.digisac.state.webhooks.some((w) => w.id === hook.id && w.active !== false)
			? undefined
			: true,
	);
	await waitUntilUnrouted(url);
	problems.throwIfAny();
}

/**
 * Step 3, PlugChat: two active examples share the account's per-event webhooks: "auto-reply and
 * hand over to an operator" (Message Received → Send Text → Start Attendance) and "open a
 * TomTicket ticket when a PlugChat attendance finishes". Each registers only its own event; a
 * URL set by someone else for a third event stays untouched; deactivation clears exactly what
 * was registered.
 */
export async function checkPlugChatTrigger(
	n8n: N8n,
	fakes: Fakes,
	reply: WorkflowJson,
	example: WorkflowJson,
): Promise<void> {
	const problems = new Problems();
	const requests = requestsSince(fakes);
	const webhooks = fakes.plugChat.state.webhooks;
	const foreignUrl = 'https://crm.example.com/plugchat/status';
	webhooks.messageStatus = foreignUrl;
	const replyUrl = `${n8n.url}${webhookPath(reply, 'plugChatTrigger')}`;
	const exampleUrl = `${n8n.url}${webhookPath(example, 'plugChatTrigger')}`;

	await n8n.activate(reply.id);
	await n8n.activate(example.id);
	await whileActive(
		n8n,
		fakes.plugChat,
		[reply.id, example.id],
		'both PlugChat Triggers to register their events at the fake PlugChat',
		async () =>
			webhooks.receiveMessage?.startsWith(replyUrl) &&
			webhooks.finishAttendance?.startsWith(exampleUrl)
				? true
				: undefined,
	);
	problems.expect(
		webhooks.messageStatus === foreignUrl,
		`activation changed the messageStatus URL another system set: ${webhooks.messageStatus}`,
	);
	for (const event of [
		'startAttendance',
		'sendingMessage',
		'messageDeliveryError',
		'whenDisconnecting',
	]) {
		problems.expect(
			!webhooks[event],
			`activation set ${event}, which no trigger chose: ${webhooks[event]}`,
		);
	}

	// A customer writes: the auto-reply example answers on WhatsApp and opens an attendance.
	const message = {
		messageId: '3EB0A1B2C3D4E5F60718',
		instanceId: 'inst-demo',
		phone: '5521912345678',
		fromMe: false,
		momment: Date.now(),
		status: 'RECEIVED',
		chatName: 'João Santos',
		senderName: 'João Santos',
		type: 'ReceivedCallback',
		isGroup: false,
		text: { message: 'Bom dia, meu boleto venceu ontem' },
	};
	const received = await deliverUntilRouted('the receiveMessage delivery', () =>
		deliverPlugChatEvent(fakes.plugChat, 'receiveMessage', message),
	);
	problems.expect(
		received.status === 200,
		`n8n answered the receiveMessage delivery with HTTP ${received.status}: ${received.body}`,
	);
	const sent = await waitFor('the reply (send-text) at the fake PlugChat', async () =>
		requests('plugChat', 'POST', '/api/whatsapp/send-text').find(
			(r) => (r.json as { phone?: string })?.phone === message.phone,
		),
	);
	const replyText = String((sent.json as { message?: string }).message);
	problems.expect(
		replyText.includes(PLUGCHAT_REPLY_TEXT) && replyText.includes(message.senderName),
		`the reply text is not the expected one: ${JSON.stringify(sent.json)}`,
	);
	const handOver = await waitFor(
		'the hand-over (start-attendance) at the fake PlugChat',
		async () =>
			requests('plugChat', 'POST', '/api/integrations/start-attendance').find(
				(r) => (r.json as { phone?: string })?.phone === message.phone,
			),
	);
	problems.expect(
		JSON.stringify((handOver.json as { operators?: unknown }).operators) ===
			JSON.stringify([FIXTURES.plugChat.operatorId]),
		`the attendance was not started for the example's operator: ${JSON.stringify(handOver.json)}`,
	);

	// An attendance finishes: the example registers the customer and opens a TomTicket ticket.
	const attendance = fakes.plugChat.state.attendances.find(
		(a) => a.attendanceNumber === FIXTURES.plugChat.finishedAttendanceNumber,
	);
	if (!attendance) throw new Error('the demo data has no finished attendance 1470');
	const finished = await deliverUntilRouted('the finishAttendance delivery', () =>
		deliverPlugChatEvent(fakes.plugChat, 'finishAttendance', {
			attendance,
			chat: fakes.plugChat.state.chatMessages[attendance.id] ?? {},
		}),
	);
	problems.expect(
		finished.status === 200,
		`n8n answered the finishAttendance delivery with HTTP ${finished.status}: ${finished.body}`,
	);
	const ticket: RecordedRequest = await waitFor(
		"the example's ticket (POST /ticket/new) at the fake TomTicket",
		async () => requests('tomTicket', 'POST', '/ticket/new')[0],
	);
	const form = ticket.form ?? {};
	problems.expect(
		form.customer_id?.[0] === attendance.customer.phone,
		`the ticket's customer is not the attendance's phone: ${JSON.stringify(form.customer_id)}`,
	);
	problems.expect(
		form.subject?.[0] ===
			`Atendimento WhatsApp #${attendance.attendanceNumber} – ${attendance.customer.name}`,
		`the ticket subject is not "Atendimento WhatsApp #<number> – <name>": ${JSON.stringify(form.subject)}`,
	);
	problems.expect(
		// Line ends as the multipart form carried them (CRLF or LF).
		String(form.message?.[0])
			.replace(/\r\n/g, '\n')
			.includes('Cliente: Quero trocar o plano da minha internet.\nAtendente: Claro! Já alterei'),
		`the ticket message is not the transcript: ${JSON.stringify(form.message)}`,
	);
	problems.expect(
		requests('tomTicket', 'POST', '/customer/new').some(
			(r) => r.form?.customer_id?.[0] === attendance.customer.phone,
		),
		'the example did not register the customer (POST /customer/new) first',
	);
	await successfulExecutions(n8n, reply.id, 1);
	await successfulExecutions(n8n, example.id, 1);

	await n8n.deactivate(reply.id);
	await n8n.deactivate(example.id);
	await waitFor('deactivation to clear both events at the fake PlugChat', async () =>
		!webhooks.receiveMessage && !webhooks.finishAttendance ? true : undefined,
	);
	problems.expect(
		webhooks.messageStatus === foreignUrl,
		`deactivation changed the messageStatus URL another system set: ${webhooks.messageStatus}`,
	);
	await waitUntilUnrouted(replyUrl);
	await waitUntilUnrouted(exampleUrl);
	problems.throwIfAny();
}

/**
 * Step 3, TomTicket (a polling trigger, so there is no webhook): the example "tell the customer
 * on WhatsApp when their ticket is answered" run as the editor's "Execute workflow" runs it. The
 * trigger polls once in manual mode and gives the latest answered ticket; the workflow looks up
 * the customer's phone and the notice reaches the fake PlugChat.
 */
export async function checkTomTicketTriggerSample(
	n8n: N8n,
	fakes: Fakes,
	workflow: WorkflowJson,
): Promise<void> {
	const problems = new Problems();
	const requests = requestsSince(fakes);
	const trigger = workflow.nodes.find((node) => node.type === typeName('tomTicketTrigger'));
	if (!trigger) throw new Error(`workflow "${workflow.name}" has no TomTicket Trigger`);
	const answered = fakes.tomTicket.state.tickets.filter((t) => t.situation.id === 2).at(-1);
	if (!answered) throw new Error('the demo data has no answered TomTicket ticket (situation 2)');
	const customer = fakes.tomTicket.state.customers.find(
		(c) => c.internal_id === answered.customer.internal_id,
	);

	const { executionId, status, run } = await n8n.runManually(workflow.id, trigger.name);
	if (status !== 'success') {
		const errors = run ? runErrors({ data: run } as WorkflowRun) : [];
		throw new Error(
			`execution ${executionId} ended "${status}": ${errors.join('; ') || 'no error recorded'}`,
		);
	}
	problems.expect(
		requests('tomTicket', 'GET', '/ticket/list').length > 0,
		'the TomTicket Trigger did not list tickets at the fake TomTicket',
	);
	const notice = requests('plugChat', 'POST', '/api/whatsapp/send-text')[0];
	const body = (notice?.json ?? {}) as { phone?: string; message?: string };
	problems.expect(notice, 'no WhatsApp notice (send-text) reached the fake PlugChat');
	problems.expect(
		String(body.message).includes(String(answered.protocol)) &&
			String(body.message).includes(answered.customer.name),
		`the notice does not name ticket ${answered.protocol} and ${answered.customer.name}: ${JSON.stringify(body)}`,
	);
	problems.expect(
		customer && String(body.phone).endsWith(String(customer.phone)),
		`the notice went to ${body.phone}, not to the customer's phone ${String(customer?.phone)}`,
	);
	problems.throwIfAny();
}
