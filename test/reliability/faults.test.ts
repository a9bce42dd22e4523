/**
 * Fault injection through the fakes: a fifth of the requests get a 429 with Retry-After, a 502 or
 * a dropped connection, and for sends also a failure after the platform processed the request
 * ('drop-after', '502-after': the client cannot know it went through). Reads must all complete;
 * sends must never be repeated after an ambiguous failure and must never vanish.
 */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import type { FaultKind, FaultPlan, RecordedRequest } from '../fakes/fakeServer';
import { formText } from '../fakes/fakeServer';
import { byId } from '../harness';

import type { ReliabilityFakes, ServiceKey } from './support';
import { items, pairedIndex, TOKENS, useFakes, visibleText } from './support';

const fakes = useFakes();

const COUNT = 1000;
const READ_FAULTS: FaultKind[] = ['429', '502', 'drop'];
const SEND_FAULTS: FaultKind[] = ['429', '502', 'drop', 'drop-after', '502-after'];
/** Faults after which the platform has the request (processed) but the client saw a failure. */
const AFTER_PROCESSING = new Set<FaultKind | undefined>(['drop-after', '502-after']);

function plan(
	kinds: FaultKind[],
	filter: (request: RecordedRequest) => boolean,
	seed: number,
): FaultPlan {
	return { rate: 0.2, kinds, retryAfterSeconds: 0, filter, seed };
}

interface ReadCase {
	service: ServiceKey;
	title: string;
	path: RegExp;
	/** Seeds the fake and returns the input item for read number `index`. */
	prepare(fakes: ReliabilityFakes): (index: number) => IDataObject;
	parameters: INodeParameters;
	/** Whether an output item is the record input `input` asked for. */
	matches(output: IDataObject, input: IDataObject): boolean;
}

const readCases: ReadCase[] = [
	{
		service: 'tomTicket',
		title: 'TomTicket ticket get',
		path: /^\/ticket\/detail$/,
		prepare(f) {
			const tickets = f.tomTicket.addTickets(50);
			return (index) => ({ ticketId: tickets[index % tickets.length].id });
		},
		parameters: {
			resource: 'ticket',
			operation: 'get',
			ticketId: byId('={{ $json.ticketId }}'),
			options: {},
		},
		matches: (output, input) => output.id === input.ticketId,
	},
	{
		service: 'plugChat',
		title: 'PlugChat attendance getByTicket',
		path: /^\/api\/integrations\/get-attendence-by-task$/,
		prepare(f) {
			const attendances = Array.from({ length: 20 }, (_, n) =>
				f.plugChat.openAttendance(`55119${String(70000000 + n)}`, ['op-lucas']),
			);
			return (index) => ({
				ticket: String(attendances[index % attendances.length].attendanceNumber),
			});
		},
		parameters: { resource: 'attendance', operation: 'getByTicket', ticket: '={{ $json.ticket }}' },
		matches: (output, input) => String(output.attendanceNumber) === input.ticket,
	},
	{
		service: 'digisac',
		title: 'Digisac contact get',
		path: /^\/api\/v1\/contacts\/[^/]+$/,
		prepare(f) {
			const contacts = f.digisac.addContacts(50);
			return (index) => ({ contactId: contacts[index % contacts.length].id });
		},
		parameters: {
			resource: 'contact',
			operation: 'get',
			contactId: byId('={{ $json.contactId }}'),
			options: {},
		},
		matches: (output, input) => output.id === input.contactId,
	},
];

interface SendCase {
	service: ServiceKey;
	title: string;
	path: string;
	prepare(fakes: ReliabilityFakes): (index: number) => IDataObject;
	parameters: INodeParameters;
	/** Which input item a request that reached the platform was for. */
	itemOf(request: RecordedRequest): number | undefined;
	/** Whether a successful output is the platform's answer to input item `index`. */
	answers(fakes: ReliabilityFakes, output: IDataObject, index: number): boolean;
}

