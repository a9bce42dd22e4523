import { usePlugChat } from './harness';

const { fake, run } = usePlugChat();

describe('webhook: update', () => {
	it('sets only the events given, in the flat body of the vendor docs, and clears one with an empty URL', async () => {
		fake.state.webhooks.whenDisconnecting = 'https://ops.example.com/alert';
		fake.state.webhooks.messageStatus = 'https://old.example.com/status';
		const result = await run({
			resource: 'webhook',
			operation: 'update',
			target: 'events',
			webhookUrls: { receiveMessage: 'https://erp.example.com/in', messageStatus: '' },
		});
		expect(result.error).toBeUndefined();
		const request = fake.last('PUT', '/api/integrations/update-webhooks');
		expect(request.json).toEqual({
			receiveMessage: 'https://erp.example.com/in',
			messageStatus: '',
		});
		expect(fake.state.webhooks).toMatchObject({
			receiveMessage: 'https://erp.example.com/in',
			messageStatus: '',
			whenDisconnecting: 'https://ops.example.com/alert',
		});
		expect(result.items[0].json).toEqual({
			success: true,
			updated: { receiveMessage: 'https://erp.example.com/in', messageStatus: '' },
			value: true,
		});
	});

	it('sets one URL for every event: the flat body with all seven keys, notifySentByMe when on', async () => {
		const result = await run({
			resource: 'webhook',
			operation: 'update',
			target: 'all',
			url: 'https://erp.example.com/all',
			notifySentByMe: true,
		});
		expect(result.error).toBeUndefined();
		expect(fake.last().json).toEqual({
			finishAttendance: 'https://erp.example.com/all',
			startAttendance: 'https://erp.example.com/all',
			receiveMessage: 'https://erp.example.com/all',
			sendingMessage: 'https://erp.example.com/all',
			messageDeliveryError: 'https://erp.example.com/all',
			messageStatus: 'https://erp.example.com/all',
			whenDisconnecting: 'https://erp.example.com/all',
			notifySentByMe: true,
		});
		expect(Object.values(fake.state.webhooks)).toEqual(
			Array(7).fill('https://erp.example.com/all'),
		);
		expect(fake.state.notifySentByMe).toBe(true);

		// Off (the default): the key is left out, so the body is exactly the documented one.
		await run({
			resource: 'webhook',
			operation: 'update',
			target: 'all',
			url: 'https://erp.example.com/all',
			notifySentByMe: false,
		});
		expect(Object.keys(fake.last().json as object)).toHaveLength(7);
	});

	it("the fake refuses the 2025 fork's wrapped bodies as PlugChat refuses a malformed object (401)", async () => {
		for (const body of [
			{ value: { receiveMessage: 'https://erp.example.com/in' } },
			{ value: 'https://erp.example.com/all', notifySentByMe: true },
			{ receiveMessage: 'https://erp.example.com/in', unknownEvent: 'https://x.example.com' },
		]) {
			const response = await fetch(`${fake.url}/api/integrations/update-webhooks`, {
				method: 'PUT',
				headers: { authorization: fake.token, 'content-type': 'application/json' },
				body: JSON.stringify(body),
			});
			expect([JSON.stringify(body), response.status]).toEqual([JSON.stringify(body), 401]);
		}
		expect(fake.state.webhooks.receiveMessage).toBe('');
	});

	it("explains PlugChat's bare 401 for a plain-http URL", async () => {
		const result = await run({
			resource: 'webhook',
			operation: 'update',
			target: 'events',
			webhookUrls: { startAttendance: 'http://erp.example.com/in' },
		});
		expect(result.error?.httpCode).toBe('401');
		expect(result.error?.description).toMatch(
			/PlugChat accepts only HTTPS webhook URLs, and this one is plain http \(erp\.example\.com\)/,
		);
		expect(fake.state.webhooks.startAttendance).toBe('');
	});

	it('refuses an address that is not a URL, and an empty event list', async () => {
		const bad = await run({
			resource: 'webhook',
			operation: 'update',
			target: 'events',
			webhookUrls: { receiveMessage: 'erp.example.com/in' },
		});
		expect(bad.error?.message).toBe('"erp.example.com/in" is not a web address');
		const none = await run({
			resource: 'webhook',
			operation: 'update',
			target: 'events',
			webhookUrls: {},
		});
		expect(none.error?.message).toBe('Add at least one event under "Webhook URLs"');
		expect(fake.requests).toHaveLength(0);
	});
});
