import { sleep } from 'n8n-workflow';

/**
 * Keeps requests under a per-second limit: no window of one second (plus a small safety margin
 * for network jitter) ever holds more than `requestsPerSecond` request starts. Slots are reserved
 * synchronously, so concurrent callers (batching) queue up in order.
 */
export class RateLimiter {
	private readonly starts: number[] = [];

	constructor(
		private readonly requestsPerSecond: number,
		private readonly windowMs = 1000 + 60,
	) {}

	async acquire(): Promise<void> {
		const now = Date.now();
		const limit = this.requestsPerSecond;
		// Forget starts that can no longer affect any future slot.
		while (this.starts.length > limit) this.starts.shift();
		let slot = now;
		if (this.starts.length >= limit) {
			slot = Math.max(now, this.starts[this.starts.length - limit] + this.windowMs);
		}
		this.starts.push(slot);
		if (slot > now) await sleep(slot - now);
	}
}