const numbered = (text: string | undefined, prefix: string) => {
	const match = new RegExp(`^${prefix} (\\d+)$`).exec(text ?? '');
	return match ? Number(match[1]) : undefined;
};

const sendCases: SendCase[] = [
	{
		service: 'tomTicket',
		title: 'TomTicket ticket create',
		path: '/ticket/new',
		prepare: () => (index) => ({ subject: `Chamado ${index}` }),
		parameters: {
			resource: 'ticket',
			operation: 'create',
			customerId: byId('CPF-123'),
			departmentId: 'dep-suporte',
			subject: '={{ $json.subject }}',
			message: 'Não consigo acessar o sistema',
			additionalFields: {},
		},
		itemOf: (request) => numbered(formText(request, 'subject'), 'Chamado'),
		answers: (f, output, index) =>
			f.tomTicket.state.tickets.find((t) => t.id === output.ticket_id)?.subject ===
			`Chamado ${index}`,
	},
	{
		service: 'plugChat',
		title: 'PlugChat message sendText',
		path: '/api/whatsapp/send-text',
		prepare: () => (index) => ({
			phone: `55119${String(80000000 + index)}`,
			text: `Mensagem ${index}`,
		}),
		parameters: {
			resource: 'message',
			operation: 'sendText',
			phone: byId('={{ $json.phone }}'),
			message: '={{ $json.text }}',
			options: {},
		},
		itemOf: (request) =>
			numbered(
				(request.json as IDataObject | undefined)?.message as string | undefined,
				'Mensagem',
			),
		answers: (f, output, index) =>
			f.plugChat.state.sent.find((s) => s.zaapId === output.zaapId)?.body.message ===
			`Mensagem ${index}`,
	},
	{
		service: 'digisac',
		title: 'Digisac message send',
		path: '/api/v1/messages',
		prepare(f) {
			const contacts = f.digisac.addContacts(10);
			return (index) => ({
				contactId: contacts[index % contacts.length].id,
				text: `Mensagem ${index}`,
			});
		},
		parameters: {
			resource: 'message',
			operation: 'send',
			sendTo: 'contact',
			contactId: byId('={{ $json.contactId }}'),
			text: '={{ $json.text }}',
			options: {},
		},
		itemOf: (request) =>
			numbered((request.json as IDataObject | undefined)?.text as string | undefined, 'Mensagem'),
		answers: (_f, output, index) => output.text === `Mensagem ${index}`,
	},
];

describe.each(readCases)('1,000 reads with 20 % faults: $title', (testCase) => {
	it('all complete, in order, none lost, each processed once', async () => {
		const input = testCase.prepare(fakes);
		const fake = fakes[testCase.service];
		// Seeded, so the run replays exactly. With eight attempts a read is lost only after eight faults
		// in a row (0.2^8 = 2.6e-6 per read: 1,000 reads all complete in 99.7 % of random patterns).
		fake.injectFaults(plan(READ_FAULTS, (request) => testCase.path.test(request.path), 1));
		const run = await fakes.run(testCase.service, testCase.parameters, {
			items: items(COUNT, input),
		});

		expect(run.error?.message).toBeUndefined();
		expect(run.items).toHaveLength(COUNT);
		const wrong = run.items
			.map((item, k) => (pairedIndex(item) === k && testCase.matches(item.json, input(k)) ? -1 : k))
			.filter((k) => k >= 0);
		expect(wrong).toEqual([]);
		const reads = fake.requests.filter((request) => testCase.path.test(request.path));
		// The plan really bit: about a fifth of the attempts failed and were retried.
		expect(reads.filter((request) => request.fault).length).toBeGreaterThan(COUNT * 0.15);
		expect(reads.filter((request) => request.handled)).toHaveLength(COUNT);
		for (const token of TOKENS(fakes)) expect(visibleText(run)).not.toContain(token);
	}, 120_000);
});

