/**
 * What the user is told after a failure that leaves open whether the platform acted: a send is
 * never repeated, and the message says it may have gone through; a DELETE that is repeated after
 * such a failure and then finds nothing to delete reports the record deleted, since it is gone.
 */
import type { INodeParameters } from 'n8n-workflow';

import { byId } from '../harness';
import { useFakes } from '../reliability/support';

const fakes = useFakes();

const sendText = (phone: string): INodeParameters => ({
	resource: 'message',
	operation: 'sendText',
	phone: byId(phone),
	message: 'Seu boleto vence amanhã',
});

describe('a send answered 502 or 504 by a gateway', () => {
	it.each(['502', '504'])(
		'PlugChat Send Text: one POST, and a message that it may have been sent (%s)',
		async (status) => {
			fakes.plugChat.failNext(
				status === '502'
					? '502-after'
					: {
							status: 504,
							raw: '<html><head><title>504 Gateway Time-out</title></head></html>',
							headers: { 'content-type': 'text/html' },
						},
			);
			const run = await fakes.run('plugChat', sendText('5511987654321'));
			expect(fakes.plugChat.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
			expect(run.error?.httpCode).toBe(status);
			expect(run.error?.description).toMatch(/may have been processed.*not sent again/);
		},
	);

	it('Digisac Send: the same', async () => {
		const [contact] = fakes.digisac.addContacts(1);
		fakes.digisac.failNext('502-after', 1, (r) => r.method === 'POST');
		const run = await fakes.run('digisac', {
			resource: 'message',
			operation: 'send',
			sendTo: 'contact',
			contactId: byId(contact.id),
			text: 'Olá',
		});
		expect(fakes.digisac.handled('POST', '/api/v1/messages')).toHaveLength(1);
		expect(run.error?.description).toMatch(/may have been processed.*not sent again/);
	});

	it('a read answered 502 says nothing of the kind (it is simply retried)', async () => {
		fakes.digisac.failNext('502', 10);
		const run = await fakes.run('digisac', {
			resource: 'tag',
			operation: 'getAll',
			returnAll: true,
		});
		expect(run.error?.description ?? '').not.toMatch(/may have been processed/);
	});
});

describe('a DELETE whose first attempt may have gone through', () => {
	it('Digisac Contact → Delete: connection dropped after the delete, 404 on the retry → deleted', async () => {
		const [contact] = fakes.digisac.addContacts(1);
		fakes.digisac.failNext('drop-after', 1, (r) => r.method === 'DELETE');
		const run = await fakes.run('digisac', {
			resource: 'contact',
			operation: 'delete',
			contactId: byId(contact.id),
		});
		expect(
			fakes.digisac.requests.filter((r) => r.method === 'DELETE').map((r) => r.status ?? r.fault),
		).toEqual(['drop-after', 404]);
		expect(fakes.digisac.state.contacts.find((c) => c.id === contact.id)).toBeUndefined();
		expect(run.error).toBeUndefined();
		expect(run.items[0].json).toMatchObject({ deleted: true, id: contact.id });
	});

	it('Digisac Tag → Delete after a 502 that came after the delete → deleted', async () => {
		const tag = fakes.digisac.state.tags[0];
		fakes.digisac.failNext('502-after', 1, (r) => r.method === 'DELETE');
		const run = await fakes.run('digisac', { resource: 'tag', operation: 'delete', tagId: tag.id });
		expect(run.error).toBeUndefined();
		expect(run.items[0].json).toMatchObject({ deleted: true });
	});

	it('a 404 without an earlier ambiguous attempt is still "not found"', async () => {
		const run = await fakes.run('digisac', {
			resource: 'contact',
			operation: 'delete',
			contactId: byId('7a1e2b1c-0000-4000-8000-00000000dead'),
		});
		expect(run.error?.httpCode).toBe('404');
	});

	it('a 404 after a 429 (refused, so not processed) is still "not found"', async () => {
		fakes.digisac.failNext('429', 1, (r) => r.method === 'DELETE');
		const run = await fakes.run('digisac', {
			resource: 'contact',
			operation: 'delete',
			contactId: byId('7a1e2b1c-0000-4000-8000-00000000dead'),
		});
		expect(run.error?.httpCode).toBe('404');
	});
});
