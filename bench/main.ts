/**
 * `npm run bench`: the four performance workloads of the package (see bench/README.md).
 *
 *   npm run bench                      all four, full size
 *   npm run bench -- --quick           smaller counts, for a quick look
 *   npm run bench -- --workload 1,4    some of them
 *   npm run bench -- --no-write        do not update bench/results/
 *
 * Sizes: --items (W1, default 5000), --rounds (W1/W3, 5), --batch-items (W2, 1000),
 * --tomticket-items (W2 TomTicket, 60), --latency (W2, 50 ms), --records (W3, 20000),
 * --load-runs (W4, 15).
 */
import { mkdirSync, writeFileSync } from 'fs';
import { cpus, loadavg, totalmem } from 'os';
import { join } from 'path';

import type { Bar } from './lib/chart';
import { barChart } from './lib/chart';
import { REPO_ROOT } from './lib/engine';
import { Fakes } from './lib/fakes';
import { fmtBytes, fmtMs, fmtRatio, markdownTable, table } from './lib/stats';
import type { BatchingRow } from './workloads/batching';
import { runBatching } from './workloads/batching';
import type { OverheadResult, Variant } from './workloads/overhead';
import { runOverhead } from './workloads/overhead';
import type { PackageLoadResult } from './workloads/packageLoad';
import { runPackageLoad } from './workloads/packageLoad';
import type { ReturnAllRow } from './workloads/returnAll';
import { runReturnAll } from './workloads/returnAll';

const GOALS = {
	overheadRatio: 1.2,
	batchingSpeedup: 8,
	tomTicketPerSecond: 3,
	returnAllRatio: 1.2,
	loadMs: 50,
	tarballBytes: 200 * 1024,
};

function parseArgs(argv: string[]) {
	const quick = argv.includes('--quick');
	const value = (name: string, fallback: number) => {
		const index = argv.indexOf(`--${name}`);
		return index >= 0 ? Number(argv[index + 1]) : fallback;
	};
	const workloadIndex = argv.indexOf('--workload');
	const workloads = new Set(
		workloadIndex >= 0 ? argv[workloadIndex + 1].split(',').map(Number) : [1, 2, 3, 4],
	);
	return {
		quick,
		write: !argv.includes('--no-write'),
		workloads,
		items: value('items', quick ? 1000 : 5000),
		rounds: value('rounds', quick ? 3 : 5),
		batchItems: value('batch-items', quick ? 200 : 1000),
		tomTicketItems: value('tomticket-items', quick ? 30 : 60),
		latencyMs: value('latency', 50),
		records: value('records', quick ? 5000 : 20000),
		loadRuns: value('load-runs', quick ? 7 : 15),
	};
}

const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

interface Report {
	date: string;
	machine: {
		node: string;
		cpus: number;
		cpuModel: string;
		memoryGb: number;
		loadBefore: number[];
		loadAfter?: number[];
	};
	command: string;
	options: ReturnType<typeof parseArgs>;
	overhead?: OverheadResult;
	batching?: BatchingRow[];
	returnAll?: ReturnAllRow[];
	packageLoad?: PackageLoadResult;
}

const VARIANT_LABELS: Record<Variant, string> = {
	bare: 'bare axios loop (keep-alive)',
	bareFresh: 'bare axios, new connection per request',
	minimal: 'minimal node (1 httpRequestWithAuthentication per item)',
	node: 'our node',
	httpRequest: "n8n's HTTP Request node",
};

function overheadTables(result: OverheadResult) {
	const header = [
		'operation',
		'variant',
		'median',
		'CPU',
		'× bare',
		'CPU × bare',
		'µs/item over bare',
		'connections',
	];
	const rows: string[][] = [];
	for (const row of result.rows) {
		for (const [variant, figures] of Object.entries(row.variants) as Array<
			[Variant, NonNullable<OverheadResult['rows'][number]['variants'][Variant]>]
		>) {
			rows.push([
				row.scenario,
				variant === 'node' ? `${VARIANT_LABELS.node}: ${row.node}` : VARIANT_LABELS[variant],
				fmtMs(figures.wallMs),
				fmtMs(figures.cpuMs),
				fmtRatio(figures.ratio),
				fmtRatio(figures.cpuRatio),
				variant === 'bare' ? '' : figures.overheadUs.toFixed(0),
				String(figures.connections),
			]);
		}
	}
	return { header, rows };
}

