import type { IDataObject } from 'n8n-workflow';

import { MAX_SEEN, OVERLAP_MS } from '../../nodes/TomTicket/trigger/poll';
import { parseTomTicketDate, tomTicketDate } from '../fakes/tomticket';
import type { TomTicketTicket } from '../fakes/tomticket';

import { useTomTicket } from './harness';

const { fake, poll } = useTomTicket();

function ago(ms: number): string {
	return tomTicketDate(new Date(Date.now() - ms));
}

function at(ms: number): string {
	return tomTicketDate(new Date(ms));
}

const created = { event: 'ticketCreated', departmentIds: [], situations: [], options: {} };
const updated = { event: 'ticketUpdated', departmentIds: [], situations: [], options: {} };

function ids(result: Awaited<ReturnType<typeof poll>>): string[] {
	return (result.items?.[0] ?? []).map((item) => String(item.json.id));
}

function state(staticData: IDataObject) {
	return staticData['node:TomTicket Trigger'] as IDataObject & {
		tomTicketPoll: { cursor: number; seen: Record<string, number>; configKey: string };
	};
}

describe('TomTicket Trigger: new tickets', () => {
	it('does not emit existing tickets on the first poll, then emits each new ticket once', async () => {
		fake.addTickets(3, { creation_date: ago(2 * 86_400_000), last_update: ago(2 * 86_400_000) });
		fake.addTickets(1, { creation_date: ago(60_000), last_update: ago(60_000) });
		const staticData: IDataObject = {};

		const first = await poll(created, staticData);
		expect(first.items).toBeNull();
		const windowStart = parseTomTicketDate(
			String(fake.last('GET', '/ticket/list').query.creation_date_ge),
		);
		expect(Math.abs(windowStart - (Date.now() - OVERLAP_MS))).toBeLessThan(5_000);
		expect(fake.last('GET', '/ticket/list').query.creation_date_ge).toMatch(
			/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}-0300$/,
		);

		const [fresh] = fake.addTickets(1);
		const second = await poll(created, staticData);
		expect(ids(second)).toEqual([fresh.id]);
		expect(second.items?.[0][0].json).toMatchObject({
			protocol: fresh.protocol,
			subject: fresh.subject,
		});

		const third = await poll(created, staticData);
		expect(third.items).toBeNull();
	});

	it("lists from the previous poll's start minus the overlap, so a late-indexed ticket is still emitted", async () => {
		const staticData: IDataObject = {};
		await poll(created, staticData);
		const cursor = state(staticData).tomTicketPoll.cursor;
		// Created 2 minutes before that poll, but not yet in TomTicket's list when it ran.
		const [late] = fake.addTickets(1, {
			creation_date: at(cursor - 120_000),
			last_update: at(cursor - 120_000),
		});
		const result = await poll(created, staticData);
		expect(ids(result)).toEqual([late.id]);
		expect(
			parseTomTicketDate(String(fake.last('GET', '/ticket/list').query.creation_date_ge)),
		).toBe(Math.floor((cursor - OVERLAP_MS) / 1000) * 1000);
	});

	it('pages through a burst of 120 new tickets and emits them oldest first', async () => {
		const staticData: IDataObject = {};
		await poll(created, staticData);
		const burst = fake.addTickets(120);
		fake.reset();
		const result = await poll(created, staticData);
		expect(fake.requests.map((r) => r.query.page)).toEqual(['1', '2', '3']);
		expect(ids(result)).toEqual(burst.map((t) => t.id));
		expect((await poll(created, staticData)).items).toBeNull();
	});

	it('filters by one department in the API, by several locally, and by situation', async () => {
		fake.state.departments.push({
			id: 'dep-ti',
			name: 'TI',
			categories: [],
			operators: [],
			customFields: [],
		});
		const staticData: IDataObject = {};
		const filters = { ...created, departmentIds: ['dep-suporte', 'dep-ti'], situations: [1, 3] };
		await poll(filters, staticData);
		expect(fake.last('GET', '/ticket/list').query.department_id).toBeUndefined();
		expect(fake.last('GET', '/ticket/list').query.situation).toBe('1,3');
		const [suporte] = fake.addTickets(1, {
			departmentId: 'dep-suporte',
		} as Partial<TomTicketTicket>);
		fake.addTickets(1, { departmentId: 'dep-comercial' } as Partial<TomTicketTicket>);
		const [ti] = fake.addTickets(1, { departmentId: 'dep-ti' } as Partial<TomTicketTicket>);
		const [finished] = fake.addTickets(1, { departmentId: 'dep-ti' } as Partial<TomTicketTicket>);
		finished.situation = { id: 5, apply_date: finished.creation_date, description: 'Finalizado' };
		expect(ids(await poll(filters, staticData))).toEqual([suporte.id, ti.id]);

		const single: IDataObject = {};
		await poll({ ...created, departmentIds: ['dep-comercial'] }, single);
		expect(fake.last('GET', '/ticket/list').query.department_id).toBe('dep-comercial');
	});

	it('includes replies and custom fields when asked, keeping the list data of a ticket deleted meanwhile', async () => {
		const staticData: IDataObject = {};
		const withDetails = { ...created, options: { includeDetails: true } };
		await poll(withDetails, staticData);
		const [kept, deleted] = fake.addTickets(2);
		kept.replies.push({
			id: 'r1',
			message: 'Oi',
			sender: 'Maria',
			sender_type: 'C',
			date: kept.creation_date,
			attachments: [],
		});
		fake.failNext(
			{ status: 404, body: { error: true, message: 'Chamado não encontrado.', success: false } },
			1,
			(r) => r.path === '/ticket/detail' && r.query.ticket_id === deleted.id,
		);
		const result = await poll(withDetails, staticData);
		expect(ids(result)).toEqual([kept.id, deleted.id]);
		expect(result.items?.[0][0].json.replies).toHaveLength(1);
		expect(result.items?.[0][1].json.replies).toBeUndefined();
		expect(fake.handled('GET', '/ticket/detail').map((r) => r.query.ticket_id)).toEqual([kept.id]);
	});
});

