import { performance } from 'perf_hooks';

export function median(values: number[]): number {
	if (values.length === 0) return Number.NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function min(values: number[]): number {
	return values.length ? Math.min(...values) : Number.NaN;
}

export function max(values: number[]): number {
	return values.length ? Math.max(...values) : Number.NaN;
}

/**
 * Wall-clock and CPU milliseconds (user + system, the whole process) of an async call, with a full
 * GC first when --expose-gc is on.
 */
export async function timed<T>(
	run: () => Promise<T>,
): Promise<{ ms: number; cpuMs: number; result: T }> {
	collectGarbage();
	const cpuBefore = process.cpuUsage();
	const started = performance.now();
	const result = await run();
	const ms = performance.now() - started;
	const cpu = process.cpuUsage(cpuBefore);
	return { ms, cpuMs: (cpu.user + cpu.system) / 1000, result };
}

export function collectGarbage() {
	const gc = (globalThis as { gc?: () => void }).gc;
	if (gc) {
		gc();
		gc();
	}
}

export function round(value: number, digits = 2): number {
	const factor = 10 ** digits;
	return Math.round(value * factor) / factor;
}

export function fmtMs(ms: number): string {
	if (!Number.isFinite(ms)) return 'n/a';
	return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(ms >= 100 ? 0 : 1)} ms`;
}

export function fmtRatio(ratio: number): string {
	return Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : 'n/a';
}

export function fmtBytes(bytes: number): string {
	if (!Number.isFinite(bytes)) return 'n/a';
	const abs = Math.abs(bytes);
	if (abs >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
	if (abs >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
	return `${bytes} B`;
}

/** A plain-text table for the console, columns padded to their widest cell. */
export function table(header: string[], rows: string[][]): string {
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
	const line = (cells: string[]) =>
		cells
			.map((c, i) => (c ?? '').padEnd(widths[i]))
			.join('  ')
			.trimEnd();
	return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The same table in Markdown, for bench/results/latest.md and the README. */
export function markdownTable(header: string[], rows: string[][]): string {
	const escape = (cell: string) => (cell ?? '').replace(/\|/g, '\\|');
	return [
		`| ${header.map(escape).join(' | ')} |`,
		`|${header.map(() => '---').join('|')}|`,
		...rows.map((r) => `| ${r.map(escape).join(' | ')} |`),
	].join('\n');
}

/**
 * Samples the heap (and RSS) every few milliseconds while a run is in flight. The peak above the
 * level measured right before the run (after a full GC) is what the run itself held.
 */
export class MemorySampler {
	private timer?: NodeJS.Timeout;
	private baseHeap = 0;
	private baseRss = 0;
	peakHeap = 0;
	peakRss = 0;

	start(intervalMs = 5) {
		collectGarbage();
		const usage = process.memoryUsage();
		this.baseHeap = usage.heapUsed;
		this.baseRss = usage.rss;
		this.peakHeap = usage.heapUsed;
		this.peakRss = usage.rss;
		this.timer = setInterval(() => this.sample(), intervalMs);
		this.timer.unref();
	}

	private sample() {
		const usage = process.memoryUsage();
		if (usage.heapUsed > this.peakHeap) this.peakHeap = usage.heapUsed;
		if (usage.rss > this.peakRss) this.peakRss = usage.rss;
	}

	stop(): { heapPeakDelta: number; rssPeakDelta: number } {
		this.sample();
		if (this.timer) clearInterval(this.timer);
		return {
			heapPeakDelta: this.peakHeap - this.baseHeap,
			rssPeakDelta: this.peakRss - this.baseRss,
		};
	}
}