function batchingTables(rows: BatchingRow[]) {
	const header = [
		'operation',
		'items',
		'mode',
		'time',
		'speed-up',
		'req/s',
		'order + pairedItem',
		'handled',
		'errors',
		'max req in 1 s',
		'429s',
	];
	return {
		header,
		rows: rows.flatMap((row) =>
			row.runs.map((run) => [
				row.scenario,
				String(row.items),
				run.mode,
				fmtMs(run.wallMs),
				fmtRatio(run.speedup),
				String(run.requestsPerSecond),
				run.orderAndPairingIntact ? 'intact' : 'BROKEN',
				String(run.handled),
				String(run.errors),
				String(run.maxPerSecond),
				String(run.rateLimited),
			]),
		),
	};
}

function returnAllTables(rows: ReturnAllRow[]) {
	const header = [
		'operation',
		'records',
		'pages',
		'bare loop',
		'node',
		'× bare',
		'CPU × bare',
		'µs/page over bare',
		'heap peak bare',
		'heap peak node',
		'RSS peak node',
	];
	return {
		header,
		rows: rows.map((row) => [
			row.scenario,
			String(row.records),
			String(row.pages),
			fmtMs(row.bareMs),
			fmtMs(row.nodeMs),
			fmtRatio(row.ratio),
			fmtRatio(row.cpuRatio),
			String(row.overheadPerPageUs),
			fmtBytes(row.bareHeapPeak),
			fmtBytes(row.nodeHeapPeak),
			fmtBytes(row.nodeRssPeak),
		]),
	};
}

function packageTables(result: PackageLoadResult) {
	const rows: string[][] = [];
	for (const load of result.load) {
		rows.push([
			`Node ${load.runtime}: require + instantiate every node and credential (median of ${load.runs} fresh processes)`,
			fmtMs(load.loadMs),
			`≤ ${GOALS.loadMs} ms`,
			verdict(load.loadMs <= GOALS.loadMs),
		]);
		rows.push([
			`Node ${load.runtime}: n8n-workflow itself, cold (loaded by n8n already, not counted above)`,
			fmtMs(load.workflowMs),
			'',
			'',
		]);
	}
	rows.push(
		[
			'npm pack tarball',
			fmtBytes(result.tarballBytes),
			`≤ ${fmtBytes(GOALS.tarballBytes)}`,
			verdict(result.tarballBytes <= GOALS.tarballBytes),
		],
		['unpacked', fmtBytes(result.unpackedBytes), '', ''],
		['files in the package', String(result.files), '', ''],
		[
			"compile errors while building (others' work in progress)",
			String(result.compileErrors),
			'0',
			result.compileErrors ? 'see latest.json' : '',
		],
	);
	return { header: ['measure', 'value', 'goal', ''], rows };
}

function goalLines(report: Report): string[] {
	const lines: string[] = [];
	for (const row of report.overhead?.rows ?? []) {
		const node = row.variants.node;
		if (node)
			lines.push(
				`W1 ${row.scenario}: ${fmtRatio(node.ratio)} the bare loop (goal ≤ ${GOALS.overheadRatio}×) — ${verdict(node.ratio <= GOALS.overheadRatio)}; ${node.overheadUs.toFixed(0)} µs/item; the minimal node is ${fmtRatio(row.variants.minimal?.ratio ?? NaN)}, the HTTP Request node ${fmtRatio(row.variants.httpRequest?.ratio ?? NaN)}`,
			);
	}
	for (const row of report.batching ?? []) {
		const best = row.runs
			.slice(1)
			.reduce((a, b) => (b.speedup > a.speedup ? b : a), row.runs[row.runs.length - 1]);
		const intact = row.runs.every(
			(run) => run.orderAndPairingIntact && run.handled === row.items && run.errors === 0,
		);
		if (row.scenario.startsWith('TomTicket')) {
			const maxRate = Math.max(...row.runs.map((run) => run.maxPerSecond));
			const refused = row.runs.reduce((sum, run) => sum + run.rateLimited, 0);
			lines.push(
				`W2 ${row.scenario}: at most ${maxRate} requests in any second (limit ${GOALS.tomTicketPerSecond}), ${refused} refused — ${verdict(maxRate <= GOALS.tomTicketPerSecond && refused === 0)}; order/pairedItem ${intact ? 'intact' : 'BROKEN'}`,
			);
		} else {
			lines.push(
				`W2 ${row.scenario}: ${best.mode} ${fmtRatio(best.speedup)} faster than sequential (goal ≥ ${GOALS.batchingSpeedup}×) — ${verdict(best.speedup >= GOALS.batchingSpeedup)}; order/pairedItem ${intact ? 'intact' : 'BROKEN'}`,
			);
		}
	}
	for (const row of report.returnAll ?? []) {
		lines.push(
			`W3 ${row.scenario}: ${fmtRatio(row.ratio)} the bare paging loop (goal ≤ ${GOALS.returnAllRatio}×) — ${verdict(row.ratio <= GOALS.returnAllRatio)}; ${row.overheadPerPageUs} µs per page over the bare loop; heap peak ${fmtBytes(row.nodeHeapPeak)} vs ${fmtBytes(row.bareHeapPeak)}`,
		);
	}
	if (report.packageLoad) {
		const p = report.packageLoad;
		const loads = p.load
			.map(
				(load) =>
					`Node ${load.runtime} ${fmtMs(load.loadMs)} — ${verdict(load.loadMs <= GOALS.loadMs)}`,
			)
			.join(', ');
		lines.push(
			`W4 load (goal ≤ ${GOALS.loadMs} ms): ${loads}; tarball ${fmtBytes(p.tarballBytes)} (goal ≤ 200 KB) — ${verdict(p.tarballBytes <= GOALS.tarballBytes)}`,
		);
	}
	return lines;
}