describe('TomTicket Trigger: updated tickets', () => {
	it('emits each change of a ticket once, using last_update_ge', async () => {
		const [ticket] = fake.addTickets(1, {
			creation_date: ago(86_400_000),
			last_update: ago(86_400_000),
		});
		const staticData: IDataObject = {};
		expect((await poll(updated, staticData)).items).toBeNull();
		expect(fake.last('GET', '/ticket/list').query.last_update_ge).toMatch(/-0300$/);

		ticket.last_update = ago(1_000);
		expect(ids(await poll(updated, staticData))).toEqual([ticket.id]);
		expect((await poll(updated, staticData)).items).toBeNull();

		ticket.last_update = tomTicketDate(new Date(Date.now() + 2_000));
		const again = await poll(updated, staticData);
		expect(ids(again)).toEqual([ticket.id]);
		expect(again.items?.[0][0].json.last_update).toBe(ticket.last_update);
		expect((await poll(updated, staticData)).items).toBeNull();
	});

	it('starts over without a flood when the event or filters change', async () => {
		const staticData: IDataObject = {};
		await poll(created, staticData);
		fake.addTickets(2);
		const switched = await poll(updated, staticData);
		expect(switched.items).toBeNull();
		expect(JSON.parse(state(staticData).tomTicketPoll.configKey)[0]).toBe('ticketUpdated');
		const [next] = fake.addTickets(1, { last_update: tomTicketDate(new Date(Date.now() + 1_000)) });
		expect(ids(await poll(updated, staticData))).toEqual([next.id]);
	});

	it('never asks for more than 90 days back, which TomTicket refuses', async () => {
		const staticData: IDataObject = {};
		await poll(updated, staticData);
		state(staticData).tomTicketPoll.cursor = Date.now() - 100 * 86_400_000;
		const [changed] = fake.addTickets(1, { last_update: ago(80 * 86_400_000) });
		const result = await poll(updated, staticData);
		expect(ids(result)).toEqual([changed.id]);
		const since = parseTomTicketDate(String(fake.last('GET', '/ticket/list').query.last_update_ge));
		expect(since).toBeGreaterThan(Date.now() - 90 * 86_400_000);
	});

	it('the fake refuses a last_update_ge older than 90 days, as TomTicket does', async () => {
		const response = await fetch(
			`${fake.url}/ticket/list?last_update_ge=${encodeURIComponent(ago(91 * 86_400_000).replace(/-03$/, '-0300'))}`,
			{
				headers: { authorization: `Bearer ${fake.token}` },
			},
		);
		const body = (await response.json()) as IDataObject;
		expect(body).toMatchObject({ error: true, success: false });
		expect(String(body.message)).toMatch(/90 dias/);
	});

	it('forgets what the next poll cannot list again, keeping its memory bounded', async () => {
		const staticData: IDataObject = {};
		await poll(updated, staticData);
		// As if the previous poll ran two hours ago: a change from an hour ago is in the window.
		state(staticData).tomTicketPoll.cursor = Date.now() - 2 * 3_600_000;
		const [old] = fake.addTickets(1, { last_update: ago(3_600_000) });
		const [recent] = fake.addTickets(1, { last_update: ago(1_000) });
		expect(ids(await poll(updated, staticData)).sort()).toEqual([old.id, recent.id].sort());
		const seen = Object.keys(state(staticData).tomTicketPoll.seen);
		expect(seen).toEqual([`${recent.id}|${recent.last_update}`]);
		expect((await poll(updated, staticData)).items).toBeNull();
	});

	it(`remembers at most ${MAX_SEEN} tickets`, async () => {
		fake.addTickets(MAX_SEEN + 20);
		const staticData: IDataObject = {};
		expect((await poll(updated, staticData)).items).toBeNull();
		expect(Object.keys(state(staticData).tomTicketPoll.seen)).toHaveLength(MAX_SEEN);
	}, 60_000);

	it('repeats a failed poll in full: nothing is lost, nothing is saved half-way', async () => {
		const staticData: IDataObject = {};
		await poll(updated, staticData);
		const before = JSON.stringify(staticData);
		const burst = fake.addTickets(70, { last_update: tomTicketDate(new Date(Date.now() + 1_000)) });
		fake.failNext(
			{ status: 500, body: { error: true, message: 'Erro interno', success: false } },
			1,
			(r) => r.query.page === '2',
		);
		await expect(poll(updated, staticData)).rejects.toThrow('Erro interno');
		expect(JSON.stringify(staticData)).toBe(before);
		const retried = await poll(updated, staticData);
		expect(ids(retried).sort()).toEqual(burst.map((t) => t.id).sort());
	});
});

