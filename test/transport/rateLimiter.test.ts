import { setTimeout as wait } from 'timers/promises';

import { RateLimiter } from '../../nodes/shared/rateLimiter';

describe('RateLimiter', () => {
	it('spaces arrivals, not starts: a slow first request cannot crowd the fourth into its second', async () => {
		const limiter = new RateLimiter(() => 3, 300);
		const arrivals: number[] = [];
		// The first request takes 200 ms to reach the server (a cold connection), the others none.
		const send = (travelMs: number) => async () => {
			await wait(travelMs);
			arrivals.push(Date.now());
			await wait(5); // the answer's way back
			return travelMs;
		};
		const results = await Promise.all([200, 0, 0, 0, 0, 0, 0].map((ms) => limiter.run(send(ms))));
		expect(results).toEqual([200, 0, 0, 0, 0, 0, 0]);
		const sorted = [...arrivals].sort((a, b) => a - b);
		for (let i = 0; i + 3 < sorted.length; i++)
			expect(sorted[i + 3] - sorted[i]).toBeGreaterThanOrEqual(300);
	});

	it('frees the slot of a request that failed', async () => {
		const limiter = new RateLimiter(() => 1, 50);
		await expect(limiter.run(async () => Promise.reject(new Error('refused')))).rejects.toThrow(
			'refused',
		);
		const started = Date.now();
		await expect(limiter.run(async () => 'ok')).resolves.toBe('ok');
		expect(Date.now() - started).toBeLessThan(1000);
	});
});
