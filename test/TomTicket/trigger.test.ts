import type { IDataObject } from 'n8n-workflow';

import { MAX_REMEMBERED, OVERLAP_MS, pollLimits } from '../../nodes/TomTicket/trigger/poll';
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
		tomTicketPoll: { cursor: number; remembered: string; configKey: string };
	};
}

/** The remembered tickets, as saved: 8 characters each. */
function memory(staticData: IDataObject): string {
	return state(staticData).tomTicketPoll.remembered;
}

/** The cap of the previous version, which evicted tickets still inside the next window. */
const LEGACY_CAP = 5_000;

describe('TomTicket Trigger: new tickets', () => {
	it('does not emit existing tickets on the first poll, then emits each new ticket once', async () => {
		fake.addTickets(3, { creation_date: ago(2 * 86_400_000) });
		fake.addTickets(1, { creation_date: ago(60_000) });
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
		const [late] = fake.addTickets(1, { creation_date: at(cursor - 120_000) });
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
	/** A ticket opened a day ago and untouched since: outside every poll's window. */
	function dayOldTicket(): TomTicketTicket {
		return fake.addTickets(1, { creation_date: ago(86_400_000) })[0];
	}

	it('emits the first and the second change of a ticket, and nothing without a change', async () => {
		const ticket = dayOldTicket();
		const staticData: IDataObject = {};
		expect((await poll(updated, staticData)).items).toBeNull();
		expect(fake.last('GET', '/ticket/list').query.last_update_ge).toMatch(/-0300$/);

		fake.updateTicket(ticket, { operator: { id: 'op-ana', name: 'Ana Souza' } });
		const first = await poll(updated, staticData);
		expect(ids(first)).toEqual([ticket.id]);
		// What TomTicket's list items carry, and nothing it does not send.
		expect(first.items?.[0][0].json).not.toHaveProperty('last_update');
		expect(first.items?.[0][0].json.operator).toEqual({ id: 'op-ana', name: 'Ana Souza' });
		expect((await poll(updated, staticData)).items).toBeNull();

		fake.updateTicket(ticket, { situationId: 2 }, new Date(Date.now() + 1_000));
		const second = await poll(updated, staticData);
		expect(ids(second)).toEqual([ticket.id]);
		expect(second.items?.[0][0].json.situation).toMatchObject({ id: 2 });
		expect((await poll(updated, staticData)).items).toBeNull();
	});

	it('sees the changes made through the API: reply, transfer, finish', async () => {
		const ticket = dayOldTicket();
		const staticData: IDataObject = {};
		await poll(updated, staticData);
		fake.updateTicket(ticket, { operator: { id: 'op-ana', name: 'Ana Souza' } });
		expect(ids(await poll(updated, staticData))).toEqual([ticket.id]);

		const post = async (path: string, fields: Record<string, string>) => {
			const form = new FormData();
			for (const [name, value] of Object.entries(fields)) form.append(name, value);
			const response = await fetch(`${fake.url}${path}`, {
				method: 'POST',
				headers: { authorization: `Bearer ${fake.token}` },
				body: form,
			});
			expect(await response.json()).toMatchObject({ error: false });
		};
		await post('/ticket/reply/operator', { ticket_id: ticket.id, message: 'Olá!' });
		const replied = await poll(updated, staticData);
		expect(ids(replied)).toEqual([ticket.id]);
		expect(replied.items?.[0][0].json.first_reply_date).toEqual(expect.any(String));

		await post('/ticket/transfer', { ticket_id: ticket.id, department_id: 'dep-comercial' });
		expect(ids(await poll(updated, staticData))).toEqual([ticket.id]);
		await post('/ticket/finish', { ticket_id: ticket.id, message: 'Resolvido.' });
		const finished = await poll(updated, staticData);
		expect(ids(finished)).toEqual([ticket.id]);
		expect(finished.items?.[0][0].json.end_date).toEqual(expect.any(String));
		expect((await poll(updated, staticData)).items).toBeNull();
	});

	it('emits a change the list cannot show (a comment) once the earlier change has left the window', async () => {
		const ticket = dayOldTicket();
		const staticData: IDataObject = {};
		await poll(updated, staticData);
		fake.updateTicket(ticket, { operator: { id: 'op-ana', name: 'Ana Souza' } });
		expect(ids(await poll(updated, staticData))).toEqual([ticket.id]);

		// Within the window of that change, a comment changes nothing a list item carries: TomTicket
		// gives nothing to tell it from the change already emitted (README, Known limits).
		fake.updateTicket(ticket);
		expect((await poll(updated, staticData)).items).toBeNull();

		// Later, as if the previous poll ran well after that change: the ticket is out of the window,
		// so it is forgotten, and a comment made after that brings it back.
		state(staticData).tomTicketPoll.cursor = Date.now() + OVERLAP_MS + 60_000;
		expect((await poll(updated, staticData)).items).toBeNull();
		fake.updateTicket(ticket);
		expect(ids(await poll(updated, staticData))).toEqual([ticket.id]);
	});

	it('emits changes oldest first, by the latest date each ticket carries', async () => {
		const [a, b, c] = [dayOldTicket(), dayOldTicket(), dayOldTicket()];
		const staticData: IDataObject = {};
		await poll(updated, staticData);
		fake.updateTicket(b, { situationId: 2 }, new Date(Date.now() - 3_000));
		fake.updateTicket(c, { situationId: 3 }, new Date(Date.now() - 2_000));
		fake.updateTicket(a, { situationId: 2 }, new Date(Date.now() - 1_000));
		expect(ids(await poll(updated, staticData))).toEqual([b.id, c.id, a.id]);
	});

	it('starts over without a flood when the event or filters change', async () => {
		const staticData: IDataObject = {};
		await poll(created, staticData);
		fake.addTickets(2);
		const switched = await poll(updated, staticData);
		expect(switched.items).toBeNull();
		expect(JSON.parse(state(staticData).tomTicketPoll.configKey)[0]).toBe('ticketUpdated');
		const [next] = fake.addTickets(1);
		expect(ids(await poll(updated, staticData))).toEqual([next.id]);
	});

	it('never asks for more than 90 days back, which TomTicket refuses', async () => {
		const staticData: IDataObject = {};
		await poll(updated, staticData);
		state(staticData).tomTicketPoll.cursor = Date.now() - 100 * 86_400_000;
		const [changed] = fake.addTickets(1, {
			creation_date: ago(95 * 86_400_000),
			updatedAt: ago(80 * 86_400_000),
		});
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

	it('remembers only the tickets of the last window', async () => {
		const staticData: IDataObject = {};
		await poll(updated, staticData);
		// As if the previous poll ran two hours ago: a change from an hour ago is in the window.
		state(staticData).tomTicketPoll.cursor = Date.now() - 2 * 3_600_000;
		const [old] = fake.addTickets(1, { creation_date: ago(3_600_000) });
		const [recent] = fake.addTickets(1, { creation_date: ago(1_000) });
		expect(ids(await poll(updated, staticData)).sort()).toEqual([old.id, recent.id].sort());
		expect(memory(staticData)).toHaveLength(2 * 8);
		// The next window starts 5 minutes before that poll: only the recent change is in it, and
		// the old one, which no later poll can list unless it changes again, is forgotten.
		expect((await poll(updated, staticData)).items).toBeNull();
		expect(memory(staticData)).toHaveLength(8);
	});

	it(`does not emit again when more than ${LEGACY_CAP} tickets change within one window`, async () => {
		const count = LEGACY_CAP + 100;
		const tickets = fake.addTickets(count, { creation_date: ago(86_400_000) });
		const staticData: IDataObject = {};
		expect((await poll(updated, staticData)).items).toBeNull();
		const now = new Date();
		for (const ticket of tickets) fake.updateTicket(ticket, { situationId: 2 }, now);

		const changed = await poll(updated, staticData);
		expect(changed.items?.[0]).toHaveLength(count);
		expect(new Set(ids(changed)).size).toBe(count);
		const bytesPerTicket = JSON.stringify(state(staticData)).length / count;

		expect((await poll(updated, staticData)).items).toBeNull();
		expect((await poll(updated, staticData)).items).toBeNull();
		// A digest of 8 characters per ticket (the previous version saved about 72).
		expect(bytesPerTicket).toBeLessThanOrEqual(8.1);
	}, 120_000);

	it(`keeps at most ${MAX_REMEMBERED} tickets, dropping those whose dates are oldest`, async () => {
		const saved = pollLimits.maxRemembered;
		pollLimits.maxRemembered = 50;
		try {
			const staticData: IDataObject = {};
			await poll(updated, staticData);
			const tickets = fake.addTickets(60, { creation_date: ago(86_400_000) });
			tickets.forEach((ticket, k) =>
				fake.updateTicket(ticket, { situationId: 2 }, new Date(Date.now() - 120_000 + k * 1_000)),
			);
			expect(ids(await poll(updated, staticData))).toHaveLength(60);
			expect(memory(staticData)).toHaveLength(50 * 8);
			// The 10 dropped are the oldest changes: only they may come back.
			const again = await poll(updated, staticData);
			expect(ids(again)).toEqual(tickets.slice(0, 10).map((t) => t.id));
		} finally {
			pollLimits.maxRemembered = saved;
		}
	});

	it('takes over the memory of the previous version without emitting its tickets again', async () => {
		const [emitted, other] = [dayOldTicket(), dayOldTicket()];
		fake.updateTicket(emitted, { situationId: 2 });
		fake.updateTicket(other, { situationId: 3 });
		// What the previous version saved: `<id>|<last_update>` keys, and TomTicket sends no
		// last_update, so they held the id alone.
		const staticData: IDataObject = {
			'node:TomTicket Trigger': {
				tomTicketPoll: {
					configKey: JSON.stringify(['ticketUpdated', [], []]),
					cursor: Date.now() - 60_000,
					seen: { [`${emitted.id}|`]: Date.now() - 60_000 },
				},
			},
		};
		expect(ids(await poll(updated, staticData))).toEqual([other.id]);
		expect(state(staticData).tomTicketPoll).not.toHaveProperty('seen');
		expect((await poll(updated, staticData)).items).toBeNull();
	});

	it('repeats a failed poll in full: nothing is lost, nothing is saved half-way', async () => {
		const staticData: IDataObject = {};
		await poll(updated, staticData);
		const before = JSON.stringify(staticData);
		const burst = fake.addTickets(70);
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
