import { ACCOUNT_ID } from '../fakes/digisac';
import { actionsOf, addTicket } from '../fakes/digisac/actions';
import { byId } from '../harness';

import { queryOf, useDigisac } from './harness';

const { fake, run } = useDigisac();

describe('connection', () => {
	it('lists active connections only, unless archived ones are asked for', async () => {
		fake.state.services.push({
			id: 's-arch',
			name: 'Antiga',
			type: 'whatsapp',
			archivedAt: '2024-01-01T00:00:00Z',
			data: { status: { isConnected: false } },
		});
		const active = await run({ resource: 'connection', operation: 'getAll', returnAll: true });
		expect(active.items).toHaveLength(2);
		expect(queryOf(fake.last('GET', '/api/v1/services'))).toEqual({
			where: { archivedAt: { $eq: null } },
			order: [['name', 'ASC']],
		});
		const all = await run({
			resource: 'connection',
			operation: 'getAll',
			returnAll: true,
			options: { includeArchived: true },
		});
		expect(all.items).toHaveLength(3);
	});

	it('gets one connection', async () => {
		const service = fake.state.services[1];
		const result = await run({ resource: 'connection', operation: 'get', serviceId: service.id });
		expect(result.items[0].json).toMatchObject({
			id: service.id,
			data: { status: { isConnected: false } },
		});
	});

	it.each(['start', 'restart', 'shutdown', 'logout'])(
		'%s POSTs to /services/{id}/<command> and tolerates the empty answer',
		async (command) => {
			const service = fake.state.services[1];
			const result = await run({
				resource: 'connection',
				operation: command,
				serviceId: service.id,
			});
			expect(result.error).toBeUndefined();
			expect(fake.last().method).toBe('POST');
			expect(fake.last().path).toBe(`/api/v1/services/${service.id}/${command}`);
			expect(result.items[0].json).toEqual({ success: true, serviceId: service.id, command });
		},
	);

	it('reports an unknown connection', async () => {
		const result = await run({ resource: 'connection', operation: 'restart', serviceId: 'nope' });
		expect(result.error?.message).toBe('Service nope not found');
	});
});

describe('department, user, ticket topic, custom field, integration, bot', () => {
	it('lists and gets departments', async () => {
		const list = await run({ resource: 'department', operation: 'getAll', returnAll: true });
		expect(list.items.map((i) => i.json.name)).toEqual(['Suporte', 'Financeiro']);
		const one = await run({
			resource: 'department',
			operation: 'get',
			departmentId: fake.state.departments[1].id,
		});
		expect(one.items[0].json.name).toBe('Financeiro');
		expect(fake.last().path).toBe(`/api/v1/departments/${fake.state.departments[1].id}`);
	});

	it('lists users with their departments and gets one', async () => {
		const list = await run({
			resource: 'user',
			operation: 'getAll',
			returnAll: false,
			limit: 1,
			options: { includeDepartments: true },
		});
		expect(list.items).toHaveLength(1);
		expect(queryOf(fake.last('GET', '/api/v1/users')).include).toEqual([
			{ model: 'departments', attributes: ['id', 'name'] },
		]);
		const one = await run({ resource: 'user', operation: 'get', userId: fake.state.users[1].id });
		expect(one.items[0].json.email).toBe('paula@example.com');
	});

	it.each([
		['ticketTopic', '/api/v1/ticket-topics', 'Dúvida'],
		['customField', '/api/v1/custom-fields', 'CPF'],
		['bot', '/api/v1/bots', 'Bot de triagem'],
	])('%s getAll pages %s', async (resource, path, name) => {
		const result = await run({ resource, operation: 'getAll', returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.name)).toEqual([name]);
		expect(fake.last().path).toBe(path);
		expect(fake.last().query.perPage).toBe('100');
	});

	it('integration getAll pages to the end', async () => {
		for (let n = 0; n < 205; n++) fake.state.integrations.push({ id: `i-${n}`, name: `Site ${n}` });
		const result = await run({ resource: 'integration', operation: 'getAll', returnAll: true });
		expect(result.items).toHaveLength(205);
		expect(fake.requests.map((r) => r.query.page)).toEqual(['1', '2', '3']);
	});

	it('triggers a bot signal with the flag in the query string', async () => {
		const [contact] = fake.addContacts(1);
		const bot = fake.state.bots[0];
		const result = await run({
			resource: 'bot',
			operation: 'triggerSignal',
			botId: bot.id,
			contactId: byId(contact.id),
			flag: 'pagamento-ok',
		});
		expect(result.error).toBeUndefined();
		const request = fake.last('POST', `/api/v1/bots/${bot.id}/trigger-signal/${contact.id}`);
		expect(request.query).toEqual({ flag: 'pagamento-ok' });
		expect(result.items[0].json).toEqual({
			success: true,
			botId: bot.id,
			contactId: contact.id,
			flag: 'pagamento-ok',
		});
	});
});