const COLORS = {
	minimal: '#9aa',
	node: '#2a7',
	httpRequest: '#e83',
	batches: ['#8ad', '#47c', '#136'],
	ratio: '#2a7',
};

function chart(report: Report): string {
	const short = (title: string) => title.split(' ')[0];
	const panels = [];
	if (report.overhead) {
		panels.push({
			title: `W1 time vs bare loop (${report.overhead.items} sends)`,
			unit: '×',
			goal: { value: GOALS.overheadRatio, label: `goal ${GOALS.overheadRatio}×` },
			groups: report.overhead.rows.map((row) => ({
				label: short(row.scenario),
				bars: [
					{
						label: 'minimal node',
						value: row.variants.minimal?.ratio ?? NaN,
						color: COLORS.minimal,
					},
					{ label: 'our node', value: row.variants.node?.ratio ?? NaN, color: COLORS.node },
					{
						label: 'HTTP Request',
						value: row.variants.httpRequest?.ratio ?? NaN,
						color: COLORS.httpRequest,
					},
				],
			})),
		});
	}
	if (report.batching) {
		panels.push({
			title: `W2 speed-up over sequential (${report.options.latencyMs} ms latency)`,
			unit: '×',
			goal: { value: GOALS.batchingSpeedup, label: `goal ${GOALS.batchingSpeedup}×` },
			groups: report.batching.map((row) => ({
				label: short(row.scenario),
				bars: row.runs.slice(1).map((run, k) => ({
					label: run.mode,
					value: run.speedup,
					color: COLORS.batches[k % COLORS.batches.length],
				})),
			})),
		});
	}
	if (report.returnAll) {
		panels.push({
			title: `W3 Return All vs bare paging (${report.options.records} records)`,
			unit: '×',
			goal: { value: GOALS.returnAllRatio, label: `goal ${GOALS.returnAllRatio}×` },
			groups: report.returnAll.map((row) => ({
				label: short(row.scenario),
				bars: [{ label: 'our node', value: row.ratio, color: COLORS.ratio }],
			})),
		});
	}
	const batchLabels = report.batching?.[0]?.runs.slice(1).map((run) => run.mode) ?? [];
	const legend: Bar[] = [
		{ label: 'minimal node (engine floor)', value: 0, color: COLORS.minimal },
		{ label: 'our node', value: 0, color: COLORS.node },
		{ label: "n8n's HTTP Request node", value: 0, color: COLORS.httpRequest },
		...batchLabels.map((label, k) => ({
			label,
			value: 0,
			color: COLORS.batches[k % COLORS.batches.length],
		})),
	];
	return barChart(panels, legend);
}

