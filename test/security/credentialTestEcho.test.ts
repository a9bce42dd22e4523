/**
 * The credential "Test" button: n8n runs the credential's `test` request itself, outside our
 * transport and its redaction (packages/cli/src/services/credentials-tester.service.ts in
 * n8n-io/n8n, runRequestTest). What it shows for a refused test is the HTTP reason phrase, a
 * rule's fixed message or the error code, never the answer's body, so a platform that repeats the
 * token in its refusal does not get it shown. runCredentialTest runs that same code path.
 */
import { DigisacFake } from '../fakes/digisac';
import type { FakeServer } from '../fakes/fakeServer';
import { PlugChatFake } from '../fakes/plugchat';
import { TomTicketFake } from '../fakes/tomticket';
import { runCredentialTest } from '../harness/credentialTester';

const badToken = 'wrong-secret-token-5f3a9c';

describe.each([
	{ type: 'tomTicketApi', fake: new TomTicketFake() as FakeServer, urlField: 'baseUrl' },
	{ type: 'plugChatApi', fake: new PlugChatFake() as FakeServer, urlField: 'baseUrl' },
	{ type: 'digisacApi', fake: new DigisacFake() as FakeServer, urlField: 'accountUrl' },
])('$type test with a wrong token the platform echoes', ({ type, fake, urlField }) => {
	beforeAll(async () => await fake.start());
	afterAll(async () => await fake.stop());
	beforeEach(() => fake.reset());

	it.each([badToken, `${badToken}\n`, ` Bearer ${badToken} `])(
		'fails without showing the token (saved as %j)',
		async (saved) => {
			fake.echoToken = true;
			const result = await runCredentialTest(type, { apiToken: saved, [urlField]: fake.url });
			expect(result.status).toBe('Error');
			expect(result.message).not.toContain(badToken);
			expect(result.message).toMatch(
				/^(Unauthorized|Forbidden|Received HTTP status code: 40[13])$/,
			);
			// The platform did get the token, so the echo was there to leak.
			expect(String(fake.last().headers.authorization)).toContain(badToken);
		},
	);
});
