// n8n-core logs every node error through its own logger; in tests those errors are expected and
// asserted on, so keep the console for the tests' own output.
process.env.N8N_LOG_LEVEL = 'silent';

// Retries wait 5 to 20 ms instead of 250 ms to 4 s, with the real number of attempts: every test
// file gets this module's value from here (jest gives each file its own modules). A test of the
// real waits reads them with jest.requireActual.
jest.mock('../nodes/shared/retry', () => {
	const actual =
		jest.requireActual<typeof import('../nodes/shared/retry')>('../nodes/shared/retry');
	return {
		...actual,
		DEFAULT_RETRY_POLICY: Object.freeze({
			...actual.DEFAULT_RETRY_POLICY,
			baseDelayMs: 5,
			maxDelayMs: 20,
		}),
		// Long enough for a test to see each pause grow (40, 80, 120 ms).
		FILE_WAIT_POLICY: Object.freeze({ ...actual.FILE_WAIT_POLICY, baseDelayMs: 40 }),
	};
});
