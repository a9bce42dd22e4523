import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { PlugChatTrigger } from '../../nodes/PlugChat/PlugChatTrigger.node';
import { deliverWebhook, runWebhookMethod, webhookUrlFor } from '../harness';
import type { NodeSetup } from '../harness';

import { usePlugChat } from './harness';

const { fake, credentials } = usePlugChat();

function triggerSetup(parameters: INodeParameters, staticData: IDataObject = {}): NodeSetup {
	return {
		nodeType: new PlugChatTrigger(),
		parameters: { options: {}, ...parameters },
		credentials: credentials(),
		staticData,
		webhookId: '5f0c2d7e-1111-4b7a-9c11-plugchat0001',
	};
}

function putBodies() {
	return fake.requests.filter((r) => r.method === 'PUT').map((r) => r.json);
}

/** The secret a registration made, as PlugChat holds it in the registered URL. */
function secretAt(event: keyof typeof fake.state.webhooks): string {
	return new URL(fake.state.webhooks[event]).searchParams.get('secret') ?? '';
}

function registration(url: string, events: string[], secret: string) {
	return { [url]: { events, secret, account: expect.any(String) } };
}

describe('trigger lifecycle', () => {
	beforeEach(() => {
		// n8n under test serves plain http; PlugChat's HTTPS rule has its own test below.
		fake.requireHttps = false;
	});

	it("registers its URL for exactly the chosen events, with ?event=, leaving the user's other URLs alone", async () => {
		fake.state.webhooks.sendingMessage = 'https://erp.example.com/plugchat/sent';
		fake.state.webhooks.finishAttendance = 'https://crm.example.com/finish';
		const setup = triggerSetup({ events: ['receiveMessage', 'messageStatus'] });
		const url = webhookUrlFor(setup);

		expect((await runWebhookMethod(setup, 'checkExists')).result).toBe(false);
		const created = await runWebhookMethod(setup, 'create');
		expect(created.result).toBe(true);
		expect(created.webhookUrl).toBe(url);

		// The flat body of the vendor's own docs: only the chosen events' keys.
		const secret = secretAt('receiveMessage');
		expect(putBodies()).toEqual([
			{
				messageStatus: `${url}?event=messageStatus&secret=${secret}`,
				receiveMessage: `${url}?event=receiveMessage&secret=${secret}`,
			},
		]);
		expect(fake.last('PUT', '/api/integrations/update-webhooks').headers['content-type']).toMatch(
			/application\/json/,
		);
		expect(fake.state.webhooks).toEqual({
			finishAttendance: 'https://crm.example.com/finish',
			startAttendance: '',
			receiveMessage: `${url}?event=receiveMessage&secret=${secret}`,
			sendingMessage: 'https://erp.example.com/plugchat/sent',
			messageDeliveryError: '',
			messageStatus: `${url}?event=messageStatus&secret=${secret}`,
			whenDisconnecting: '',
		});
		expect(setup.staticData).toEqual({
			'node:PlugChat Trigger': {
				registrations: registration(url, ['messageStatus', 'receiveMessage'], secret),
				owners: { messageStatus: url, receiveMessage: url },
			},
		});
	});

	it('re-activates without a second registration or a duplicated event parameter', async () => {
		const setup = triggerSetup({ events: ['receiveMessage'] });
		const url = webhookUrlFor(setup);
		await runWebhookMethod(setup, 'create');
		fake.reset();

		// n8n restarts: checkExists finds the registration, so create is not called.
		expect((await runWebhookMethod(setup, 'checkExists')).result).toBe(true);
		expect(fake.requests).toHaveLength(0);

		// Even a forced create sends one URL again, with one event and one (new) secret.
		await runWebhookMethod(setup, 'create');
		const secret = secretAt('receiveMessage');
		expect(putBodies()).toEqual([
			{ receiveMessage: `${url}?event=receiveMessage&secret=${secret}` },
		]);
		const params = new URL(fake.state.webhooks.receiveMessage).searchParams;
		expect(params.getAll('event')).toEqual(['receiveMessage']);
		expect(params.getAll('secret')).toEqual([secret]);
		expect((setup.staticData!['node:PlugChat Trigger'] as IDataObject).registrations).toEqual(
			registration(url, ['receiveMessage'], secret),
		);
	});

	it('after the events change, registers the new ones and clears only the ones it dropped', async () => {
		fake.state.webhooks.sendingMessage = 'https://erp.example.com/plugchat/sent';
		const staticData: IDataObject = {};
		const before = triggerSetup({ events: ['receiveMessage', 'messageStatus'] }, staticData);
		const url = webhookUrlFor(before);
		await runWebhookMethod(before, 'create');
		fake.reset();

		const after = triggerSetup({ events: ['receiveMessage', 'startAttendance'] }, staticData);
		expect((await runWebhookMethod(after, 'checkExists')).result).toBe(false);
		await runWebhookMethod(after, 'create');
		const secret = secretAt('receiveMessage');
		expect(putBodies()).toEqual([
			{
				messageStatus: '',
				receiveMessage: `${url}?event=receiveMessage&secret=${secret}`,
				startAttendance: `${url}?event=startAttendance&secret=${secret}`,
			},
		]);
		expect(fake.state.webhooks.messageStatus).toBe('');
		expect(fake.state.webhooks.sendingMessage).toBe('https://erp.example.com/plugchat/sent');
	});

	it('on deactivation clears only what it registered, then forgets it', async () => {
		fake.state.webhooks.whenDisconnecting = 'https://ops.example.com/alert';
		const setup = triggerSetup({ events: ['receiveMessage', 'finishAttendance'] });
		await runWebhookMethod(setup, 'create');
		fake.reset();

		expect((await runWebhookMethod(setup, 'delete')).result).toBe(true);
		expect(putBodies()).toEqual([{ finishAttendance: '', receiveMessage: '' }]);
		expect(fake.state.webhooks.whenDisconnecting).toBe('https://ops.example.com/alert');
		expect(fake.state.webhooks.receiveMessage).toBe('');
		expect(setup.staticData).toEqual({ 'node:PlugChat Trigger': {} });

		// Nothing registered any more: a second delete touches nothing.
		fake.reset();
		await runWebhookMethod(setup, 'delete');
		expect(fake.requests).toHaveLength(0);
	});

	it('never clears an event it did not register, even when that event is chosen', async () => {
		fake.state.webhooks.receiveMessage = 'https://someone-else.example.com/hook';
		const setup = triggerSetup({ events: ['receiveMessage'] });
		await runWebhookMethod(setup, 'delete');
		expect(fake.requests).toHaveLength(0);
		expect(fake.state.webhooks.receiveMessage).toBe('https://someone-else.example.com/hook');
	});

	it('a test run in the editor hands the events back to the active production trigger when it ends', async () => {
		const staticData: IDataObject = {};
		const production = triggerSetup({ events: ['receiveMessage', 'messageStatus'] }, staticData);
		const productionUrl = webhookUrlFor(production);
		await runWebhookMethod(production, 'create');
		const productionSecret = secretAt('receiveMessage');

		const test = triggerSetup({ events: ['receiveMessage'] }, staticData);
		const testUrl = webhookUrlFor(test, 'manual');
		expect(testUrl).not.toBe(productionUrl);
		expect((await runWebhookMethod(test, 'checkExists', { mode: 'manual' })).result).toBe(false);
		await runWebhookMethod(test, 'create', { mode: 'manual' });
		const testSecret = secretAt('receiveMessage');
		expect(testSecret).not.toBe(productionSecret);
		expect(fake.state.webhooks.receiveMessage).toBe(
			`${testUrl}?event=receiveMessage&secret=${testSecret}`,
		);
		expect(fake.state.webhooks.messageStatus).toBe(
			`${productionUrl}?event=messageStatus&secret=${productionSecret}`,
		);

		await runWebhookMethod(test, 'delete', { mode: 'manual' });
		expect(fake.state.webhooks.receiveMessage).toBe(
			`${productionUrl}?event=receiveMessage&secret=${productionSecret}`,
		);
		expect((staticData['node:PlugChat Trigger'] as IDataObject).registrations).toEqual(
			registration(productionUrl, ['messageStatus', 'receiveMessage'], productionSecret),
		);
		expect((await runWebhookMethod(production, 'checkExists')).result).toBe(true);
	});

	it('a production activation clears what an unfinished test run left behind', async () => {
		const staticData: IDataObject = {};
		const test = triggerSetup({ events: ['startAttendance'] }, staticData);
		const testUrl = webhookUrlFor(test, 'manual');
		await runWebhookMethod(test, 'create', { mode: 'manual' });
		expect(fake.state.webhooks.startAttendance).toBe(
			`${testUrl}?event=startAttendance&secret=${secretAt('startAttendance')}`,
		);

		const production = triggerSetup({ events: ['receiveMessage'] }, staticData);
		const productionUrl = webhookUrlFor(production);
		await runWebhookMethod(production, 'create');
		expect(fake.state.webhooks.startAttendance).toBe('');
		expect((staticData['node:PlugChat Trigger'] as IDataObject).registrations).toEqual(
			registration(productionUrl, ['receiveMessage'], secretAt('receiveMessage')),
		);
	});

	it('keeps its registration when PlugChat refuses to clear it, so a later deactivation can retry', async () => {
		const setup = triggerSetup({ events: ['receiveMessage'] });
		await runWebhookMethod(setup, 'create');
		fake.failNext({ status: 500, body: { message: 'internal error' } });
		await expect(runWebhookMethod(setup, 'delete')).rejects.toThrow('internal error');
		expect(
			Object.keys(
				(setup.staticData!['node:PlugChat Trigger'] as IDataObject).registrations as IDataObject,
			),
		).toHaveLength(1);
	});
});