describe('tag', () => {
	it('creates, updates, lists and deletes a tag', async () => {
		const created = await run({
			resource: 'tag',
			operation: 'create',
			label: 'Novo cliente',
			additionalFields: {
				backgroundColor: '#00ff00',
				departmentIds: [fake.state.departments[0].id],
			},
		});
		expect(created.error).toBeUndefined();
		expect(fake.last('POST', '/api/v1/tags').json).toEqual({
			label: 'Novo cliente',
			backgroundColor: '#00ff00',
			departments: [fake.state.departments[0].id],
		});
		const tagId = String(created.items[0].json.id);

		const updated = await run({
			resource: 'tag',
			operation: 'update',
			tagId,
			updateFields: { label: 'Cliente novo' },
		});
		expect(fake.last('PUT', `/api/v1/tags/${tagId}`).json).toEqual({ label: 'Cliente novo' });
		expect(updated.items[0].json.label).toBe('Cliente novo');

		const list = await run({ resource: 'tag', operation: 'getAll', returnAll: true });
		expect(list.items).toHaveLength(3);

		const deleted = await run({ resource: 'tag', operation: 'delete', tagId });
		expect(deleted.items[0].json).toEqual({ success: true, id: tagId, deleted: true });
		expect(fake.state.tags).toHaveLength(2);
	});

	it('sends the documented defaults when only a label is given', async () => {
		await run({ resource: 'tag', operation: 'create', label: 'X' });
		expect(fake.last('POST', '/api/v1/tags').json).toEqual({
			backgroundColor: '#40C3FF',
			departments: [],
			label: 'X',
		});
	});
});

