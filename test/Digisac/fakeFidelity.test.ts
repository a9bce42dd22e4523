/**
 * The Digisac fake against the recorded traffic (test/fixtures/digisac): a test that passes against
 * the fake says something about the real API only where the fake answers as Digisac does.
 */
import { readFileSync } from 'fs';
import { join } from 'path';

import type { IDataObject } from 'n8n-workflow';

import { iLike } from '../fakes/digisac';
import { actionsOf } from '../fakes/digisac/actions';

import { useDigisac } from './harness';

const { fake } = useDigisac();

function recorded(name: string): IDataObject {
	const path = join(__dirname, '..', 'fixtures', 'digisac', name);
	return JSON.parse(readFileSync(path, 'utf8')) as IDataObject;
}

async function call(method: string, path: string, body?: unknown) {
	const response = await fetch(`${fake.url}${path}`, {
		method,
		headers: { authorization: `Bearer ${fake.token}`, 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	return { status: response.status, body: (text ? JSON.parse(text) : undefined) as IDataObject };
}

const keys = (object: IDataObject) => Object.keys(object).sort();
const service = () => fake.state.services[0].id;

describe('send answers', () => {
	it('a text send answers the fields of the recorded answer, dontOpenTicket only when sent', async () => {
		const [contact] = fake.addContacts(1);
		const plain = await call('POST', '/api/v1/messages', { contactId: contact.id, text: 'Hello' });
		const real = recorded('send-message-chat-200.json');
		expect(keys(plain.body)).toEqual(keys(real));
		expect(keys(plain.body.data as IDataObject)).toEqual(keys(real.data as IDataObject));

		const quiet = await call('POST', '/api/v1/messages', {
			contactId: contact.id,
			text: 'Hello',
			dontOpenTicket: true,
		});
		const realQuiet = recorded('send-message-dontopenticket-200.json');
		expect(keys(quiet.body.data as IDataObject)).toEqual(keys(realQuiet.data as IDataObject));
		expect(quiet.body.ticketId).toBeNull();
	});

	it('a file send without type is typed by the server, with the fields of the recorded answer', async () => {
		const [contact] = fake.addContacts(1);
		const file = { base64: 'iVBORw0KGgo=', mimetype: 'image/png', name: 'a.png' };
		const sent = await call('POST', '/api/v1/messages', {
			contactId: contact.id,
			text: 'Hello',
			dontOpenTicket: true,
			file,
		});
		const real = recorded('send-message-image-dontopenticket-200.json');
		expect(sent.body.type).toBe('image');
		expect(keys(sent.body)).toEqual(keys(real));
		expect(keys(sent.body.data as IDataObject)).toEqual(keys(real.data as IDataObject));
	});

	it('type "chat" with a file (unrecorded) plays both outcomes', async () => {
		const [contact] = fake.addContacts(1);
		const body = {
			contactId: contact.id,
			type: 'chat',
			text: 'x',
			file: { base64: 'JVBERg==', mimetype: 'application/pdf', name: 'a.pdf' },
		};
		expect((await call('POST', '/api/v1/messages', body)).body.type).toBe('chat');
		fake.chatWithFile = 'retype';
		expect((await call('POST', '/api/v1/messages', body)).body.type).toBe('document');
	});
});

describe('lists', () => {
	it('answers the recorded envelope, `to` being skip + limit', async () => {
		fake.addContacts(8);
		const { body } = await call('GET', '/api/v1/contacts');
		const real = recorded('list-contacts-by-number-200.json');
		expect(keys(body)).toEqual(keys(real));
		expect(body).toMatchObject({ total: 8, limit: 15, skip: 0, from: 0, to: 15, lastPage: 1 });
	});
});

describe('contacts', () => {
	it('stores a Brazilian mobile the way WhatsApp knows it, and upserts by the stored number', async () => {
		const created = await call('POST', '/api/v1/contacts', {
			number: '5541990333696',
			serviceId: service(),
			internalName: '41990333696',
		});
		expect(created.body.data).toEqual({ valid: true, number: '554190333696', webchat: {} });
		const again = await call('POST', '/api/v1/contacts', {
			number: '554190333696',
			serviceId: service(),
		});
		expect(again.body.id).toBe(created.body.id);
		// Area codes 11 to 28 keep the 9th digit (GUESS beyond the recorded area code 41).
		const saoPaulo = await call('POST', '/api/v1/contacts', {
			number: '5511987654321',
			serviceId: service(),
		});
		expect((saoPaulo.body.data as IDataObject).number).toBe('5511987654321');
	});

	it('creates a number WhatsApp does not know with HTTP 200 and valid: false, as sent', async () => {
		fake.invalidNumbers.add('5599999999999');
		const created = await call('POST', '/api/v1/contacts', {
			number: '5599999999999',
			serviceId: service(),
		});
		expect(created.status).toBe(200);
		expect(created.body.data).toMatchObject({ valid: false, number: '5599999999999' });
	});

	it.each([
		['500-deleted', false],
		['500-kept', true],
	] as const)('answers a delete with the recorded 500 (%s)', async (mode, kept) => {
		actionsOf(fake).contactDelete = mode;
		const [contact] = fake.addContacts(1);
		const deleted = await call('DELETE', `/api/v1/contacts/${contact.id}`);
		expect(deleted.status).toBe(500);
		expect(deleted.body).toEqual(recorded('delete-contact-500.json'));
		expect(fake.state.contacts.some((c) => c.id === contact.id)).toBe(kept);
	});
});

describe('webhooks', () => {
	it('has no DELETE for webhooks unless a test plays an account that has one', async () => {
		const hook = await call('POST', '/api/v1/me/webhooks', {
			url: 'https://n8n.example/webhook',
			events: ['message.created'],
		});
		expect((await call('DELETE', `/api/v1/me/webhooks/${String(hook.body.id)}`)).status).toBe(404);
		fake.webhookDelete = 'supported';
		expect((await call('DELETE', `/api/v1/me/webhooks/${String(hook.body.id)}`)).status).toBe(200);
	});
});

describe('$iLike is a plain SQL ILIKE', () => {
	it.each([
		['João Santos', '%joão%', true],
		['João Santos', '%JOÃO%', true],
		['João Santos', '%joao%', false],
		['João Santos', '%jo_o%', true],
		['João Santos', 'jo_o', false],
		['100% certo', '%100\\%%', true],
		['1000 certo', '%100\\%%', false],
		['a_b', '%a\\_b%', true],
		['axb', '%a\\_b%', false],
		['linha 1\nlinha 2', '%1_linha%', true],
	])('%j ILIKE %j is %s', (value, pattern, expected) => {
		expect(iLike(value, pattern)).toBe(expected);
	});
});
