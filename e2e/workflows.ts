import { createHash } from 'crypto';
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

import type { RecordedRequest } from '../test/fakes/fakeServer';

import type { Fakes } from './lib/fakes';
import { CREDENTIAL_IDS, CREDENTIAL_NAMES } from './lib/fakes';
import { FIXTURES } from './lib/fixtures';
import { ROOT } from './lib/hosts';
import type { RunItem } from './lib/n8n';
import { ourPackage } from './lib/pkg';
import type { Problems } from './lib/steps';

/** A workflow as `n8n import:workflow` and the editor's "Import from File" take it. */
export interface WorkflowJson {
	id: string;
	name: string;
	nodes: NodeJson[];
	connections: Record<
		string,
		{ main: Array<Array<{ node: string; type: 'main'; index: number }>> } | Record<string, unknown>
	>;
	settings: Record<string, unknown>;
	active?: boolean;
	pinData?: Record<string, unknown>;
	[key: string]: unknown;
}

export interface NodeJson {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	webhookId?: string;
	[key: string]: unknown;
}

/** What a check sees after a run: each node's output items and the requests each fake got. */
export interface RunView {
	output(nodeName: string): RunItem[];
	/** The content of an output item's binary property (n8n keeps it on disk). */
	file(item: RunItem | undefined, property?: string): Buffer | undefined;
	/** Requests the fake handled during this run, optionally of one method and path. */
	requests(
		fake: keyof Omit<Fakes, 'all'>,
		method?: string,
		path?: string | RegExp,
	): RecordedRequest[];
	fakes: Fakes;
}

/** A workflow run with `n8n execute`: one per action node, and the examples that can run so. */
export interface ActionWorkflow {
	/** The action node under test (type name without the package prefix), or the example's file. */
	nodeType: string;
	title: string;
	workflow: WorkflowJson;
	verify(view: RunView, problems: Problems): void;
}

export interface ExampleWorkflow {
	file: string;
	workflow: WorkflowJson;
}

/** A stable 16-character id from a name (n8n ids are short strings). */
function idFor(name: string): string {
	return createHash('sha256').update(name).digest('base64url').replace(/[-_]/g, 'x').slice(0, 16);
}

