/**
 * Timeouts: a platform that takes the request and never answers. Every node must give up within
 * the Timeout of its Request Options, say so in a way a user can act on, and never send again a
 * request that may have been processed. Wall-clock bounds are generous: they catch a node that
 * waits for the 30-second default or hangs, not a slow machine.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { RecordedRequest } from '../fakes/fakeServer';
import { formText, queryText } from '../fakes/fakeServer';
import { byId } from '../harness';

import type { ReliabilityFakes, ServiceKey } from './support';
import { items, judgeError, pairedIndex, TOKENS, useFakes, visibleText } from './support';

const fakes = useFakes();

const TIMEOUT_MS = 400;
/** Far below the 30 s default; well above TIMEOUT_MS plus engine start-up on a busy machine. */
const GIVE_UP_BOUND_MS = TIMEOUT_MS + 2500;
const SERVICE_NAMES: Record<ServiceKey, string> = {
	tomTicket: 'TomTicket',
	plugChat: 'PlugChat',
	digisac: 'Digisac',
};

interface TimeoutCase {
	service: ServiceKey;
	title: string;
	kind: 'read' | 'send';
	/** Seeds the fake; returns the input item for index k. */
	prepare(fakes: ReliabilityFakes): (index: number) => IDataObject;
	parameters: INodeParameters;
	/** Whether a request is the call of input item `index`. */
	isCall(request: RecordedRequest, index: number, input: IDataObject): boolean;
}

const cases: TimeoutCase[] = [
	{
		service: 'tomTicket',
		title: 'TomTicket ticket get',
		kind: 'read',
		prepare(f) {
			const tickets = f.tomTicket.addTickets(3);
			return (k) => ({ ticketId: tickets[k % 3].id });
		},
		parameters: {
			resource: 'ticket',
			operation: 'get',
			ticketId: byId('={{ $json.ticketId }}'),
			options: {},
		},
		isCall: (request, _k, input) =>
			request.path === '/ticket/detail' && queryText(request, 'ticket_id') === input.ticketId,
	},
	{
		service: 'tomTicket',
		title: 'TomTicket ticket create',
		kind: 'send',
		prepare: () => (k) => ({ subject: `Chamado ${k}` }),
		parameters: {
			resource: 'ticket',
			operation: 'create',
			customerId: byId('CPF-123'),
			departmentId: 'dep-suporte',
			subject: '={{ $json.subject }}',
			message: 'Olá',
			additionalFields: {},
		},
		isCall: (request, _k, input) =>
			request.path === '/ticket/new' && formText(request, 'subject') === input.subject,
	},
	{
		service: 'plugChat',
		title: 'PlugChat attendance getByTicket',
		kind: 'read',
		prepare(f) {
			const attendances = [0, 1, 2].map((n) =>
				f.plugChat.openAttendance(`5511970000${n}00`, ['op-lucas']),
			);
			return (k) => ({ ticket: String(attendances[k % 3].attendanceNumber) });
		},
		parameters: { resource: 'attendance', operation: 'getByTicket', ticket: '={{ $json.ticket }}' },
		isCall: (request, _k, input) =>
			request.path === '/api/integrations/get-attendence-by-task' &&
			request.headers.ticket === input.ticket,
	},
	{
		service: 'plugChat',
		title: 'PlugChat message sendText',
		kind: 'send',
		prepare: () => (k) => ({ phone: `551198000000${k}`, text: `Mensagem ${k}` }),
		parameters: {
			resource: 'message',
			operation: 'sendText',
			phone: byId('={{ $json.phone }}'),
			message: '={{ $json.text }}',
			options: {},
		},
		isCall: (request, _k, input) =>
			request.path === '/api/whatsapp/send-text' &&
			(request.json as IDataObject | undefined)?.message === input.text,
	},
	{
		service: 'digisac',
		title: 'Digisac contact get',
		kind: 'read',
		prepare(f) {
			const contacts = f.digisac.addContacts(3);
			return (k) => ({ contactId: contacts[k % 3].id });
		},
		parameters: {
			resource: 'contact',
			operation: 'get',
			contactId: byId('={{ $json.contactId }}'),
			options: {},
		},
		isCall: (request, _k, input) => request.path === `/api/v1/contacts/${String(input.contactId)}`,
	},
	{
		service: 'digisac',
		title: 'Digisac message send',
		kind: 'send',
		prepare(f) {
			const contacts = f.digisac.addContacts(3);
			return (k) => ({ contactId: contacts[k % 3].id, text: `Mensagem ${k}` });
		},
		parameters: {
			resource: 'message',
			operation: 'send',
			sendTo: 'contact',
			contactId: byId('={{ $json.contactId }}'),
			text: '={{ $json.text }}',
			options: {},
		},
		isCall: (request, _k, input) =>
			request.path === '/api/v1/messages' &&
			(request.json as IDataObject | undefined)?.text === input.text,
	},
];

