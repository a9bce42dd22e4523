import { createServer } from 'net';
import { setTimeout as delay } from 'timers/promises';

/** Whether `port` can be bound on 127.0.0.1 right now. */
export function portIsFree(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const server = createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

/** A port the OS reports free on 127.0.0.1. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

/** `preferred` when free (a stable URL for `npm run dev`), otherwise any free port. */
export async function portNear(preferred: number | undefined, taken: Set<number>): Promise<number> {
	let port: number;
	if (preferred && !taken.has(preferred) && (await portIsFree(preferred))) {
		port = preferred;
	} else {
		do port = await freePort();
		while (taken.has(port));
	}
	taken.add(port);
	return port;
}

/**
 * Polls `probe` until it returns a value other than undefined, or throws after `timeoutMs`
 * with `what` and the last error seen. Errors `stopOn` accepts end the wait at once.
 */
export async function waitFor<T>(
	what: string,
	probe: () => Promise<T | undefined>,
	{
		timeoutMs = 30_000,
		intervalMs = 250,
		stopOn,
		explain,
	}: {
		timeoutMs?: number;
		intervalMs?: number;
		stopOn?: (error: unknown) => boolean;
		/** Adds what is known about the situation to the timeout message. */
		explain?: () => Promise<string>;
	} = {},
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	let lastError: unknown;
	for (;;) {
		let fatal = false;
		try {
			const value = await probe();
			if (value !== undefined) return value;
		} catch (error) {
			lastError = error;
			fatal = stopOn?.(error) ?? false;
		}
		if (fatal) throw lastError;
		if (Date.now() > deadline) {
			const detail = lastError
				? ` (last error: ${lastError instanceof Error ? lastError.message : String(lastError)})`
				: '';
			const context = explain
				? `\n${await explain().catch((error: unknown) => `(no details: ${String(error)})`)}`
				: '';
			throw new Error(
				`timed out after ${timeoutMs / 1000}s waiting for ${what}${detail}${context}`,
			);
		}
		await delay(intervalMs);
	}
}
