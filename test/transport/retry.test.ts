import type { TransportFailure } from '../../nodes/shared/errors';
import type { RetryPolicy } from '../../nodes/shared/retry';
import { backoffDelay, isRetryable, retryDelay } from '../../nodes/shared/retry';

const failure = (overrides: Partial<TransportFailure>): TransportFailure => ({
	code: '',
	message: '',
	notSent: false,
	connectionBroken: false,
	timedOut: false,
	cancelled: false,
	...overrides,
});

describe('the retry policy', () => {
	it('ships eight attempts over about 16 s (tests run with millisecond waits)', () => {
		const shipped = jest.requireActual<typeof import('../../nodes/shared/retry')>(
			'../../nodes/shared/retry',
		).DEFAULT_RETRY_POLICY;
		const waits = Array.from({ length: shipped.maxAttempts - 1 }, (_, i) =>
			backoffDelay(i + 1, shipped),
		);
		expect(waits).toEqual([250, 500, 1000, 2000, 4000, 4000, 4000]);
	});

	it('never sends again after a timeout, always after a refused connection', () => {
		expect(isRetryable(failure({ timedOut: true, connectionBroken: true }), true)).toBe(false);
		expect(isRetryable(failure({ notSent: true }), false)).toBe(true);
	});

	it('sends again after a broken connection only when the request is idempotent', () => {
		expect(isRetryable(failure({ connectionBroken: true }), true)).toBe(true);
		expect(isRetryable(failure({ connectionBroken: true }), false)).toBe(false);
		expect(isRetryable(failure({ code: 'EPROTO' }), true)).toBe(false);
	});

	it('waits for a 429 (even for a send) and for gateway failures of idempotent requests', () => {
		const policy: RetryPolicy = {
			maxAttempts: 3,
			baseDelayMs: 10,
			maxDelayMs: 15,
			maxRetryAfterMs: 100,
			maxTotalWaitMs: 1_000,
		};
		const none = () => 0;
		expect(retryDelay({ statusCode: 429 }, false, 1, policy, none)).toBe(5);
		expect(retryDelay({ statusCode: 429, retryAfterMs: 80 }, false, 1, policy, none)).toBe(80);
		expect(retryDelay({ statusCode: 429, retryAfterMs: 500 }, false, 1, policy)).toBeUndefined();
		expect(retryDelay({ statusCode: 503 }, true, 2, policy)).toBe(15);
		expect(retryDelay({ statusCode: 503 }, false, 1, policy)).toBeUndefined();
		expect(retryDelay({ statusCode: 500 }, true, 1, policy)).toBeUndefined();
		expect(retryDelay({ statusCode: 503 }, true, 3, policy)).toBeUndefined();
	});

	it('retries a 429 past maxAttempts: only the time budget (checked by the transport) ends it', () => {
		const policy: RetryPolicy = {
			maxAttempts: 3,
			baseDelayMs: 100,
			maxDelayMs: 400,
			maxRetryAfterMs: 1_000,
			maxTotalWaitMs: 5_000,
		};
		const half = () => 0.5;
		expect(retryDelay({ statusCode: 429 }, false, 3, policy, half)).toBe(300);
		expect(retryDelay({ statusCode: 429 }, true, 40, policy, half)).toBe(300);
		expect(retryDelay({ statusCode: 429, retryAfterMs: 900 }, false, 12, policy, half)).toBe(1_000);
	});

	it('adds jitter to the wait before a retried 429, never below Retry-After', () => {
		const policy: RetryPolicy = {
			maxAttempts: 8,
			baseDelayMs: 200,
			maxDelayMs: 4_000,
			maxRetryAfterMs: 60_000,
			maxTotalWaitMs: 90_000,
		};
		// Attempt 3: backoff 800 ms; without Retry-After between 400 and 800 ms.
		const waits = [0, 0.25, 0.5, 0.999].map((x) =>
			retryDelay({ statusCode: 429 }, false, 3, policy, () => x),
		);
		expect(waits).toEqual([400, 500, 600, 800]);
		// Two processes refused together come back apart when their draws differ.
		expect(new Set(waits).size).toBe(4);
		const afterRetryAfter = [0, 0.5, 0.999].map((x) =>
			retryDelay({ statusCode: 429, retryAfterMs: 1_000 }, false, 3, policy, () => x),
		);
		expect(afterRetryAfter).toEqual([1_000, 1_200, 1_400]);
	});
});