function uuidFor(name: string): string {
	const hex = createHash('sha256').update(name).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function typeName(shortName: string): string {
	return `${ourPackage().name}.${shortName}`;
}

/** A resource-locator value given by id (how a saved workflow stores it). */
export function byId(value: string): Record<string, unknown> {
	return { __rl: true, mode: 'id', value };
}

const CREDENTIAL_OF: Record<string, keyof typeof CREDENTIAL_IDS> = {
	plugChat: 'plugChatApi',
	plugChatTrigger: 'plugChatApi',
	tomTicket: 'tomTicketApi',
	tomTicketTrigger: 'tomTicketApi',
	digisac: 'digisacApi',
	digisacTrigger: 'digisacApi',
};

/** One of our nodes, with the credential that points at its fake. */
export function ourNode(
	name: string,
	shortType: string,
	parameters: Record<string, unknown>,
	position: [number, number] = [0, 0],
): NodeJson {
	const credential = CREDENTIAL_OF[shortType];
	return {
		id: uuidFor(`${name}/${shortType}`),
		name,
		type: typeName(shortType),
		typeVersion: 1,
		position,
		parameters,
		credentials: {
			[credential]: { id: CREDENTIAL_IDS[credential], name: CREDENTIAL_NAMES[credential] },
		},
		...(shortType.endsWith('Trigger') ? { webhookId: uuidFor(`webhook/${name}`) } : {}),
	};
}

function manualTrigger(): NodeJson {
	return {
		id: uuidFor('manual'),
		name: 'Run the e2e check',
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position: [0, 300],
		parameters: {},
	};
}

/** Manual trigger → every node of `branches` in parallel; each branch is a chain of nodes. */
function fanOut(name: string, branches: NodeJson[][]): WorkflowJson {
	const start = manualTrigger();
	const connections: WorkflowJson['connections'] = {};
	const link = (from: string, to: string) => {
		const entry = (connections[from] ??= { main: [[]] }) as {
			main: Array<Array<{ node: string; type: 'main'; index: number }>>;
		};
		entry.main[0].push({ node: to, type: 'main', index: 0 });
	};
	branches.forEach((chain, row) => {
		chain.forEach((node, column) => {
			node.position = [260 + column * 260, row * 180];
			link(column === 0 ? start.name : chain[column - 1].name, node.name);
		});
	});
	return {
		id: idFor(name),
		name,
		nodes: [start, ...branches.flat()],
		connections,
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

function one(view: RunView, problems: Problems, node: string): RunItem | undefined {
	const items = view.output(node);
	problems.expect(items.length === 1, `"${node}" should output 1 item, got ${items.length}`);
	return items[0];
}

function digisacWorkflow(): ActionWorkflow {
	const d = FIXTURES.digisac;
	const reply = 'Olá, Maria! Seu pedido 4521 saiu para entrega hoje.';
	return {
		nodeType: 'digisac',
		title:
			'Digisac node: get a contact, send a message, list closed tickets, export a ticket as PDF',
		workflow: fanOut('E2E: Digisac node', [
			[
				ourNode('Get contact', 'digisac', {
					resource: 'contact',
					operation: 'get',
					contactId: byId(d.contacts.maria),
				}),
			],
			[
				ourNode('Send message', 'digisac', {
					resource: 'message',
					operation: 'send',
					sendTo: 'contact',
					contactId: byId(d.contacts.maria),
					text: reply,
				}),
			],
			[
				ourNode('Closed tickets', 'digisac', {
					resource: 'ticket',
					operation: 'getAll',
					returnAll: true,
					filters: { status: 'closed' },
				}),
			],
			[
				ourNode('Ticket PDF', 'digisac', {
					resource: 'ticket',
					operation: 'exportPdf',
					ticketId: byId(d.closedTicketId),
				}),
			],
		]),
		verify(view, problems) {
			const contact = one(view, problems, 'Get contact');
			problems.expect(
				contact?.json.name === 'Maria Oliveira',
				`"Get contact" output name ${JSON.stringify(contact?.json.name)}, expected "Maria Oliveira"`,
			);
			problems.expect(
				view.requests('digisac', 'GET', `/api/v1/contacts/${d.contacts.maria}`).length === 1,
				'the fake Digisac got no GET /api/v1/contacts/<id> from "Get contact"',
			);

			const sent = one(view, problems, 'Send message');
			problems.expect(
				sent?.json.text === reply && sent?.json.isFromMe === true,
				`"Send message" output is not the sent message: ${JSON.stringify(sent?.json)}`,
			);
			const post = view.requests('digisac', 'POST', '/api/v1/messages')[0];
			const body = (post?.json ?? {}) as Record<string, unknown>;
			problems.expect(
				post && body.contactId === d.contacts.maria && body.text === reply,
				`the fake Digisac did not get POST /api/v1/messages with the contact and text: ${JSON.stringify(post?.json)}`,
			);

			const closed = view.output('Closed tickets');
			const expectedClosed = view.fakes.digisac.state.tickets.filter(
				(t) => t.isOpen === false,
			).length;
			problems.expect(
				closed.length === expectedClosed && closed.every((item) => item.json.isOpen === false),
				`"Closed tickets" should output the ${expectedClosed} closed tickets, got ${closed.length}: ${JSON.stringify(closed.map((i) => i.json.protocol))}`,
			);

			const pdf = one(view, problems, 'Ticket PDF');
			const binary = pdf?.binary?.data;
			problems.expect(
				binary?.mimeType === 'application/pdf',
				`"Ticket PDF" should output a PDF in binary "data", got ${JSON.stringify(pdf?.binary ?? pdf?.json)}`,
			);
			problems.expect(
				view.file(pdf)?.subarray(0, 5).toString() === '%PDF-',
				'"Ticket PDF" binary data is not the PDF the fake served',
			);
			problems.expect(
				view.requests('digisac', 'GET', new RegExp(`^/pdf/tickets/${d.closedTicketId}/`)).length ===
					1,
				'the fake Digisac got no GET /pdf/tickets/<id>/… from "Ticket PDF"',
			);
		},
	};
}

function plugChatWorkflow(): ActionWorkflow {
	const p = FIXTURES.plugChat;
	const text = 'Olá! Seu atendimento foi registrado com o protocolo 1470.';
	return {
		nodeType: 'plugChat',
		title:
			'PlugChat node: send a text, start an attendance, read an attendance by number, list departments',
		workflow: fanOut('E2E: PlugChat node', [
			[
				ourNode('Send text', 'plugChat', {
					resource: 'message',
					operation: 'sendText',
					phone: byId('+55 (11) 98765-4321'),
					message: text,
				}),
			],
			[
				ourNode('Start attendance', 'plugChat', {
					resource: 'attendance',
					operation: 'start',
					phone: byId('5541991234567'),
					operatorIds: [p.operatorId],
					options: { departmentId: p.generalDepartmentId },
				}),
			],
			[
				ourNode('Attendance 1470', 'plugChat', {
					resource: 'attendance',
					operation: 'getByTicket',
					ticket: p.finishedAttendanceNumber,
				}),
			],
			[ourNode('Departments', 'plugChat', { resource: 'department', operation: 'getAll' })],
		]),
		verify(view, problems) {
			const sent = one(view, problems, 'Send text');
			const post = view.requests('plugChat', 'POST', '/api/whatsapp/send-text')[0];
			problems.expect(
				post &&
					(post.json as Record<string, unknown>)?.phone === p.customerPhone &&
					(post.json as Record<string, unknown>)?.message === text,
				`the fake PlugChat did not get send-text with phone ${p.customerPhone} (cleaned up) and the text: ${JSON.stringify(post?.json)}`,
			);
			problems.expect(
				post?.headers.authorization === view.fakes.plugChat.token,
				'send-text did not carry the raw token in Authorization',
			);
			problems.expect(
				sent &&
					JSON.stringify(sent.json).includes(
						view.fakes.plugChat.state.sent.at(-1)?.zaapId ?? '<none>',
					),
				`"Send text" output lacks the zaapId: ${JSON.stringify(sent?.json)}`,
			);

			one(view, problems, 'Start attendance');
			const start = view.requests('plugChat', 'POST', '/api/integrations/start-attendance')[0];
			problems.expect(
				start &&
					JSON.stringify((start.json as Record<string, unknown>)?.operators) ===
						JSON.stringify([p.operatorId]),
				`the fake PlugChat did not get start-attendance with the operator: ${JSON.stringify(start?.json)}`,
			);
			problems.expect(
				view.fakes.plugChat.state.attendances.some(
					(a) => a.customer.phone === '5541991234567' && a.status === 'PROGRESS',
				),
				'no attendance was opened at the fake PlugChat for 5541991234567',
			);

			const attendance = one(view, problems, 'Attendance 1470');
			const read = view.requests('plugChat', 'GET', '/api/integrations/get-attendence-by-task')[0];
			problems.expect(
				read?.headers.ticket === String(p.finishedAttendanceNumber),
				`get-attendence-by-task did not carry the Ticket header 1470: ${JSON.stringify(read?.headers)}`,
			);
			const json = JSON.stringify(attendance?.json ?? {});
			problems.expect(
				json.includes('Quero trocar o plano') && json.includes('Maria Oliveira'),
				`"Attendance 1470" output lacks the attendance and its messages: ${json.slice(0, 400)}`,
			);

			const departments = view.output('Departments');
			problems.expect(
				departments.length === view.fakes.plugChat.state.departments.length,
				`"Departments" should output ${view.fakes.plugChat.state.departments.length} departments, got ${departments.length}`,
			);
		},
	};
}

function tomTicketWorkflow(): ActionWorkflow {
	const t = FIXTURES.tomTicket;
	const subject = 'Troca de plano solicitada pelo WhatsApp';
	return {
		nodeType: 'tomTicket',
		title: 'TomTicket node: create a ticket and read it back, list departments and tickets',
		workflow: fanOut('E2E: TomTicket node', [
			[
				ourNode('Create ticket', 'tomTicket', {
					resource: 'ticket',
					operation: 'create',
					customerId: t.customerInternalId,
					departmentId: t.supportDepartmentId,
					subject,
					message: 'Cliente pediu a troca para o plano de 500 mega.',
				}),
				// By protocol number, which the node resolves to the ticket's id through /ticket/list.
				ourNode('Get created ticket', 'tomTicket', {
					resource: 'ticket',
					operation: 'get',
					ticketId: { __rl: true, mode: 'protocol', value: '={{ $json.protocol }}' },
				}),
			],
			[
				ourNode('Departments', 'tomTicket', {
					resource: 'department',
					operation: 'getAll',
					returnAll: true,
				}),
			],
			[
				ourNode('All tickets', 'tomTicket', {
					resource: 'ticket',
					operation: 'getAll',
					returnAll: true,
				}),
			],
		]),
		verify(view, problems) {
			const created = one(view, problems, 'Create ticket');
			const post = view.requests('tomTicket', 'POST', '/ticket/new')[0];
			const form = post?.form ?? {};
			problems.expect(
				post &&
					form.subject?.[0] === subject &&
					form.customer_id?.[0] === t.customerInternalId &&
					form.department_id?.[0] === t.supportDepartmentId,
				`the fake TomTicket did not get a multipart POST /ticket/new with the fields: ${JSON.stringify(form)}`,
			);
			const newest = view.fakes.tomTicket.state.tickets.at(-1);
			problems.expect(newest?.subject === subject, 'no ticket was created at the fake TomTicket');
			problems.expect(
				JSON.stringify(created?.json ?? {}).includes(newest?.id ?? '<none>'),
				`"Create ticket" output lacks the new ticket id: ${JSON.stringify(created?.json)}`,
			);

			const fetched = one(view, problems, 'Get created ticket');
			problems.expect(
				JSON.stringify(fetched?.json ?? {}).includes(subject),
				`"Get created ticket" did not return the new ticket: ${JSON.stringify(fetched?.json).slice(0, 300)}`,
			);
			problems.expect(
				view
					.requests('tomTicket', 'GET', '/ticket/detail')
					.some((r) => r.query.ticket_id === newest?.id),
				'the fake TomTicket got no GET /ticket/detail for the new ticket',
			);

			const departments = view.output('Departments');
			problems.expect(
				departments.length === view.fakes.tomTicket.state.departments.length,
				`"Departments" should output ${view.fakes.tomTicket.state.departments.length} departments, got ${departments.length}`,
			);
			const tickets = view.output('All tickets');
			problems.expect(
				tickets.length === view.fakes.tomTicket.state.tickets.length,
				`"All tickets" should output all ${view.fakes.tomTicket.state.tickets.length} tickets, got ${tickets.length}`,
			);
		},
	};
}

/** One workflow per action node (step 2). */
export function e2eWorkflows(): ActionWorkflow[] {
	return [digisacWorkflow(), plugChatWorkflow(), tomTicketWorkflow()];
}

/**
 * The example "daily CSV of closed Digisac tickets", run from its "Run now" trigger: the Digisac
 * node pages through the tickets closed in the last 24 hours and the CSV holds one row each.
 */
export function dailyExportRun(example: ExampleWorkflow): ActionWorkflow {
	return {
		nodeType: example.file.replace(/\.json$/, ''),
		title: `Example ${example.file}: a manual run pages through the closed tickets and produces the CSV`,
		workflow: example.workflow,
		verify(view, problems) {
			const tickets = view.output('Tickets closed in the last 24 h');
			const since = Date.now() - 24 * 3600_000;
			const expected = view.fakes.digisac.state.tickets.filter(
				(t) => t.isOpen === false && Date.parse(String(t.endedAt)) >= since,
			);
			problems.expect(
				tickets.length > 0 && tickets.every((t) => t.json.isOpen === false),
				`the Digisac node should output closed tickets only, got ${JSON.stringify(tickets.map((t) => t.json.protocol))}`,
			);
			problems.expect(
				tickets.length <= expected.length + 1,
				`the Digisac node output ${tickets.length} tickets, but only ${expected.length} closed in the last 24 h (the period filter was not applied?)`,
			);
			const list = view.requests('digisac', 'GET', '/api/v1/tickets');
			problems.expect(
				list.length > 0 &&
					/startPeriod|Period|\$gte/.test(JSON.stringify(list.map((r) => r.query))),
				`the ticket list was not asked for a period: ${JSON.stringify(list.map((r) => r.query))}`,
			);
			const csv = one(view, problems, 'CSV file');
			const binary = csv?.binary?.data;
			problems.expect(
				/^digisac-closed-tickets-\d{4}-\d{2}-\d{2}\.csv$/.test(binary?.fileName ?? ''),
				`"CSV file" should be named digisac-closed-tickets-<date>.csv, got ${JSON.stringify(binary)}`,
			);
			const lines = view.file(csv)?.toString('utf8').trim().split('\n') ?? [];
			problems.expect(
				lines[0]?.startsWith('protocol,contact,department'),
				`the CSV header is ${JSON.stringify(lines[0])}`,
			);
			problems.expect(
				lines.length === tickets.length + 1,
				`the CSV has ${lines.length - 1} rows for ${tickets.length} tickets`,
			);
			const names = tickets.map((t) =>
				String((t.json.contact as { name?: string } | undefined)?.name ?? ''),
			);
			problems.expect(
				names.every((name) => name && lines.some((line) => line.includes(name))),
				`the CSV lacks the contacts' names (includeRelated): ${lines.join(' | ')}`,
			);
		},
	};
}

/** What the example plugchat-auto-reply-and-hand-over answers (after the sender's name). */
export const PLUGCHAT_REPLY_TEXT = 'Recebemos sua mensagem e um atendente já vai responder.';

/** The importable examples in examples/ (documented in the README). */
export function exampleWorkflows(): ExampleWorkflow[] {
	const dir = join(ROOT, 'examples');
	return readdirSync(dir)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => ({
			file,
			workflow: JSON.parse(readFileSync(join(dir, file), 'utf8')) as WorkflowJson,
		}));
}
