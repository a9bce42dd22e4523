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
		expect(retryDelay({ statusCode: 429 }, false, 1, policy)).toBe(10);
		expect(retryDelay({ statusCode: 429, retryAfterMs: 80 }, false, 1, policy)).toBe(80);
		expect(retryDelay({ statusCode: 429, retryAfterMs: 500 }, false, 1, policy)).toBeUndefined();
		expect(retryDelay({ statusCode: 503 }, true, 2, policy)).toBe(15);
		expect(retryDelay({ statusCode: 503 }, false, 1, policy)).toBeUndefined();
		expect(retryDelay({ statusCode: 500 }, true, 1, policy)).toBeUndefined();
		expect(retryDelay({ statusCode: 429 }, true, 3, policy)).toBeUndefined();
	});
});
