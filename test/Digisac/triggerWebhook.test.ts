import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { ACCOUNT_ID } from '../fakes/digisac';
import type { Row } from '../fakes/digisac';
import { captureDelivery } from '../fakes/digisac/deliveryCapture';
import type { NodeSetup } from '../harness';
import { deliverWebhook, runWebhookMethod, webhookUrlFor } from '../harness';

import {
	hooks,
	nodeState,
	secretQuery,
	triggerSetup,
	urlQuery,
	useDigisacTrigger,
} from './harness';

const { fake } = useDigisacTrigger();
const [SALES, SUPPORT] = [
	'7a1e2b1c-0000-4000-8000-0000000000s1',
	'7a1e2b1c-0000-4000-8000-0000000000s2',
];
const AGENT = '7a1e2b1c-0000-4000-8000-0000000000u2';
const ALL_EVENTS = [
	'bot.command',
	'contact.created',
	'contact.updated',
	'message.created',
	'message.updated',
	'ticket.closed',
	'ticket.created',
	'ticket.updated',
];

async function activeTrigger(parameters: INodeParameters = {}, overrides: Partial<NodeSetup> = {}) {
	const setup = triggerSetup(fake, parameters, overrides);
	const { result: exists } = await runWebhookMethod(setup, 'checkExists');
	if (!exists) await runWebhookMethod(setup, 'create');
	fake.reset();
	return setup;
}

/** Digisac sends `event` through the registered hook; the trigger gets exactly that request. */
async function deliver(
	setup: NodeSetup & { staticData: IDataObject },
	event: string,
	data: Record<string, unknown>,
	hookId?: string,
) {
	const captured = await captureDelivery(
		fake,
		hookId ?? nodeState(setup).digisacWebhookId!,
		event,
		data,
	);
	expect(captured.method).toBe('POST');
	expect(captured.url.split('?')[0]).toBe(webhookUrlFor(setup));
	const result = await deliverWebhook(setup, {
		body: captured.body,
		query: urlQuery(captured.url),
	});
	// What the HTTP caller gets: what the node wrote itself, or n8n's 200.
	const status = result.http.ended ? result.http.statusCode : 200;
	return {
		...result,
		status,
		body: captured.body as IDataObject,
		items: result.response.workflowData?.[0] ?? [],
	};
}

function incoming(fields: Record<string, unknown> = {}): Row {
	const contact = fake.state.contacts[0] ?? fake.addContacts(1)[0];
	const message = fake.addIncomingMessage({
		contactId: contact.id,
		text: 'Olá, quero um orçamento',
		fromId: contact.id,
		...fields,
	});
	return fake.presentMessage(message, false);
}

function ticket(fields: Record<string, unknown> = {}): Row {
	const contact = fake.state.contacts[0] ?? fake.addContacts(1)[0];
	return {
		id: 'b3d0c6a2-0000-4000-8000-0000000000f1',
		isOpen: true,
		protocol: '2024031500001',
		contactId: contact.id,
		departmentId: fake.state.departments[0].id,
		userId: null,
		accountId: ACCOUNT_ID,
		startedAt: '2024-03-15T14:08:56.000Z',
		updatedAt: '2024-03-15T14:08:56.000Z',
		metrics: { waitingTime: 0, ticketTransferCount: 0 },
		...fields,
	};
}

