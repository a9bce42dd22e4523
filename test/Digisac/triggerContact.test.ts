import { readFileSync } from 'fs';
import { join } from 'path';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { NodeSetup } from '../harness';
import { deliverWebhook, runWebhookMethod } from '../harness';

import { nodeState, secretQuery, triggerSetup, useDigisacTrigger } from './harness';

const { fake } = useDigisacTrigger();
type Setup = NodeSetup & { staticData: IDataObject };

async function activeTrigger(options: INodeParameters = {}): Promise<Setup> {
	const setup = triggerSetup(fake, { events: ['message.created', 'contact.updated'], options });
	await runWebhookMethod(setup, 'create');
	fake.reset();
	return setup;
}

async function deliver(setup: Setup, data: IDataObject, event = 'message.created') {
	const body = {
		event,
		data,
		webhookId: nodeState(setup).digisacWebhookId,
		timestamp: new Date().toISOString(),
	};
	const result = await deliverWebhook(setup, { body, query: secretQuery(setup) });
	const items = result.response.workflowData?.[0] ?? [];
	expect(items).toHaveLength(1);
	return { json: items[0].json, http: result.http };
}

function message(contactId: string, fields: IDataObject = {}): IDataObject {
	return {
		id: `m-${Math.random()}`,
		contactId,
		fromId: contactId,
		type: 'chat',
		text: 'oi',
		isFromMe: false,
		...fields,
	};
}

const lookups = () => fake.requests.filter((r) => r.path.startsWith('/api/v1/contacts/'));

describe("the contact's name and number on each delivery", () => {
	it('looks the contact up once, answering as Digisac does (recorded GET /contacts/{id})', async () => {
		const recorded = JSON.parse(
			readFileSync(join(__dirname, '..', 'fixtures', 'digisac', 'get-contact-200.json'), 'utf8'),
		) as IDataObject;
		const setup = await activeTrigger();
		fake.failNext({ status: 200, body: recorded }, 1, (r) =>
			r.path.startsWith('/api/v1/contacts/'),
		);
		const { json, http } = await deliver(setup, message(String(recorded.id)));
		expect(json).toMatchObject({ contactName: 'Cliente', contactNumber: '554190333696' });
		expect(lookups().map((r) => r.path)).toEqual([`/api/v1/contacts/${String(recorded.id)}`]);
		// Looked up before n8n answers: n8n answers Digisac once it has stored the execution, so a
		// delivery n8n fails to store is refused (and re-sent by Digisac), never answered and lost.
		expect(http.ended).toBe(false);
	});

	it('takes them from the delivery when it carries them, with no request', async () => {
		const setup = await activeTrigger();
		const included = {
			id: 'c-9',
			name: 'Ana Lima',
			data: { number: '5511988887777' },
		};
		const { json, http } = await deliver(setup, message('c-9', { contact: included }));
		expect(json).toMatchObject({ contactName: 'Ana Lima', contactNumber: '5511988887777' });
		const contactEvent = await deliver(
			setup,
			{ ...included, updatedAt: '2024-03-15T15:00:00.000Z' },
			'contact.updated',
		);
		expect(contactEvent.json).toMatchObject({ contactName: 'Ana Lima' });
		expect(fake.requests).toHaveLength(0);
		expect(http.ended).toBe(false);
	});

	it('looks up only what the delivery lacks, and keeps what it carried', async () => {
		const [contact] = fake.addContacts(1, { name: 'Nome na Digisac' });
		const setup = await activeTrigger();
		const { json } = await deliver(
			setup,
			message(contact.id, { contact: { id: contact.id, name: 'Nome no evento' } }),
		);
		expect(json).toMatchObject({
			contactName: 'Nome no evento',
			contactNumber: (contact.data as IDataObject).number,
		});
		expect(lookups()).toHaveLength(1);
	});

	it('never loses the delivery when the lookup fails: the fields are left out', async () => {
		const setup = await activeTrigger();
		const missing = await deliver(setup, message('no-such-contact'));
		expect(missing.json.contactId).toBe('no-such-contact');
		expect(missing.json).not.toHaveProperty('contactName');
		expect(missing.json).not.toHaveProperty('contactNumber');

		const [contact] = fake.addContacts(1);
		fake.failNext({ status: 401, body: { error: 'HttpError', message: 'Invalid token' } }, 1);
		const refused = await deliver(setup, message(contact.id));
		expect(refused.json).not.toHaveProperty('contactName');
		expect(refused.json.contactId).toBe(contact.id);
	});

	it('adds nothing and asks nothing when switched off', async () => {
		const [contact] = fake.addContacts(1);
		const setup = await activeTrigger({ addContactFields: false });
		const { json, http } = await deliver(setup, message(contact.id));
		expect(json).not.toHaveProperty('contactName');
		expect(json).not.toHaveProperty('contactNumber');
		expect(fake.requests).toHaveLength(0);
		expect(http.ended).toBe(false);
	});
});