describe('TomTicket Trigger: manual test', () => {
	it("returns the most recent matching ticket without touching the trigger's state", async () => {
		const tickets = fake.addTickets(3, {
			departmentId: 'dep-comercial',
		} as Partial<TomTicketTicket>);
		fake.addTickets(1, { departmentId: 'dep-suporte' } as Partial<TomTicketTicket>);
		tickets[0].creation_date = ago(10_000);
		tickets[1].creation_date = ago(5_000);
		tickets[2].creation_date = ago(20_000);
		const staticData: IDataObject = {};
		const result = await poll(
			{ ...created, departmentIds: ['dep-comercial'] },
			staticData,
			'manual',
		);
		expect(ids(result)).toEqual([tickets[1].id]);
		expect(staticData).toEqual({});
	});

	it('looks on the next pages when the newest page has no match (departments filtered locally)', async () => {
		fake.state.departments.push({
			id: 'dep-ti',
			name: 'TI',
			categories: [],
			operators: [],
			customFields: [],
		});
		const [older] = fake.addTickets(1, { departmentId: 'dep-suporte' } as Partial<TomTicketTicket>);
		fake.addTickets(60, { departmentId: 'dep-comercial' } as Partial<TomTicketTicket>);
		const result = await poll(
			{ ...created, departmentIds: ['dep-suporte', 'dep-ti'] },
			{},
			'manual',
		);
		expect(ids(result)).toEqual([older.id]);
		expect(fake.requests.map((r) => r.query.page)).toEqual(['1', '2']);
	});

	it('says clearly that there is nothing to show when no ticket matches', async () => {
		fake.addTickets(2, { departmentId: 'dep-suporte' } as Partial<TomTicketTicket>);
		await expect(
			poll({ ...created, departmentIds: ['dep-comercial'] }, {}, 'manual'),
		).rejects.toThrow('No TomTicket ticket matches this trigger yet');
	});
});