async function timed<T>(run: () => Promise<T>): Promise<{ result: T; elapsed: number }> {
	const started = Date.now();
	const result = await run();
	return { result, elapsed: Date.now() - started };
}

describe.each(cases)('a platform that never answers: $title', (testCase) => {
	it(`fails within the configured ${TIMEOUT_MS} ms with a clear message, and does not send again`, async () => {
		const input = testCase.prepare(fakes);
		const fake = fakes[testCase.service];
		fake.failNext('hang', 1, (request) => testCase.isCall(request, 0, input(0)));
		const { result: run, elapsed } = await timed(() =>
			fakes.run(
				testCase.service,
				{ ...testCase.parameters, requestOptions: { timeout: TIMEOUT_MS } },
				{ items: items(1, input) },
			),
		);

		expect(elapsed).toBeLessThan(GIVE_UP_BOUND_MS);
		expect(run.error?.message).toBe(
			`${SERVICE_NAMES[testCase.service]} did not answer within ${TIMEOUT_MS} ms`,
		);
		expect(run.error?.description).toMatch(/Timeout/);
		if (testCase.kind === 'send')
			expect(run.error?.description).toMatch(/may still have been processed/);
		expect(judgeError(run.thrown, 0).problems).toEqual([]);
		// A timed-out request is never repeated: a send may have gone through, and a read would only
		// double the wait.
		expect(fake.requests.filter((request) => testCase.isCall(request, 0, input(0)))).toHaveLength(
			1,
		);
		for (const token of TOKENS(fakes)) expect(visibleText(run)).not.toContain(token);
	});

	it('with Continue On Fail, only the item that timed out fails; the others go on', async () => {
		const input = testCase.prepare(fakes);
		const fake = fakes[testCase.service];
		fake.failNext('hang', 1, (request) => testCase.isCall(request, 1, input(1)));
		const { result: run, elapsed } = await timed(() =>
			fakes.run(
				testCase.service,
				{ ...testCase.parameters, requestOptions: { timeout: TIMEOUT_MS } },
				{ items: items(3, input), continueOnFail: true },
			),
		);

		expect(elapsed).toBeLessThan(GIVE_UP_BOUND_MS);
		expect(run.error).toBeUndefined();
		expect(run.items.map(pairedIndex)).toEqual([0, 1, 2]);
		expect(run.items[0].json.error).toBeUndefined();
		expect(run.items[1].json.error).toBe(
			`${SERVICE_NAMES[testCase.service]} did not answer within ${TIMEOUT_MS} ms`,
		);
		expect(run.items[2].json.error).toBeUndefined();
	});
});

