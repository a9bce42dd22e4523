import { useDigisac } from './harness';

const { fake, run } = useDigisac();

describe('account URL', () => {
	it.each(['', '/', '/api', '/api/v1', '/api/v1/', '  /api/  '])(
		'"%s" after the host still reaches /api/v1/... once',
		async (suffix) => {
			const [contact] = fake.addContacts(1);
			const result = await run(
				{ resource: 'contact', operation: 'get', contactId: contact.id },
				{ accountUrl: ` ${fake.url}${suffix.trim()} ` },
			);
			expect(result.error).toBeUndefined();
			expect(fake.last().path).toBe(`/api/v1/contacts/${contact.id}`);
		},
	);
});

describe('errors', () => {
	it("carries Digisac's envelope: message, HTTP status, error class and item index", async () => {
		const [contact] = fake.addContacts(1);
		const result = await run(
			{ resource: 'contact', operation: 'get', contactId: '={{ $json.id }}' },
			{ items: [{ json: { id: contact.id } }, { json: { id: 'missing' } }] },
		);
		expect(result.error?.message).toBe('Contact missing not found');
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.description).toMatch(/\(NotFoundHttpError\)/);
		expect(result.error?.context?.itemIndex).toBe(1);
	});

	it('explains a bad token and never shows it', async () => {
		const badToken = 'dg-wrong-token-555555';
		const result = await run(
			{ resource: 'department', operation: 'getAll', returnAll: true },
			{ apiToken: badToken },
		);
		expect(result.error?.message).toBe('Invalid token: access token is invalid');
		expect(result.error?.description).toMatch(/Check the API token/);
		expect(JSON.stringify(result.run.data.resultData)).not.toContain(badToken);
	});

	it('with Continue On Fail, each failing item becomes an error item paired with its input', async () => {
		const [a, b] = fake.addContacts(2);
		const result = await run(
			{
				resource: 'message',
				operation: 'send',
				contactId: '={{ $json.contactId }}',
				text: '={{ $json.text }}',
			},
			{
				items: [
					{ json: { contactId: a.id, text: 'um' } },
					{ json: { contactId: b.id, text: '' } },
					{ json: { contactId: 'unknown', text: 'três' } },
					{ json: { contactId: b.id, text: 'quatro' } },
				],
				continueOnFail: true,
			},
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
		expect(result.items[0].json.text).toBe('um');
		expect(result.items[1].json.error).toBe('"Text" is required');
		expect(result.items[2].json).toMatchObject({
			error: 'contactId or number and serviceId are required',
			httpCode: '400',
		});
		expect(result.items[3].json.text).toBe('quatro');
		expect(fake.state.messages.map((m) => m.text)).toEqual(['um', 'quatro']);
	});

	it('never crashes on an odd answer: a bare true from a command becomes a success item', async () => {
		fake.failNext({ status: 200, body: true });
		const result = await run({
			resource: 'connection',
			operation: 'start',
			serviceId: fake.state.services[0].id,
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toEqual({
			success: true,
			serviceId: fake.state.services[0].id,
			command: 'start',
		});
	});

	it('never crashes on a list answer with data: null', async () => {
		fake.failNext({ status: 200, body: { data: null, total: 0, currentPage: 1, lastPage: 1 } });
		const result = await run({ resource: 'tag', operation: 'getAll', returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([]);
	});
});