function markdown(report: Report): string {
	const out: string[] = [
		`# Latest benchmark figures`,
		'',
		`${report.date} · \`${report.command}\` · Node ${report.machine.node} · ${report.machine.cpus}× ${report.machine.cpuModel} · ${report.machine.memoryGb} GB · load average before ${report.machine.loadBefore.join(' ')}, after ${report.machine.loadAfter?.join(' ') ?? '?'}`,
		'',
		'## Goals',
		'',
		...goalLines(report).map((line) => `- ${line}`),
		'',
		'![chart](chart.svg)',
	];
	if (report.overhead) {
		const t = overheadTables(report.overhead);
		out.push(
			'',
			`## Workload 1: per-item overhead (${report.overhead.items} sends, median of ${report.overhead.rounds} rounds, no added latency)`,
			'',
			`HTTP Request node: ${report.overhead.httpRequestNode}.`,
			'',
			markdownTable(t.header, t.rows),
		);
		const notes = [
			...new Set(
				report.overhead.rows.flatMap((row) => row.notes.map((note) => `${row.scenario}: ${note}`)),
			),
		];
		if (notes.length) out.push('', ...notes.map((note) => `- ${note}`));
	}
	if (report.batching) {
		const t = batchingTables(report.batching);
		out.push(
			'',
			`## Workload 2: batching (${report.options.latencyMs} ms simulated latency)`,
			'',
			markdownTable(t.header, t.rows),
		);
		const notes = report.batching.flatMap((row) =>
			row.notes.map((note) => `${row.scenario}: ${note}`),
		);
		if (notes.length) out.push('', ...notes.map((note) => `- ${note}`));
	}
	if (report.returnAll) {
		const t = returnAllTables(report.returnAll);
		out.push(
			'',
			`## Workload 3: Return All (median of ${report.options.rounds} rounds)`,
			'',
			markdownTable(t.header, t.rows),
		);
		const notes = report.returnAll.flatMap((row) =>
			row.notes.map((note) => `${row.scenario}: ${note}`),
		);
		if (notes.length) out.push('', ...notes.map((note) => `- ${note}`));
	}
	if (report.packageLoad) {
		const t = packageTables(report.packageLoad);
		out.push(
			'',
			'## Workload 4: package load and size',
			'',
			markdownTable(t.header, t.rows),
			'',
			`Per file (median ms, Node ${report.packageLoad.load[0].runtime}; the first node file also loads the shared modules):`,
			'',
			...report.packageLoad.load[0].perFile.map((f) => `- ${f.file}: ${f.ms} ms`),
		);
	}
	return `${out.join('\n')}\n`;
}

async function main() {
	const options = parseArgs(process.argv.slice(2));
	const log = (line: string) => console.log(line);
	const report: Report = {
		date: new Date().toISOString(),
		machine: {
			node: process.version,
			cpus: cpus().length,
			cpuModel: cpus()[0]?.model ?? '?',
			memoryGb: Math.round(totalmem() / 2 ** 30),
			loadBefore: loadavg().map((l) => Number(l.toFixed(2))),
		},
		command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
		options,
	};
	log(
		`Node ${report.machine.node}, ${report.machine.cpus}× ${report.machine.cpuModel}, ${report.machine.memoryGb} GB, load average ${report.machine.loadBefore.join(' ')}`,
	);
	if (!(globalThis as { gc?: unknown }).gc)
		log('(run with node --expose-gc for a full GC before each timed run; npm run bench does)');

	const fakes = new Fakes();
	await fakes.start();
	try {
		if (options.workloads.has(1)) {
			log(`\n== Workload 1: per-item overhead, ${options.items} sends, ${options.rounds} rounds`);
			report.overhead = await runOverhead(fakes, {
				items: options.items,
				rounds: options.rounds,
				log,
			});
			const t = overheadTables(report.overhead);
			log(`\n${table(t.header, t.rows)}`);
		}
		if (options.workloads.has(2)) {
			log(
				`\n== Workload 2: batching, ${options.batchItems} sends (TomTicket ${options.tomTicketItems}), ${options.latencyMs} ms latency`,
			);
			report.batching = await runBatching(fakes, {
				items: options.batchItems,
				tomTicketItems: options.tomTicketItems,
				latencyMs: options.latencyMs,
				batchSizes: [10, 20, 50],
				log,
			});
			const t = batchingTables(report.batching);
			log(`\n${table(t.header, t.rows)}`);
		}
		if (options.workloads.has(3)) {
			log(`\n== Workload 3: Return All over ${options.records} records, ${options.rounds} rounds`);
			report.returnAll = await runReturnAll(fakes, {
				records: options.records,
				rounds: options.rounds,
				log,
			});
			const t = returnAllTables(report.returnAll);
			log(`\n${table(t.header, t.rows)}`);
		}
	} finally {
		await fakes.stop();
	}
	if (options.workloads.has(4)) {
		log(`\n== Workload 4: package load and size`);
		report.packageLoad = runPackageLoad({ runs: options.loadRuns, log });
		const t = packageTables(report.packageLoad);
		log(`\n${table(t.header, t.rows)}`);
	}
	report.machine.loadAfter = loadavg().map((l) => Number(l.toFixed(2)));

	log('\n== Against the goals');
	for (const line of goalLines(report)) log(`- ${line}`);
	if (options.write) {
		const dir = join(REPO_ROOT, 'bench', 'results');
		mkdirSync(dir, { recursive: true });
		writeFileSync(join(dir, 'latest.json'), `${JSON.stringify(report, null, '\t')}\n`);
		writeFileSync(join(dir, 'latest.md'), markdown(report));
		if (report.overhead || report.batching || report.returnAll)
			writeFileSync(join(dir, 'chart.svg'), chart(report));
		log(
			`\nWritten: bench/results/latest.json, latest.md${report.overhead || report.batching || report.returnAll ? ', chart.svg' : ''}`,
		);
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