describe('timeouts with batching and paging', () => {
	it('a batch waits for its slowest item no longer than the timeout, and keeps the order', async () => {
		const contacts = fakes.digisac.addContacts(10);
		fakes.digisac.failNext(
			'hang',
			1,
			(request) =>
				request.path === '/api/v1/messages' &&
				(request.json as IDataObject | undefined)?.text === 'Mensagem 3',
		);
		const { result: run, elapsed } = await timed(() =>
			fakes.run(
				'digisac',
				{
					...cases[5].parameters,
					requestOptions: {
						timeout: TIMEOUT_MS,
						batching: { batch: { batchSize: 5, batchInterval: 0 } },
					},
				},
				{
					items: items(10, (k) => ({ contactId: contacts[k].id, text: `Mensagem ${k}` })),
					continueOnFail: true,
				},
			),
		);
		expect(elapsed).toBeLessThan(GIVE_UP_BOUND_MS);
		expect(run.items.map(pairedIndex)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
		expect(run.items.map((item) => (item.json.error ? 'timeout' : item.json.text))).toEqual([
			'Mensagem 0',
			'Mensagem 1',
			'Mensagem 2',
			'timeout',
			'Mensagem 4',
			'Mensagem 5',
			'Mensagem 6',
			'Mensagem 7',
			'Mensagem 8',
			'Mensagem 9',
		]);
	});

	it.each([
		[
			'tomTicket',
			{ resource: 'ticket', operation: 'getAll', returnAll: true, filters: {} },
			'/ticket/list',
			(f: ReliabilityFakes) => f.tomTicket.addTickets(120),
		],
		[
			'plugChat',
			{ resource: 'chat', operation: 'getAll', returnAll: true },
			'/api/whatsapp/chats',
			(f: ReliabilityFakes) => {
				f.plugChat.state.chats = Array.from({ length: 120 }, (_, n) => ({
					phone: `55119${String(n).padStart(8, '0')}`,
					name: `Chat ${n}`,
				}));
			},
		],
		[
			'digisac',
			{ resource: 'contact', operation: 'getAll', returnAll: true, filters: {}, options: {} },
			'/api/v1/contacts',
			(f: ReliabilityFakes) => f.digisac.addContacts(250),
		],
	] as Array<[ServiceKey, INodeParameters, string, (f: ReliabilityFakes) => unknown]>)(
		'%s Return All gives up within the timeout when page 2 never comes',
		async (service, parameters, path, seed) => {
			seed(fakes);
			fakes[service].failNext(
				'hang',
				1,
				(request) => request.path === path && queryText(request, 'page') === '2',
			);
			const { result: run, elapsed } = await timed(() =>
				fakes.run(service, { ...parameters, requestOptions: { timeout: TIMEOUT_MS } }),
			);
			expect(elapsed).toBeLessThan(GIVE_UP_BOUND_MS);
			expect(run.error?.message).toBe(
				`${SERVICE_NAMES[service]} did not answer within ${TIMEOUT_MS} ms`,
			);
			expect(judgeError(run.thrown, 0).problems).toEqual([]);
			expect(
				fakes[service].requests
					.filter((request) => request.path === path)
					.map((request) => queryText(request, 'page')),
			).toEqual(['1', '2']);
		},
	);

	it('Digisac createMany (one request per group of items) also honours the timeout', async () => {
		fakes.digisac.failNext('hang', 1, (request) => request.path === '/api/v1/contacts/many');
		const serviceId = fakes.digisac.state.services[0].id;
		const { result: run, elapsed } = await timed(() =>
			fakes.run(
				'digisac',
				{
					resource: 'contact',
					operation: 'createMany',
					number: '={{ $json.number }}',
					serviceId,
					additionalFields: {},
					contactsPerRequest: 10,
					requestOptions: { timeout: TIMEOUT_MS },
				},
				{ items: items(3, (k) => ({ number: `551197000000${k}` })) },
			),
		);
		expect(elapsed).toBeLessThan(GIVE_UP_BOUND_MS);
		expect(run.error?.message).toBe(`Digisac did not answer within ${TIMEOUT_MS} ms`);
		expect(run.error?.description).toMatch(/may still have been processed/);
		expect(
			fakes.digisac.requests.filter((request) => request.path === '/api/v1/contacts/many'),
		).toHaveLength(1);
	});
});