async function runSends(testCase: SendCase, batchSize: number, seed: number) {
	const input = testCase.prepare(fakes);
	const fake = fakes[testCase.service];
	fake.injectFaults(plan(SEND_FAULTS, (request) => request.path === testCase.path, seed));
	const requestOptions =
		batchSize > 1 ? { batching: { batch: { batchSize, batchInterval: 0 } } } : {};
	const run = await fakes.run(
		testCase.service,
		{ ...testCase.parameters, requestOptions },
		{ items: items(COUNT, input), continueOnFail: true },
	);
	const attempts = fake.requests.filter((request) => request.path === testCase.path);
	return { run, attempts };
}

function checkSends(
	testCase: SendCase,
	run: Awaited<ReturnType<typeof runSends>>['run'],
	attempts: RecordedRequest[],
) {
	expect(run.error?.message).toBeUndefined();
	// One output item per input item, in input order: nothing vanished.
	expect(run.items).toHaveLength(COUNT);
	expect(run.items.map(pairedIndex)).toEqual(Array.from({ length: COUNT }, (_, k) => k));

	const processed = new Map<number, RecordedRequest[]>();
	const tried = new Map<number, RecordedRequest[]>();
	for (const request of attempts) {
		const index = testCase.itemOf(request);
		expect(index).toBeDefined();
		(tried.get(index!) ?? tried.set(index!, []).get(index!)!).push(request);
		if (request.handled)
			(processed.get(index!) ?? processed.set(index!, []).get(index!)!).push(request);
	}
	const sentTwice = [...processed]
		.filter(([, requests]) => requests.length > 1)
		.map(([index]) => index);
	expect(sentTwice).toEqual([]);

	const problems: string[] = [];
	let delivered = 0;
	let failed = 0;
	run.items.forEach((item: INodeExecutionData, k) => {
		const reached = processed.get(k) ?? [];
		const last = (tried.get(k) ?? []).at(-1);
		if (item.json.error === undefined) {
			delivered++;
			if (reached.length !== 1 || AFTER_PROCESSING.has(reached[0].fault))
				problems.push(`item ${k}: success without one clean delivery`);
			else if (!testCase.answers(fakes, item.json, k))
				problems.push(`item ${k}: output is not the answer to item ${k}`);
			return;
		}
		failed++;
		if (typeof item.json.error !== 'string' || !item.json.error.trim())
			problems.push(`item ${k}: error item without a message`);
		// A 429 is a refusal before processing: it is retried, so it can never be what ended a send.
		if (last?.fault === '429') problems.push(`item ${k}: gave up after a 429`);
		if (reached.length === 1 && !AFTER_PROCESSING.has(reached[0].fault))
			problems.push(`item ${k}: processed cleanly but reported as failed`);
		if (last?.fault === 'drop-after' && !/not sent again/.test(String(item.json.description))) {
			problems.push(
				`item ${k}: a dropped connection after processing does not say the send was not repeated`,
			);
		}
	});
	expect(problems).toEqual([]);
	expect(delivered + failed).toBe(COUNT);
	// The plan really bit, and most sends still went through (429s are retried).
	expect(failed).toBeGreaterThan(COUNT * 0.08);
	expect(delivered).toBeGreaterThan(COUNT * 0.7);
	expect(attempts.filter((request) => request.fault === '429').length).toBeGreaterThan(0);
	for (const token of TOKENS(fakes)) expect(visibleText(run)).not.toContain(token);
}

describe.each(sendCases)('1,000 sends with 20 % faults: $title', (testCase) => {
	it('one after another: none sent twice, every undelivered send is an error item', async () => {
		const { run, attempts } = await runSends(testCase, 1, 11);
		checkSends(testCase, run, attempts);
	}, 120_000);

	it('in batches of 10 in flight: the same holds', async () => {
		const { run, attempts } = await runSends(testCase, 10, 23);
		checkSends(testCase, run, attempts);
	}, 120_000);
});
