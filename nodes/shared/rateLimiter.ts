import { sleep } from 'n8n-workflow';

/**
 * Keeps requests under a per-second limit as the platform counts it: on arrival. A request goes
 * out only once one second has passed since the request `limit` places before it was answered.
 * A request always arrives before its answer comes back, so no window of one second can ever hold
 * more than `limit` arrivals, however slow a request is to leave (a cold connection, a busy event
 * loop). Spacing request starts instead is not enough: two starts 350 ms apart can arrive 300 ms
 * apart. Slots are reserved synchronously, so concurrent callers (batching) queue in order.
 */
export class RateLimiter {
	/** When each of the latest requests was answered, in the order they were let through. */
	private readonly answered: Array<Promise<number>> = [];

	constructor(
		private readonly requestsPerSecond: () => number | undefined,
		private readonly windowMs = 1000,
	) {}

	async run<T>(send: () => Promise<T>): Promise<T> {
		const limit = Math.floor(this.requestsPerSecond() ?? 0);
		if (limit < 1) return await send();
		const earlier =
			this.answered.length >= limit ? this.answered[this.answered.length - limit] : undefined;
		let markAnswered: (time: number) => void = () => {};
		this.answered.push(new Promise<number>((resolve) => (markAnswered = resolve)));
		while (this.answered.length > limit) this.answered.shift();
		try {
			if (earlier) {
				const wait = (await earlier) + this.windowMs - Date.now();
				if (wait > 0) await sleep(wait);
			}
			return await send();
		} finally {
			markAnswered(Date.now());
		}
	}
}
