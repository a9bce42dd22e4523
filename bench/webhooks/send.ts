import { Agent, request } from 'http';

/** What one timed load gave: the answers, each delivery's latency, and when it started. */
export interface SendResult {
	startedAt: number;
	seconds: number;
	/** HTTP status (or "no answer: …") → how many. */
	statuses: Record<string, number>;
	ok: number;
	/** Milliseconds from the first byte sent to the last byte of the answer, per delivery. */
	latenciesMs: number[];
}

/**
 * POSTs every body to `url`, `concurrency` at a time over keep-alive connections (as a
 * platform's delivery workers do), timing each delivery. Nothing is re-sent: a delivery n8n does
 * not answer 2xx counts against the workflow.
 */
export async function sendAll(
	url: string,
	bodies: unknown[],
	concurrency: number,
): Promise<SendResult> {
	const target = new URL(url);
	const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
	const statuses: Record<string, number> = {};
	const latenciesMs: number[] = [];
	let next = 0;
	let ok = 0;
	const once = (payload: string) =>
		new Promise<string>((resolve) => {
			const req = request(
				{
					agent,
					host: target.hostname,
					port: target.port,
					path: `${target.pathname}${target.search}`,
					method: 'POST',
					headers: {
						'content-type': 'application/json',
						'content-length': Buffer.byteLength(payload),
					},
					timeout: 60_000,
				},
				(res) => {
					res.resume();
					res.on('end', () => resolve(String(res.statusCode)));
					res.on('error', (error) => resolve(`no answer: ${error.message}`));
				},
			);
			req.on('timeout', () => req.destroy(new Error('timeout after 60 s')));
			req.on('error', (error) => resolve(`no answer: ${error.message}`));
			req.end(payload);
		});
	const lane = async () => {
		while (next < bodies.length) {
			const payload = JSON.stringify(bodies[next++]);
			const sent = process.hrtime.bigint();
			const status = await once(payload);
			latenciesMs.push(Number(process.hrtime.bigint() - sent) / 1e6);
			statuses[status] = (statuses[status] ?? 0) + 1;
			if (/^2/.test(status)) ok++;
		}
	};
	const startedAt = Date.now();
	await Promise.all(Array.from({ length: concurrency }, lane));
	const seconds = (Date.now() - startedAt) / 1000;
	agent.destroy();
	return { startedAt, seconds, statuses, ok, latenciesMs };
}

/** The p-th percentile (nearest rank) of `values`. */
export function percentile(values: number[], p: number): number {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
	return sorted[rank];
}
