/** Console output of the dev and e2e stacks: one prefix, elapsed seconds, nothing else. */
const started = Date.now();
let prefix = 'e2e';

export function setLogPrefix(value: string): void {
	prefix = value;
}

function stamp(): string {
	return `[${prefix} ${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s]`;
}

export function log(message: string): void {
	console.log(`${stamp()} ${message}`);
}

export function warn(message: string): void {
	console.warn(`${stamp()} WARNING: ${message}`);
}

/** Prints `message` every `everyMs` until the returned function is called (long installs). */
export function heartbeat(message: () => string, everyMs = 15_000): () => void {
	const timer = setInterval(() => log(message()), everyMs);
	timer.unref();
	return () => clearInterval(timer);
}

export function errorText(error: unknown): string {
	if (error instanceof Error) return error.message;
	return String(error);
}
