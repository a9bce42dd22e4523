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
 * GC first when --expose-gc is on (unless `gc: false`). `probe` is told when the measured part
 * starts and stops (the instruction counter of bench/workloads/instructions.ts).
 */
export async function timed<T>(
	run: () => Promise<T>,
	probe?: { start(): void; stop(): void },
	options: { gc?: boolean } = {},
): Promise<{ ms: number; cpuMs: number; result: T }> {
	if (options.gc !== false) collectGarbage();
	const cpuBefore = process.cpuUsage();
	const started = performance.now();
	probe?.start();
	const result = await run();
	probe?.stop();
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

/**
 * Where the median of `values` lies, 95 % of the time: the order statistics n/2 ± 1.96·√n/2
 * (distribution-free). With fewer than 6 values it is just min–max.
 */
export function medianInterval(values: number[]): { low: number; high: number } {
	const sorted = [...values].sort((a, b) => a - b);
	const n = sorted.length;
	if (n === 0) return { low: Number.NaN, high: Number.NaN };
	const half = (1.96 * Math.sqrt(n)) / 2;
	const lowRank = Math.max(1, Math.floor(n / 2 - half));
	const highRank = Math.min(n, Math.ceil(n / 2 + half + 1));
	return { low: sorted[lowRank - 1], high: sorted[highRank - 1] };
}

/** Median, 95 % interval of the median, min and max of a sample. */
export interface Spread {
	median: number;
	low: number;
	high: number;
	min: number;
	max: number;
}

export function spread(values: number[], digits = 3): Spread {
	const { low, high } = medianInterval(values);
	return {
		median: round(median(values), digits),
		low: round(low, digits),
		high: round(high, digits),
		min: round(min(values), digits),
		max: round(max(values), digits),
	};
}

/** "1.03× (1.01–1.05, 0.97–1.12)": median, its 95 % interval, then min–max. */
export function fmtSpread(s: Spread, unit = '×'): string {
	if (!Number.isFinite(s.median)) return 'n/a';
	const f = (v: number) => v.toFixed(2);
	return `${f(s.median)}${unit} (${f(s.low)}–${f(s.high)}; ${f(s.min)}–${f(s.max)})`;
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