describe('webhook', () => {
	it('creates a webhook with chosen and typed-in events', async () => {
		const result = await run({
			resource: 'webhook',
			operation: 'create',
			name: 'CRM',
			url: 'https://crm.example.com/hooks/digisac',
			events: ['message.created', 'ticket.closed'],
			options: { additionalEvents: 'campaign.updated, message.created' },
		});
		expect(result.error).toBeUndefined();
		expect(fake.last('POST', '/api/v1/me/webhooks').json).toEqual({
			name: 'CRM',
			url: 'https://crm.example.com/hooks/digisac',
			events: ['message.created', 'ticket.closed', 'campaign.updated'],
			active: true,
			type: 'general',
			userId: fake.state.me.id,
			accountId: fake.state.me.accountId,
		});
	});

	it("sends the token user's userId and accountId, as Digisac's example body, from one GET /me for all items", async () => {
		// The fake plays an account that requires them (whether Digisac does is not documented).
		fake.webhookOwner = 'required';
		const result = await run(
			{
				resource: 'webhook',
				operation: 'create',
				name: '={{ "CRM " + $json.n }}',
				url: 'https://crm.example.com/hooks/digisac',
				events: ['message.created'],
			},
			{ items: [1, 2, 3].map((n) => ({ json: { n } })) },
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.name)).toEqual(['CRM 1', 'CRM 2', 'CRM 3']);
		const posts = fake.handled('POST', '/api/v1/me/webhooks');
		expect(posts).toHaveLength(3);
		for (const post of posts)
			expect(post.json).toMatchObject({ userId: fake.state.me.id, accountId: ACCOUNT_ID });
		expect(fake.handled('GET', '/api/v1/me')).toHaveLength(1);
	});

	it('the fake refuses a webhook without userId and accountId when it plays an account that requires them', async () => {
		fake.webhookOwner = 'required';
		const post = async (owner: object) =>
			await fetch(`${fake.url}/api/v1/me/webhooks`, {
				method: 'POST',
				headers: { authorization: `Bearer ${fake.token}`, 'content-type': 'application/json' },
				body: JSON.stringify({
					name: 'x',
					url: 'https://a.example/h',
					events: ['message.created'],
					type: 'general',
					...owner,
				}),
			});
		expect((await post({})).status).toBe(400);
		expect((await post({ userId: fake.state.me.id, accountId: 'another-account' })).status).toBe(
			400,
		);
		expect((await post({ userId: fake.state.me.id, accountId: ACCOUNT_ID })).status).toBe(200);
	});

	it('refuses a webhook without events or with a bad URL, before calling Digisac', async () => {
		const noEvents = await run({
			resource: 'webhook',
			operation: 'create',
			name: 'x',
			url: 'https://a.example',
			events: [],
		});
		expect(noEvents.error?.message).toBe('Choose at least one event');
		const badUrl = await run({
			resource: 'webhook',
			operation: 'create',
			name: 'x',
			url: 'crm.example',
			events: ['message.created'],
		});
		expect(badUrl.error?.message).toBe('"URL" must be an http(s) address');
		expect(fake.requests).toHaveLength(0);
	});

	it("gets, lists and updates (sending the whole webhook back, as Digisac's client does)", async () => {
		const created = await run({
			resource: 'webhook',
			operation: 'create',
			name: 'A',
			url: 'https://a.example/h',
			events: ['message.created'],
		});
		const webhookId = String(created.items[0].json.id);
		const got = await run({ resource: 'webhook', operation: 'get', webhookId: byId(webhookId) });
		expect(got.items[0].json.name).toBe('A');
		const list = await run({ resource: 'webhook', operation: 'getAll', returnAll: true });
		expect(list.items.map((i) => i.json.id)).toEqual([webhookId]);

		const updated = await run({
			resource: 'webhook',
			operation: 'update',
			webhookId,
			updateFields: { active: false, events: ['ticket.created'] },
		});
		expect(updated.error).toBeUndefined();
		expect(fake.last('PUT', `/api/v1/me/webhooks/${webhookId}`).json).toEqual({
			active: false,
			name: 'A',
			url: 'https://a.example/h',
			events: ['ticket.created'],
			type: 'general',
			userId: fake.state.me.id,
		});
		expect(updated.items[0].json).toMatchObject({ active: false, events: ['ticket.created'] });
	});

	it('deletes a webhook where the account has DELETE', async () => {
		fake.webhookDelete = 'supported';
		const created = await run({
			resource: 'webhook',
			operation: 'create',
			name: 'A',
			url: 'https://a.example/h',
			events: ['message.created'],
		});
		const webhookId = String(created.items[0].json.id);
		const result = await run({ resource: 'webhook', operation: 'delete', webhookId });
		expect(result.items[0].json).toEqual({ deleted: true, id: webhookId });
		expect(fake.state.webhooks).toHaveLength(0);
	});

	it.each([404, 405] as const)(
		'deactivates the webhook where DELETE answers %s',
		async (status) => {
			const created = await run({
				resource: 'webhook',
				operation: 'create',
				name: 'A',
				url: 'https://a.example/h',
				events: ['message.created'],
			});
			const webhookId = String(created.items[0].json.id);
			fake.webhookDelete = status;
			const result = await run({ resource: 'webhook', operation: 'delete', webhookId });
			expect(result.error).toBeUndefined();
			expect(fake.last('PUT', `/api/v1/me/webhooks/${webhookId}`).json).toEqual({ active: false });
			expect(result.items[0].json).toMatchObject({
				deleted: false,
				deactivated: true,
				id: webhookId,
			});
			expect(fake.state.webhooks[0].active).toBe(false);
		},
	);

	it('reports a webhook that does not exist instead of switching something off', async () => {
		fake.webhookDelete = 404;
		const result = await run({ resource: 'webhook', operation: 'delete', webhookId: 'gone' });
		expect(result.error?.message).toBe('Webhook gone not found');
		expect(fake.requests.filter((r) => r.method === 'PUT')).toHaveLength(0);
	});
});