describe('deliveries that start the workflow', () => {
	const payloads: Record<string, () => Record<string, unknown>> = {
		'message.created': () => incoming(),
		'message.updated': () => ({
			...incoming(),
			data: { ack: 3 },
			updatedAt: '2024-03-15T14:09:00.000Z',
		}),
		'bot.command': () => {
			const message = incoming({ text: '#email' });
			return {
				id: 'c0ffee00-0000-4000-8000-000000000001',
				contactId: message.contactId,
				accountId: ACCOUNT_ID,
				command: 'set-mail',
				message,
			};
		},
		'ticket.created': () => ticket(),
		'ticket.updated': () =>
			ticket({ departmentId: fake.state.departments[1].id, updatedAt: '2024-03-15T15:00:00.000Z' }),
		'ticket.closed': () => ticket({ isOpen: false, endedAt: '2024-03-15T16:00:00.000Z' }),
		'contact.created': () => fake.addContacts(1, { name: 'Maria Souza' })[0],
		'contact.updated': () => ({
			...fake.addContacts(1)[0],
			internalName: 'Maria (cliente VIP)',
			updatedAt: '2024-03-15T15:00:00.000Z',
		}),
	};

	it.each(ALL_EVENTS)(
		'%s: outputs the data with event, webhookId and timestamp on top',
		async (event) => {
			const setup = await activeTrigger({ events: ALL_EVENTS });
			const data = payloads[event]();
			const result = await deliver(setup, event, data);

			expect(result.status).toBe(200);
			expect(result.items).toHaveLength(1);
			const json = result.items[0].json;
			const { timestamp: ownTime, ...fields } = JSON.parse(JSON.stringify(data)) as IDataObject;
			expect(json).toMatchObject({
				...fields,
				event,
				webhookId: nodeState(setup).digisacWebhookId,
			});
			// The delivery's time on top; a message's own time, when different, as dataTimestamp.
			expect(json.timestamp).toBe(result.body.timestamp);
			expect(Date.parse(String(json.timestamp))).not.toBeNaN();
			expect(json.dataTimestamp).toBe(
				ownTime !== undefined && ownTime !== json.timestamp ? ownTime : undefined,
			);
			if (event.startsWith('message.') || event === 'bot.command')
				expect(json.contactId).toBe(fake.state.contacts[0].id);
			// The contact's name and number: a contact event carries them; the others name the
			// contact by id, looked up once, before n8n answers (it answers once it stored the run).
			const contact = fake.state.contacts[0];
			expect(json).toMatchObject({
				contactName: event === 'contact.created' ? 'Maria Souza' : contact.name,
				contactNumber: (contact.data as IDataObject).number,
			});
			expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(
				event.startsWith('contact.') ? [] : [`GET /api/v1/contacts/${contact.id}`],
			);
			expect(result.http.ended).toBe(false);
		},
	);

	it("keeps a message's own time as dataTimestamp when it differs from the delivery time", async () => {
		const setup = await activeTrigger();
		const message = { ...incoming(), timestamp: '2024-03-15T14:08:56.000Z' };
		const [item] = (await deliver(setup, 'message.created', message)).items;
		expect(item.json.dataTimestamp).toBe('2024-03-15T14:08:56.000Z');
		expect(item.json.timestamp).not.toBe('2024-03-15T14:08:56.000Z');
	});

	it('accepts an event given only as free text, and registers it', async () => {
		const setup = await activeTrigger({
			events: ['message.created'],
			additionalEvents: 'ticket.transferred',
		});
		expect(hooks(fake)[0].events).toEqual(['message.created', 'ticket.transferred']);
		const result = await deliver(setup, 'ticket.transferred', ticket());
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json.event).toBe('ticket.transferred');
	});

	it('takes the first element when data arrives as an array', async () => {
		const setup = await activeTrigger();
		const message = incoming();
		const body = {
			event: 'message.created',
			data: [message],
			webhookId: nodeState(setup).digisacWebhookId,
			timestamp: new Date().toISOString(),
		};
		const result = await deliverWebhook(setup, { body, query: secretQuery(setup) });
		expect(result.response.workflowData?.[0][0].json).toMatchObject({
			id: message.id,
			contactId: message.contactId,
		});
	});
});

