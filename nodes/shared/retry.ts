import type { TransportFailure } from './errors';

export interface RetryPolicy {
	/** Attempts in total, the first one included. */
	maxAttempts: number;
	baseDelayMs: number;
	maxDelayMs: number;
	/** A Retry-After longer than this is not waited for: the error is reported instead. */
	maxRetryAfterMs: number;
	/**
	 * All the waits of one request together stay under this: seven Retry-After answers of 60 s
	 * would otherwise hold one request (or one page of a Return All) for 7 minutes.
	 */
	maxTotalWaitMs: number;
}

/**
 * Eight short waits (250 ms doubling to 4 s, ~16 s in all) keep a read alive through a bad
 * patch: at a 20 % failure rate, 1 read in 390 000 fails. Tests swap this module's value for
 * millisecond waits (test/setup-env.ts); nodes never change it.
 */
export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({
	maxAttempts: 8,
	baseDelayMs: 250,
	maxDelayMs: 4_000,
	maxRetryAfterMs: 60_000,
	maxTotalWaitMs: 90_000,
});

/**
 * Return All asks for at most this many pages of one list: 1 000 000 records at Digisac's and
 * PlugChat's 100 per page, 500 000 tickets at TomTicket's 50, far above any real account. A server
 * that keeps announcing another page is stopped with an error instead of being followed for ever.
 */
export const PAGING_POLICY: Readonly<{ maxPages: number }> = Object.freeze({ maxPages: 10_000 });

/**
 * How long the Digisac trigger waits for a message's file that is not there yet (Digisac sends
 * `message.created` before it has fetched the media from WhatsApp): attempts in total, and the
 * pause before attempt n+1 (baseDelayMs × n). Tests shorten it the same way.
 */
export const FILE_WAIT_POLICY: Readonly<{ attempts: number; baseDelayMs: number }> = Object.freeze({
	attempts: 5,
	baseDelayMs: 500,
});

/** Gateway failures that are usually over in a moment. A 500 is a server bug and is not retried. */
const TRANSIENT_STATUSES = new Set([502, 503, 504]);

export function backoffDelay(attempt: number, policy: RetryPolicy = DEFAULT_RETRY_POLICY): number {
	return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
}

/**
 * Whether a request that got no answer may go again. A timeout never does (the platform may still
 * be working on it). A failure that proves nothing was sent always may; a broken connection only
 * for a request that is harmless to repeat.
 */
export function isRetryable(failure: TransportFailure, idempotent: boolean): boolean {
	if (failure.timedOut) return false;
	return failure.notSent || (idempotent && failure.connectionBroken);
}

/** Retry-After in milliseconds (seconds or an HTTP date), if the answer sent one. */
export function parseRetryAfter(headers: Record<string, unknown>): number | undefined {
	const raw = headers['retry-after'] ?? headers['Retry-After'];
	if (raw === undefined || raw === null || raw === '') return undefined;
	const value = String(Array.isArray(raw) ? raw[0] : raw).trim();
	if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
	const date = Date.parse(value);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - Date.now());
}

/**
 * How long to wait before sending a request again after this HTTP answer, or undefined when it
 * must not go again.
 * - A 429 is a refusal of a request the platform did not process (TomTicket's nginx answers it
 *   before the API sees the request; README, Behaviour), so even a send may go again, and it is
 *   not bound by maxAttempts: it goes again for as long as the request's time budget
 *   (maxTotalWaitMs, checked by the caller) lasts. Two n8n workers on one token refuse each other
 *   again and again; eight attempts (~16 s) starved one of them, the time budget does not. The
 *   wait honours Retry-After and adds a random part (jitter), so two processes refused in the
 *   same second do not come back in the same second ("Exponential Backoff And Jitter",
 *   https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/).
 * - A gateway failure (502/503/504) of an idempotent request, within maxAttempts.
 * `random` (0 ≤ x < 1) is Math.random unless a test passes its own.
 */
export function retryDelay(
	answer: { statusCode: number; retryAfterMs?: number },
	idempotent: boolean,
	attempt: number,
	policy: RetryPolicy = DEFAULT_RETRY_POLICY,
	random: () => number = Math.random,
): number | undefined {
	if (answer.statusCode === 429) {
		if (answer.retryAfterMs !== undefined && answer.retryAfterMs > policy.maxRetryAfterMs)
			return undefined;
		const backoff = backoffDelay(attempt, policy);
		// Without Retry-After: between half the backoff and all of it ("equal jitter"). With it:
		// what it asks, plus up to half the backoff.
		const jitter = Math.round(random() * (backoff / 2));
		return answer.retryAfterMs === undefined ? backoff / 2 + jitter : answer.retryAfterMs + jitter;
	}
	const retryable = idempotent && TRANSIENT_STATUSES.has(answer.statusCode);
	if (!retryable || attempt >= policy.maxAttempts) return undefined;
	const delay = answer.retryAfterMs ?? backoffDelay(attempt, policy);
	return delay <= policy.maxRetryAfterMs ? delay : undefined;
}