describe("trigger and PlugChat's HTTPS rule", () => {
	it('surfaces the refusal of a plain-http URL as a readable error and records nothing', async () => {
		const setup = triggerSetup({ events: ['receiveMessage'] });
		const error = await runWebhookMethod(setup, 'create').catch(
			(e: unknown) => e as { message: string; description: string; httpCode: string },
		);
		expect(error).toMatchObject({ message: 'Unauthorized', httpCode: '401' });
		expect((error as { description: string }).description).toMatch(
			/PlugChat accepts only HTTPS webhook URLs, and this one is plain http \(127\.0\.0\.1:5678\)/,
		);
		expect(fake.state.webhooks.receiveMessage).toBe('');
		expect(setup.staticData).toEqual({ 'node:PlugChat Trigger': {} });
	});
});

describe('trigger payloads', () => {
	beforeEach(() => {
		fake.requireHttps = false;
	});

	async function activate(events: string[], filters: Record<string, boolean> = {}) {
		const setup = triggerSetup({ events, ...filters });
		await runWebhookMethod(setup, 'create');
		return setup;
	}

	/** The registered URLs' secret without an `event`: a delivery that names no event. */
	function withoutEvent(): Record<string, string> {
		const registered = Object.values(fake.state.webhooks).find(Boolean) ?? '';
		return { secret: new URL(registered).searchParams.get('secret') ?? '' };
	}

	async function deliver(
		setup: NodeSetup,
		event: Parameters<typeof fake.deliveryFor>[0],
		payload: unknown,
	) {
		const { query, body } = fake.deliveryFor(event, payload);
		const { response } = await deliverWebhook(setup, { body, query });
		return response.workflowData?.[0] ?? [];
	}

	const chatMap = {
		'MSG-B': {
			fromMe: true,
			isAutomaticMessage: true,
			messageId: 'MSG-B',
			momment: 1651065479380,
			phone: '554499999999',
			status: 'READ',
			text: { message: 'só um momento' },
		},
		'MSG-A': {
			fromMe: false,
			messageId: 'MSG-A',
			momment: 1651065478000,
			phone: '554499999999',
			status: 'RECEIVED',
			text: { message: 'mensagem enviada' },
			type: 'ReceivedCallback',
		},
	};

	it('finishAttendance: trims "operatorReport ", keeps both category forms, orders the messages', async () => {
		const setup = await activate(['finishAttendance']);
		const items = await deliver(setup, 'finishAttendance', {
			attendance: {
				attendanceCategory: { color: '#DDDD', id: 'cat-1', name: 'Financeiro' },
				attendanceNumber: 1492,
				customer: { name: 'nome', phone: '554499999999' },
				departament: 'Vendas',
				endTime: 1651065481865,
				finishBy: 'Lucas Pereira',
				'operatorReport ': 'Cliente pediu segunda via',
				ratingObservation: 'Ótimo',
				requestTime: 1651065472000,
				startTime: 1651065471166,
				status: 'FINISH',
			},
			chat: chatMap,
		});
		expect(items).toHaveLength(1);
		const json = items[0].json;
		expect(json.event).toBe('finishAttendance');
		const attendance = json.attendance as IDataObject;
		expect(attendance.operatorReport).toBe('Cliente pediu segunda via');
		expect(Object.keys(attendance)).not.toContain('operatorReport ');
		expect(attendance.attendanceCategories).toEqual([
			{ categoryId: 'cat-1', categoryName: 'Financeiro', color: '#DDDD' },
		]);
		expect((json.messages as IDataObject[]).map((m) => m.messageId)).toEqual(['MSG-A', 'MSG-B']);
		expect(json.chat).toBeUndefined();
	});

	it('startAttendance: upper-cases the status and keeps the original', async () => {
		const setup = await activate(['startAttendance']);
		const items = await deliver(setup, 'startAttendance', {
			attendance: {
				attendanceNumber: 1493,
				customer: { name: 'Ana', phone: '554499999999' },
				departament: 'Geral',
				operator: 'Marina',
				momment: 1651065472000,
				startTime: 1651065471166,
				status: 'progress',
			},
			chat: {},
		});
		expect(items[0].json).toMatchObject({
			event: 'startAttendance',
			attendance: { status: 'PROGRESS', statusOriginal: 'progress', attendanceNumber: 1493 },
			messages: [],
		});
	});

	it('receiveMessage: passes a received text, skips messages sent by me by default', async () => {
		const setup = await activate(['receiveMessage']);
		const message = {
			isGroup: false,
			instanceId: 'A20DA9C0',
			messageId: 'A20DA9C0183A',
			phone: '5544999999999',
			fromMe: false,
			momment: 1632228638000,
			status: 'RECEIVED',
			chatName: 'name',
			senderName: 'name',
			type: 'ReceivedCallback',
			text: { message: 'teste' },
		};
		const items = await deliver(setup, 'receiveMessage', message);
		// n8n's default timezone (America/New_York) when the workflow sets none.
		expect(items).toEqual([
			{
				json: { event: 'receiveMessage', ...message, mommentIso: '2021-09-21T08:50:38.000-04:00' },
			},
		]);
		expect(await deliver(setup, 'receiveMessage', { ...message, fromMe: true })).toEqual([]);
	});

	it('receiveMessage: can keep messages sent by me and skip groups instead', async () => {
		const setup = await activate(['receiveMessage'], { ignoreFromMe: false, ignoreGroups: true });
		const mine = await deliver(setup, 'receiveMessage', {
			phone: '5544999999999',
			fromMe: true,
			type: 'ReceivedCallback',
			text: { message: 'eu' },
		});
		expect(mine).toHaveLength(1);
		expect(
			await deliver(setup, 'receiveMessage', {
				phone: '120363019502650977-group',
				isGroup: true,
				type: 'ReceivedCallback',
			}),
		).toEqual([]);
		expect(
			await deliver(setup, 'receiveMessage', {
				phone: '120363019502650977-group',
				type: 'ReceivedCallback',
			}),
		).toEqual([]);
	});

	it('adds ISO times in the workflow timezone and a transcript to attendance events', async () => {
		const setup = {
			...(await activate(['finishAttendance', 'messageStatus', 'whenDisconnecting'])),
			timezone: 'America/Sao_Paulo',
		};
		const [finished] = await deliver(setup, 'finishAttendance', {
			attendance: {
				attendanceNumber: 1470,
				customer: { name: 'Maria Oliveira', phone: '5521987654321' },
				requestTime: 1650479220000,
				startTime: 1650480001521,
				endTime: 1650480054206,
				status: 'FINISH',
			},
			chat: chatMap,
		});
		expect(finished.json.attendance).toMatchObject({
			endTime: 1650480054206,
			endTimeIso: '2022-04-20T15:40:54.206-03:00',
			requestTimeIso: '2022-04-20T15:27:00.000-03:00',
		});
		expect((finished.json.messages as IDataObject[])[0].mommentIso).toBe(
			'2022-04-27T10:17:58.000-03:00',
		);
		expect(finished.json.transcript).toBe('Cliente: mensagem enviada\nAtendente: só um momento');

		const [status] = await deliver(setup, 'messageStatus', {
			status: 'READ',
			ids: ['M1'],
			momment: 1632234645000,
			type: 'MessageStatusCallback',
		});
		expect(status.json.mommentIso).toBe('2021-09-21T11:30:45.000-03:00');
		// Z-API's sample gives this one in seconds: recognised by its size.
		const [disconnected] = await deliver(setup, 'whenDisconnecting', {
			momment: 1580163342,
			disconnected: true,
			type: 'DisconnectedCallback',
		});
		expect(disconnected.json.mommentIso).toBe('2020-01-27T19:15:42.000-03:00');
	});

	describe('safety filters: top-level toggles, and what version 1 saved under Options', () => {
		const group = { phone: '120363019502650977-group', type: 'ReceivedCallback' };
		const mine = { phone: '5544999999999', fromMe: true, type: 'ReceivedCallback' };

		async function counts(parameters: INodeParameters, typeVersion?: number) {
			const setup = { ...triggerSetup({ events: ['receiveMessage'], ...parameters }), typeVersion };
			await runWebhookMethod(setup, 'create');
			return [
				(await deliver(setup, 'receiveMessage', mine)).length,
				(await deliver(setup, 'receiveMessage', group)).length,
			];
		}

		it('a new trigger skips messages sent by me and groups, as its toggles show', async () => {
			expect(await counts({})).toEqual([0, 0]);
			expect(await counts({ ignoreFromMe: false, ignoreGroups: false })).toEqual([1, 1]);
		});

		it('version 1 keeps its defaults (groups passed) and its Options values win', async () => {
			expect(await counts({}, 1)).toEqual([0, 1]);
			expect(await counts({ options: { ignoreFromMe: false, ignoreGroups: true } }, 1)).toEqual([
				1, 0,
			]);
			// An explicit old value wins over the toggle.
			expect(await counts({ ignoreGroups: false, options: { ignoreGroups: true } }, 1)).toEqual([
				0, 0,
			]);
		});

		it('the Options collection is gone from version 1.1: nothing stale hides there', () => {
			const names = new PlugChatTrigger().description.properties
				.filter((p) => p.displayOptions?.show?.['@version']?.[0] !== 1)
				.map((p) => p.name);
			expect(names).toEqual(['notice', 'events', 'ignoreFromMe', 'ignoreGroups']);
		});
	});

	it('sendingMessage, messageStatus, whenDisconnecting and the undocumented messageDeliveryError', async () => {
		const setup = await activate([
			'sendingMessage',
			'messageStatus',
			'whenDisconnecting',
			'messageDeliveryError',
		]);
		const sent = await deliver(setup, 'sendingMessage', {
			phone: '554499999999',
			zaapId: 'Z1',
			messageId: 'M1',
			type: 'DeliveryCallback',
			instanceId: 'i',
		});
		expect(sent[0].json).toEqual({
			event: 'sendingMessage',
			phone: '554499999999',
			zaapId: 'Z1',
			messageId: 'M1',
			type: 'DeliveryCallback',
			instanceId: 'i',
		});

		const status = await deliver(setup, 'messageStatus', {
			instanceId: 'i',
			status: 'read-self',
			id: 'M1',
			momment: 1632234645000,
			phoneDevice: 0,
			phone: '5544999999999',
			type: 'MessageStatusCallback',
			isGroup: false,
		});
		expect(status[0].json).toMatchObject({
			event: 'messageStatus',
			status: 'READ-SELF',
			statusOriginal: 'read-self',
			ids: ['M1'],
		});

		const disconnected = await deliver(setup, 'whenDisconnecting', {
			momment: 1580163342,
			error: 'Device has been disconnected',
			disconnected: true,
			type: 'DisconnectedCallback',
		});
		expect(disconnected[0].json).toEqual({
			event: 'whenDisconnecting',
			momment: 1580163342,
			mommentIso: '2020-01-27T17:15:42.000-05:00',
			error: 'Device has been disconnected',
			disconnected: true,
			type: 'DisconnectedCallback',
		});

		const failed = await deliver(setup, 'messageDeliveryError', {
			zaapId: 'Z9',
			error: 'number not on WhatsApp',
			' phone': '5544999999999',
		});
		expect(failed[0].json).toEqual({
			event: 'messageDeliveryError',
			zaapId: 'Z9',
			error: 'number not on WhatsApp',
			phone: '5544999999999',
		});
	});

	it('starts no execution for an event the trigger did not choose', async () => {
		const setup = await activate(['receiveMessage']);
		const { response } = await deliverWebhook(setup, {
			body: { status: 'READ', type: 'MessageStatusCallback' },
			query: { ...withoutEvent(), event: 'messageStatus' },
		});
		expect(response).toEqual({});
	});

	it('tells the event by the payload when the query names none', async () => {
		const setup = await activate(['finishAttendance', 'receiveMessage']);
		const finish = await deliverWebhook(setup, {
			body: { attendance: { status: 'FINISH', attendanceNumber: 7 }, chat: {} },
			query: withoutEvent(),
		});
		expect(finish.response.workflowData?.[0][0].json.event).toBe('finishAttendance');
		const message = await deliverWebhook(setup, {
			body: { type: 'ReceivedCallback', phone: '5544999999999', fromMe: false },
			query: withoutEvent(),
		});
		expect(message.response.workflowData?.[0][0].json.event).toBe('receiveMessage');
		const start = await deliverWebhook(setup, {
			body: { attendance: { status: 'PROGRESS' } },
			query: withoutEvent(),
		});
		expect(start.response).toEqual({});
	});

	// A public third-party receiver tells the two attendance events apart by an undocumented
	// `event_type` ("atendimento_iniciado" / "atendimento_encerrado"): taken as one more hint.
	it('without ?event=, takes event_type as a hint for the attendance events', async () => {
		const setup = await activate(['finishAttendance', 'startAttendance']);
		const finished = await deliverWebhook(setup, {
			body: { event_type: 'atendimento_encerrado', attendance: { attendanceNumber: 8 } },
			query: withoutEvent(),
		});
		expect(finished.response.workflowData?.[0][0].json).toMatchObject({
			event: 'finishAttendance',
			event_type: 'atendimento_encerrado',
		});
		const started = await deliverWebhook(setup, {
			body: {
				event_type: 'atendimento_iniciado',
				attendance: { attendanceNumber: 9, endTime: 1651065481865 },
			},
			query: withoutEvent(),
		});
		expect(started.response.workflowData?.[0][0].json.event).toBe('startAttendance');
	});

	it('takes a payload whose type is a name of Object.prototype as an unknown one', async () => {
		const setup = await activate(['messageDeliveryError']);
		for (const name of ['constructor', 'toString', '__proto__']) {
			const odd = await deliverWebhook(setup, {
				body: { type: name, event_type: name },
				query: withoutEvent(),
			});
			expect([name, odd.response.workflowData?.[0][0].json.event]).toEqual([
				name,
				'messageDeliveryError',
			]);
		}
	});

	it('copes with an empty or non-object body', async () => {
		const setup = await activate(['messageDeliveryError']);
		const { response } = await deliverWebhook(setup, {
			body: 'oops',
			query: { ...withoutEvent(), event: 'messageDeliveryError' },
		});
		expect(response.workflowData?.[0]).toEqual([
			{ json: { event: 'messageDeliveryError', body: 'oops' } },
		]);
	});
});