describe('deliveries that start nothing (and still get a 2xx)', () => {
	it('ignores a delivery whose webhookId is not the registration of this node', async () => {
		const setup = await activeTrigger();
		// A hook someone created by hand in Digisac, copying the registered URL (with its secret).
		fake.state.webhooks.push({
			id: 'hand-made-hook',
			name: 'manual',
			url: hooks(fake)[0].url,
			events: ['message.created'],
			active: true,
		});
		const result = await deliver(setup, 'message.created', incoming(), 'hand-made-hook');
		expect(result.status).toBe(200);
		expect(result.response.workflowData).toBeUndefined();
		expect(result.response.webhookResponse).toEqual({
			received: true,
			ignored: 'webhookId is not the one this trigger registered',
		});
	});

	it('refuses every delivery (401) once the registration is gone from static data', async () => {
		const setup = await activeTrigger();
		const hookId = nodeState(setup).digisacWebhookId!;
		const registeredUrl = hooks(fake)[0].url;
		await runWebhookMethod(setup, 'delete');
		fake.state.webhooks.push({
			id: hookId,
			name: 'x',
			url: registeredUrl,
			events: ['message.created'],
			active: true,
		});
		const result = await deliver(setup, 'message.created', incoming(), hookId);
		expect(result.response.workflowData).toBeUndefined();
		expect(result.status).toBe(401);
	});

	it('ignores an event that was not chosen', async () => {
		const setup = await activeTrigger({ events: ['message.created'] });
		hooks(fake)[0].events = ['message.created', 'ticket.created']; // widened in the panel
		const result = await deliver(setup, 'ticket.created', ticket());
		expect(result.status).toBe(200);
		expect(result.response.workflowData).toBeUndefined();
		expect(result.response.webhookResponse).toEqual({
			received: true,
			ignored: 'event "ticket.created" is not chosen in the trigger',
		});
	});

	it('ignores the same delivery repeated within the window', async () => {
		const setup = await activeTrigger();
		const message = incoming();
		expect((await deliver(setup, 'message.created', message)).items).toHaveLength(1);
		const again = await deliver(setup, 'message.created', message);
		expect(again.status).toBe(200);
		expect(again.response.workflowData).toBeUndefined();
		expect(again.response.webhookResponse).toEqual({
			received: true,
			ignored: 'duplicate delivery',
		});
		// Another message is not a duplicate.
		expect((await deliver(setup, 'message.created', incoming())).items).toHaveLength(1);
	});

	it('lets an .updated event through for each new updatedAt, but not a repeat of one', async () => {
		const setup = await activeTrigger({ events: ['message.updated'] });
		const message = incoming();
		const ack2 = { ...message, data: { ack: 2 }, updatedAt: '2024-03-15T14:09:00.000Z' };
		const ack3 = { ...message, data: { ack: 3 }, updatedAt: '2024-03-15T14:10:00.000Z' };
		expect((await deliver(setup, 'message.updated', ack2)).items).toHaveLength(1);
		expect((await deliver(setup, 'message.updated', ack3)).items).toHaveLength(1);
		expect((await deliver(setup, 'message.updated', ack3)).items).toHaveLength(0);
	});

	it('does not de-duplicate when the window is 0', async () => {
		const setup = await activeTrigger({ options: { deduplicationMinutes: 0 } });
		const message = incoming();
		expect((await deliver(setup, 'message.created', message)).items).toHaveLength(1);
		expect((await deliver(setup, 'message.created', message)).items).toHaveLength(1);
	});
});

describe('malformed bodies get a 400', () => {
	it.each([
		['a string', 'event=message.created', 'The body must be a JSON object with "event" and "data"'],
		[
			'an array',
			[{ event: 'message.created' }],
			'The body must be a JSON object with "event" and "data"',
		],
		['no event', { data: { id: 'm1' } }, 'The body has no "event" name'],
		[
			'data that is not an object',
			{ event: 'message.created', data: 'hello' },
			'The "data" of event "message.created" is not an object',
		],
		[
			'an empty data array',
			{ event: 'message.created', data: [] },
			'The "data" of event "message.created" is not an object',
		],
	])('%s', async (_label, body, message) => {
		const setup = await activeTrigger();
		const result = await deliverWebhook(setup, { body, query: secretQuery(setup) });
		expect(result.http.statusCode).toBe(400);
		expect(result.http.body).toEqual({ message });
		expect(result.response).toEqual({ noWebhookResponse: true });
	});
});

