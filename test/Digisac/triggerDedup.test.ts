import type { IDataObject } from 'n8n-workflow';

import {
	MAX_REMEMBERED,
	memoryOf,
	seenWithin,
	toStaticData,
} from '../../nodes/Digisac/trigger/dedup';
import type { NodeSetup } from '../harness';
import { deliverWebhook, runWebhookMethod } from '../harness';

import { nodeState, secretQuery, triggerSetup, useDigisacTrigger } from './harness';

const { fake } = useDigisacTrigger();
type Setup = NodeSetup & { staticData: IDataObject };

async function activeTrigger(): Promise<Setup> {
	const setup = triggerSetup(fake);
	await runWebhookMethod(setup, 'create');
	return setup;
}

/** A delivery as Digisac sends it (built directly: a thousand of them go through webhook()). */
async function deliver(setup: Setup, id: string) {
	const body = {
		event: 'message.created',
		data: { id, contactId: 'c-1', fromId: 'c-1', type: 'chat', text: 'oi', isFromMe: false },
		webhookId: nodeState(setup).digisacWebhookId,
		timestamp: new Date().toISOString(),
	};
	const result = await deliverWebhook(setup, { body, query: secretQuery(setup) });
	return result.response.workflowData ? 'started' : 'ignored';
}

const staticBytes = (setup: Setup) => JSON.stringify(setup.staticData).length;

describe('de-duplication', () => {
	it('catches a repeat within the window after 1,000 other deliveries', async () => {
		const setup = await activeTrigger();
		expect(await deliver(setup, 'first')).toBe('started');
		for (let i = 0; i < 1000; i++) await deliver(setup, `other-${i}`);
		expect(await deliver(setup, 'first')).toBe('ignored');
	}, 60_000);

	it('keeps a 4 MB id at the size of any other', async () => {
		const setup = await activeTrigger();
		const before = staticBytes(setup);
		expect(await deliver(setup, 'x'.repeat(4 * 1024 * 1024))).toBe('started');
		expect(staticBytes(setup) - before).toBeLessThan(80);
		expect(await deliver(setup, 'x'.repeat(4 * 1024 * 1024))).toBe('ignored');
	});

	it('forgets a delivery once it is out of the window', async () => {
		const setup = await activeTrigger();
		const now = Date.now();
		const clock = jest.spyOn(Date, 'now').mockReturnValue(now);
		try {
			expect(await deliver(setup, 'late')).toBe('started');
			clock.mockReturnValue(now + 9 * 60_000);
			expect(await deliver(setup, 'late')).toBe('ignored');
			clock.mockReturnValue(now + 11 * 60_000);
			expect(await deliver(setup, 'late')).toBe('started');
		} finally {
			clock.mockRestore();
		}
	});

	it('writes 12 bytes of static data per remembered delivery (measured)', () => {
		let memory = memoryOf(undefined);
		const start = 1_760_000_000_000;
		const sizes: number[] = [];
		for (let i = 0; i < 1000; i++) {
			const result = seenWithin(memory, `message.created:${i}`, start + i * 500, 10 * 60_000);
			expect(result.seen).toBe(false);
			memory = result.memory;
			sizes.push(JSON.stringify(toStaticData(memory)).length);
		}
		// What n8n writes after each delivery is the whole memory: 12 bytes a delivery in the window.
		expect(sizes[999] - sizes[998]).toBe(12);
		expect(sizes[149]).toBeLessThanOrEqual(2048);
		expect(sizes[999]).toBeLessThan(12_100);
		expect(seenWithin(memory, 'message.created:0', start + 999 * 500, 10 * 60_000).seen).toBe(true);
		expect(MAX_REMEMBERED * 12).toBeLessThanOrEqual(600_000);
	});

	it('catches a repeat in the same process when n8n did not save the static data', async () => {
		// n8n 2.x drops what webhook() changed in static data when n8n answers the request itself
		// (dedup.ts says why): the next delivery sees the static data as it was before.
		const setup = await activeTrigger();
		const before = JSON.parse(JSON.stringify(setup.staticData)) as IDataObject;
		expect(await deliver(setup, 'resent')).toBe('started');
		for (const key of Object.keys(setup.staticData)) delete setup.staticData[key];
		Object.assign(setup.staticData, JSON.parse(JSON.stringify(before)) as IDataObject);
		expect(await deliver(setup, 'resent')).toBe('ignored');
		expect(await deliver(setup, 'another')).toBe('started');
	});

	it('converts the old key → time memory, so a delivery re-sent across an upgrade is caught', async () => {
		const setup = await activeTrigger();
		const now = Date.now();
		nodeState(setup).recentDeliveries = {
			'message.created:before-upgrade': now - 60_000,
			'message.created:long-ago': now - 11 * 60_000,
		};
		expect(await deliver(setup, 'before-upgrade')).toBe('ignored');
		expect(await deliver(setup, 'long-ago')).toBe('started');
		const converted = memoryOf({
			'message.created:a': now - 2000,
			'message.updated:b:2026-01-01T00:00:00.000Z': now - 1000,
			odd: 'not a time',
		});
		expect(converted.entries).toHaveLength(24);
		expect(seenWithin(converted, 'message.created:a', now, 600_000).seen).toBe(true);
		expect(
			seenWithin(converted, 'message.updated:b:2026-01-01T00:00:00.000Z', now, 600_000).seen,
		).toBe(true);
		expect(seenWithin(converted, 'message.created:c', now, 600_000).seen).toBe(false);
		expect(memoryOf({ base: 'x', entries: 3 })).toEqual({ base: 0, entries: '' });
	});
});
