import { sleep } from 'n8n-workflow';

/**
 * Adaptive pacing (AIMD, additive increase / multiplicative decrease, as TCP's congestion control
 * does without any coordination between senders: Chiu & Jain 1989, RFC 5681
 * https://www.rfc-editor.org/rfc/rfc5681): a 429 that this limiter did not cause halves its pace,
 * and every run of answered requests raises it a step, back up to the platform's limit.
 */
export interface AdaptivePacing {
	decrease: number;
	floorPerSecond: number;
	raiseAfter: number;
	raiseByShareOfLimit: number;
}

export const ADAPTIVE_PACING: Readonly<AdaptivePacing> = Object.freeze({
	/** The pace is multiplied by this on an unexpected 429. */
	decrease: 0.5,
	/** Never slower than this many requests per second. */
	floorPerSecond: 1,
	/** After this many answered requests in a row (no 429)... */
	raiseAfter: 6,
	/**
	 * ...the pace rises by this share of the limit: 0.25 requests per second for TomTicket's 3, so
	 * from the floor back to the limit in 48 answered requests, whatever the limit.
	 */
	raiseByShareOfLimit: 1 / 12,
});

/**
 * Keeps requests under a per-second limit as the platform counts it: on arrival. A request goes
 * out only once one window has passed since the request `k` places before it was answered.
 * A request always arrives before its answer comes back, so no window can ever hold more than `k`
 * arrivals, however slow a request is to leave (a cold connection, a busy event loop). Spacing
 * request starts instead is not enough: two starts 350 ms apart can arrive 300 ms apart. Slots
 * are reserved synchronously, so concurrent callers (batching) queue in order.
 *
 * The pace adapts to 429s (ADAPTIVE_PACING). In n8n's queue mode each worker has its own limiter
 * for one token, and together they can go over the platform's limit; they share no memory, and
 * need none: a 429 tells each process that the token's second is crowded, and each one backs off
 * on its own. That is safe because lowering the pace only ever sends fewer requests than the
 * limit (the platform's limit is never exceeded by this process, whatever the pace), a 429 is a
 * refusal of a request the platform did not process (so the retry in transport.ts cannot do it
 * twice), and two processes that each halve on a refusal and creep back up by small steps share
 * the token fairly between them (the AIMD result above) instead of one starving the other.
 */
export class RateLimiter {
	/** When each of the latest requests was answered, in the order they were let through. */
	private readonly answered: Array<Promise<number>> = [];
	/** This process's current pace in requests per second; undefined = the platform's limit. */
	private pace: number | undefined;
	/** Answered requests (no 429) since the pace last changed. */
	private answeredInARow = 0;
	/** Bumped at each decrease: a request let through before it does not decrease again. */
	private generation = 0;

	constructor(
		private readonly requestsPerSecond: () => number | undefined,
		private readonly windowMs = 1000,
		private readonly pacing: Readonly<AdaptivePacing> = ADAPTIVE_PACING,
	) {}

	/** The pace this limiter keeps now, in requests per second (undefined when unlimited). */
	currentRate(): number | undefined {
		const limit = Math.floor(this.requestsPerSecond() ?? 0);
		if (limit < 1) return undefined;
		return Math.min(limit, this.pace ?? limit);
	}

	/**
	 * Runs `send` once its slot has come. `refused(result)` says whether the platform answered
	 * with a rate-limit refusal (a 429), which lowers this limiter's pace.
	 */
	async run<T>(send: () => Promise<T>, refused?: (result: T) => boolean): Promise<T> {
		const rate = this.currentRate();
		if (rate === undefined) return await send();
		const limit = Math.floor(this.requestsPerSecond() ?? 0);
		// At most `slots` requests per `window`: slots ≤ limit and window ≥ windowMs, so no second
		// ever holds more than the platform's limit, and the average is `rate`.
		const slots = Math.min(limit, Math.ceil(rate));
		const window = (this.windowMs * slots) / rate;
		const earlier =
			this.answered.length >= slots ? this.answered[this.answered.length - slots] : undefined;
		let markAnswered: (time: number) => void = () => {};
		this.answered.push(new Promise<number>((resolve) => (markAnswered = resolve)));
		while (this.answered.length > limit) this.answered.shift();
		const generation = this.generation;
		try {
			if (earlier) {
				const wait = (await earlier) + window - Date.now();
				if (wait > 0) await sleep(wait);
			}
			const result = await send();
			if (refused?.(result)) this.onRefused(generation, limit);
			else this.onAnswered(limit);
			return result;
		} finally {
			markAnswered(Date.now());
		}
	}

	/**
	 * A 429 although this process kept its pace: someone else (another worker, another program)
	 * uses the token. Requests let through before the last decrease were paced at the old rate,
	 * so their 429s are expected and do not halve the pace again.
	 */
	private onRefused(generation: number, limit: number) {
		this.answeredInARow = 0;
		if (generation !== this.generation) return;
		this.generation++;
		const current = Math.min(limit, this.pace ?? limit);
		this.pace = Math.max(
			Math.min(limit, this.pacing.floorPerSecond),
			current * this.pacing.decrease,
		);
	}

	private onAnswered(limit: number) {
		if (this.pace === undefined) return;
		if (++this.answeredInARow < this.pacing.raiseAfter) return;
		this.answeredInARow = 0;
		const raised = this.pace + limit * this.pacing.raiseByShareOfLimit;
		this.pace = raised >= limit ? undefined : raised;
	}
}