describe('filters', () => {
	async function outcome(
		parameters: INodeParameters,
		event: string,
		data: Record<string, unknown>,
	) {
		const setup = await activeTrigger({ events: ALL_EVENTS, ...parameters });
		const result = await deliver(setup, event, data);
		expect(result.status).toBe(200);
		return result.items.length === 1
			? 'started'
			: (result.response.webhookResponse as IDataObject).ignored;
	}

	it('connection: keeps only the chosen serviceIds; a payload with none is not filtered', async () => {
		const filters = { filters: { serviceIds: [SALES] } };
		expect(await outcome(filters, 'message.created', incoming({ serviceId: SALES }))).toBe(
			'started',
		);
		expect(await outcome(filters, 'message.created', incoming({ serviceId: SUPPORT }))).toBe(
			'other connection',
		);
		const command = { id: 'cmd-1', command: 'x', message: incoming({ serviceId: SUPPORT }) };
		expect(await outcome(filters, 'bot.command', command)).toBe('other connection');
		expect(
			await outcome(filters, 'contact.updated', fake.addContacts(1, { serviceId: SUPPORT })[0]),
		).toBe('other connection');
		expect(await outcome(filters, 'ticket.created', ticket())).toBe('started');
		// An expression that gives a comma-separated list.
		expect(
			await outcome(
				{ filters: { serviceIds: `${SUPPORT}, ${SALES}` } },
				'message.created',
				incoming({ serviceId: SALES }),
			),
		).toBe('started');
	});

	it('messages sent by me: dropped by default, kept when switched off', async () => {
		const own = () => incoming({ isFromMe: true, fromId: 'me-contact', userId: AGENT });
		expect(await outcome({}, 'message.created', own())).toBe('message sent by me');
		expect(await outcome({ ignoreOwnMessages: false }, 'message.created', own())).toBe('started');
		expect(await outcome({}, 'message.created', incoming())).toBe('started');
	});

	it('bot messages: isFromBot or origin "bot"', async () => {
		const filters = { ignoreOwnMessages: false, filters: { ignoreBotMessages: true } };
		expect(await outcome(filters, 'message.created', incoming({ isFromBot: true }))).toBe(
			'bot message',
		);
		expect(
			await outcome(filters, 'message.created', incoming({ isFromMe: true, origin: 'bot' })),
		).toBe('bot message');
		expect(await outcome(filters, 'message.created', incoming({ origin: 'user' }))).toBe('started');
		expect(
			await outcome({ ignoreOwnMessages: false }, 'message.created', incoming({ isFromBot: true })),
		).toBe('bot message');
		expect(
			await outcome(
				{ ignoreOwnMessages: false, ignoreBotMessages: false },
				'message.created',
				incoming({ isFromBot: true }),
			),
		).toBe('started');
	});

	it('system lines of type "ticket"', async () => {
		const line = () =>
			incoming({
				type: 'ticket',
				text: null,
				origin: 'ticket',
				fromId: null,
				data: { ticketOpen: true },
			});
		expect(
			await outcome({ filters: { ignoreSystemMessages: true } }, 'message.created', line()),
		).toBe('system message');
		expect(await outcome({}, 'message.created', line())).toBe('system message');
		expect(await outcome({ ignoreSystemMessages: false }, 'message.created', line())).toBe(
			'started',
		);
	});

	it('groups: a group contact, or a received message whose sender is not the chat', async () => {
		const groups = { filters: { ignoreGroups: true } };
		const [group] = fake.addContacts(1, { isGroup: true, name: 'Equipe Vendas' });
		expect(await outcome(groups, 'contact.created', group)).toBe('group chat');
		const participant = fake.addContacts(1)[0];
		expect(
			await outcome(
				groups,
				'message.created',
				incoming({ contactId: group.id, fromId: participant.id }),
			),
		).toBe('group chat');
		expect(await outcome(groups, 'message.created', incoming())).toBe('started');
		expect(await outcome(groups, 'message.created', incoming({ fromId: undefined }))).toBe(
			'started',
		);
		expect(
			await outcome(
				{ ignoreGroups: false },
				'message.created',
				incoming({ contactId: group.id, fromId: participant.id }),
			),
		).toBe('started');
	});

	it('only without an assigned agent: message ticketUserId, ticket userId', async () => {
		const unassigned = { filters: { onlyUnassigned: true } };
		expect(await outcome(unassigned, 'message.created', incoming({ ticketUserId: AGENT }))).toBe(
			'agent assigned',
		);
		expect(await outcome(unassigned, 'message.created', incoming({ ticketUserId: null }))).toBe(
			'started',
		);
		expect(await outcome(unassigned, 'ticket.updated', ticket({ userId: AGENT }))).toBe(
			'agent assigned',
		);
		expect(await outcome(unassigned, 'ticket.created', ticket())).toBe('started');
		expect(
			await outcome(
				{ onlyUnassigned: false },
				'ticket.updated',
				ticket({ userId: AGENT, updatedAt: '2024-03-15T17:00:00.000Z' }),
			),
		).toBe('started');
	});

	it('tolerates odd payloads without a TypeError', async () => {
		const all = {
			filters: {
				serviceIds: [SALES],
				ignoreBotMessages: true,
				ignoreSystemMessages: true,
				ignoreGroups: true,
				onlyUnassigned: true,
			},
		};
		expect(await outcome(all, 'bot.command', { id: 'cmd-2', message: null, contact: 'x' })).toBe(
			'started',
		);
		expect(
			await outcome(all, 'message.created', {
				id: 'm-odd',
				contact: null,
				fromId: 5,
				contactId: 5,
			}),
		).toBe('started');
		expect(await outcome(all, 'ticket.closed', {})).toBe('started');
	});
});