describe('statistics', () => {
	it('gets attendance statistics for a period with filters', async () => {
		const [contact] = fake.addContacts(1);
		addTicket(fake, { contactId: contact.id, startedAt: '2024-07-10T10:00:00.000Z' });
		const result = await run({
			resource: 'statistics',
			operation: 'getAttendance',
			startPeriod: '2024-07-01T00:00:00Z',
			endPeriod: '2024-07-30T23:59:59Z',
			filters: {
				departmentId: fake.state.departments[0].id,
				status: 'open',
				periodType: 'openDate',
			},
		});
		expect(result.error).toBeUndefined();
		expect(fake.last('GET', '/api/v1/dashboard/general').query).toEqual({
			startPeriod: '2024-07-01T00:00:00.000Z',
			endPeriod: '2024-07-30T23:59:59.000Z',
			departmentId: fake.state.departments[0].id,
			periodType: 'openDate',
			status: 'open',
		});
		expect(result.items[0].json.ticketsCount).toBe(1);
	});

	it("refuses a period whose start is after its end (the vendor's own example has this bug)", async () => {
		const result = await run({
			resource: 'statistics',
			operation: 'getAttendance',
			startPeriod: '2024-01-01T23:59:59.999Z',
			endPeriod: '2023-01-02T23:59:59.999Z',
		});
		expect(result.error?.message).toBe('The start of the period is after its end');
		expect(fake.requests).toHaveLength(0);
	});

	it.each([
		['resume', '/api/v1/now/resume', 1],
		['attendanceResume', '/api/v1/now/attendance-resume', 2],
		['departmentsResume', '/api/v1/now/departments-resume', 2],
	])('gets the real-time %s summary', async (summary, path, count) => {
		const result = await run({ resource: 'statistics', operation: 'getRealtime', summary });
		expect(result.error).toBeUndefined();
		expect(fake.last().path).toBe(path);
		expect(result.items).toHaveLength(count);
	});
});

describe('account: getAccessToken', () => {
	it("uses the password grant without the credential's token, and outputs Digisac's token answer", async () => {
		actionsOf(fake).oauthUsers.set('ana@example.com', 's3nh@-forte');
		const result = await run({
			resource: 'account',
			operation: 'getAccessToken',
			username: 'ana@example.com',
			password: 's3nh@-forte',
		});
		expect(result.error).toBeUndefined();
		const request = fake.last('POST', '/api/v1/oauth/token');
		expect(request.headers.authorization).toBeUndefined();
		expect(request.json).toEqual({
			grant_type: 'password',
			client_id: 'api',
			client_secret: 'secret',
			username: 'ana@example.com',
			password: 's3nh@-forte',
		});
		expect(result.items[0].json).toMatchObject({
			token_type: 'Bearer',
			access_token: expect.stringMatching(/^oauth-/),
		});
		expect(JSON.stringify(result.items)).not.toContain('s3nh@-forte');
	});

	it('reports a wrong password without repeating the password', async () => {
		actionsOf(fake).oauthUsers.set('ana@example.com', 'right');
		fake.failNext({
			status: 401,
			body: {
				error: 'HttpError',
				message: 'Invalid credentials for password wrong-pass-123',
				status: 401,
			},
		});
		const result = await run({
			resource: 'account',
			operation: 'getAccessToken',
			username: 'ana@example.com',
			password: 'wrong-pass-123',
		});
		expect(result.error?.httpCode).toBe('401');
		expect(`${result.error?.message} ${result.error?.description}`).not.toContain('wrong-pass-123');
		expect(result.error?.message).toBe('Invalid credentials for password ***');
	});
});
