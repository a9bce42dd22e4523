/**
 * `npm run bench`: the four performance workloads of the package (see bench/README.md).
 *
 *   npm run bench                      all four, full size
 *   npm run bench -- --quick           the goals only, smaller: under 5 minutes on 2 cores
 *   npm run bench -- --workload 1,4    some of them
 *   npm run bench -- --only plugchat   W1 and W3 for the scenarios whose key starts so
 *   npm run bench -- --no-write        do not update bench/results/
 *
 * Sizes: --items (W1 items per round, 500; quick 200), --rounds (W1, 30; quick 20),
 * --return-all-rounds (W3, 15; quick 7), --batch-items (W2, 1000), --tomticket-items (W2
 * TomTicket, 60), --latency (W2, 50 ms), --records (W3, 20000), --load-runs (W4, 15).
 *
 * Every goal ends as one line `BENCH goal=<name> ratio=<x>|value=<v> goal<=<target> met|missed …`.
 */
import { mkdirSync, writeFileSync } from 'fs';
import { cpus, loadavg, totalmem } from 'os';
import { join } from 'path';

import type { Bar } from './lib/chart';
import { barChart } from './lib/chart';
import { REPO_ROOT } from './lib/engine';
import { Fakes } from './lib/fakes';
import type { GoalResult } from './lib/goals';
import {
	batchingGoals,
	benchLine,
	GOALS,
	goalSentence,
	instructionGoals,
	overheadGoals,
	packageGoals,
	returnAllGoals,
} from './lib/goals';
import { sendScenarios } from './lib/scenarios';
import type { Spread } from './lib/stats';
import { fmtBytes, fmtMs, fmtRatio, fmtSpread, markdownTable, table } from './lib/stats';
import type { BatchingRow } from './workloads/batching';
import { runBatching } from './workloads/batching';
import type { InstructionResult } from './workloads/instructions';
import { runInstructions } from './workloads/instructions';
import type { OverheadResult, Variant } from './workloads/overhead';
import { GOAL_VARIANTS, runOverhead, VARIANTS } from './workloads/overhead';
import type { PackageLoadResult } from './workloads/packageLoad';
import { runPackageLoad } from './workloads/packageLoad';
import type { ReturnAllRow } from './workloads/returnAll';
import { runReturnAll } from './workloads/returnAll';

function parseArgs(argv: string[]) {
	const quick = argv.includes('--quick');
	const value = (name: string, fallback: number) => {
		const index = argv.indexOf(`--${name}`);
		return index >= 0 ? Number(argv[index + 1]) : fallback;
	};
	const list = (name: string) => {
		const index = argv.indexOf(`--${name}`);
		return index >= 0 ? argv[index + 1].split(',') : undefined;
	};
	return {
		quick,
		write: !argv.includes('--no-write'),
		workloads: new Set((list('workload') ?? ['1', '2', '3', '4']).map(Number)),
		only: list('only'),
		items: value('items', quick ? 200 : 500),
		rounds: value('rounds', quick ? 20 : 30),
		batchItems: value('batch-items', quick ? 200 : 1000),
		tomTicketItems: value('tomticket-items', quick ? 30 : 60),
		latencyMs: value('latency', 50),
		records: value('records', quick ? 5000 : 20000),
		returnAllRounds: value('return-all-rounds', quick ? 7 : 15),
		loadRuns: value('load-runs', quick ? 7 : 15),
		instructions: argv.includes('--instructions'),
		instructionItems: value('instruction-items', 20),
		instructionRounds: value('instruction-rounds', 8),
		instructionWarmup: value('instruction-warmup', 8),
	};
}

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
	/** Wall time of the whole run, seconds. */
	durationS?: number;
	goals: GoalResult[];
	overhead?: OverheadResult;
	instructions?: InstructionResult;
	batching?: BatchingRow[];
	returnAll?: ReturnAllRow[];
	packageLoad?: PackageLoadResult;
}

const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

const VARIANT_LABELS: Record<Variant, string> = {
	bare: 'bare axios loop (keep-alive)',
	bareFresh: 'bare axios, new connection per request',
	minimal: 'minimal node (1 httpRequestWithAuthentication per item): the floor',
	node: 'our node',
	httpRequest: "n8n's HTTP Request node",
	minimalAgain: 'minimal node again (noise: the floor against itself)',
};

const ratioCell = (s: Spread | undefined) => (s ? fmtSpread(s) : '');
const bareCell = (s: Spread | undefined) => (s ? fmtRatio(s.median) : '');

function overheadTables(result: OverheadResult) {
	const header = [
		'operation',
		'variant',
		'CPU µs/item',
		'wall µs/item',
		'CPU × minimal (95 % interval; min–max)',
		'wall × minimal (95 % interval; min–max)',
		'CPU × bare',
		'wall × bare',
		'connections per round',
	];
	const rows: string[][] = [];
	for (const row of result.rows) {
		for (const variant of VARIANTS) {
			const figures = row.variants[variant];
			if (!figures) continue;
			rows.push([
				row.scenario,
				variant === 'node' ? `${VARIANT_LABELS.node}: ${row.node}` : VARIANT_LABELS[variant],
				figures.cpuUs.toFixed(0),
				figures.wallUs.toFixed(0),
				ratioCell(figures.cpuVsMinimal),
				ratioCell(figures.wallVsMinimal),
				bareCell(figures.cpuVsBare),
				bareCell(figures.wallVsBare),
				String(figures.connections),
			]);
		}
	}
	return { header, rows };
}

function instructionTables(result: InstructionResult) {
	const header = [
		'operation',
		'minimal node, instructions/item',
		'our node',
		'minimal node again',
		'our node × minimal (95 % interval; min–max)',
		'minimal again × minimal (noise)',
	];
	return {
		header,
		rows: result.rows.map((row) => [
			row.scenario,
			String(row.perItem.minimal ?? ''),
			String(row.perItem.node ?? ''),
			String(row.perItem.minimalAgain ?? ''),
			fmtSpread(row.nodeVsMinimal),
			fmtSpread(row.noise),
		]),
	};
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
		'minimal paging node',
		'node',
		'wall × bare (95 % interval; min–max)',
		'CPU × bare (95 % interval; min–max)',
		'minimal node CPU × bare',
		'node CPU × minimal node',
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
			fmtMs(row.minimalMs),
			fmtMs(row.nodeMs),
			fmtSpread(row.wallRatio),
			fmtSpread(row.cpuRatio),
			fmtRatio(row.minimalCpuRatio.median),
			fmtRatio(row.nodeVsMinimalCpu.median),
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

const COLORS = {
	node: '#2a7',
	httpRequest: '#e83',
	noise: '#9aa',
	batches: ['#8ad', '#47c', '#136'],
	ratio: '#2a7',
};

function chart(report: Report): string {
	const short = (title: string) => title.split(' ')[0];
	const panels = [];
	if (report.overhead) {
		panels.push({
			title: `W1 CPU per item vs the minimal node`,
			unit: '×',
			goal: { value: GOALS.perItemRatio, label: `goal ${GOALS.perItemRatio}×` },
			groups: report.overhead.rows.map((row) => ({
				label: short(row.scenario),
				bars: [
					{
						label: 'minimal node again',
						value: row.variants.minimalAgain?.cpuVsMinimal?.median ?? NaN,
						color: COLORS.noise,
					},
					{
						label: 'our node',
						value: row.variants.node?.cpuVsMinimal?.median ?? NaN,
						color: COLORS.node,
					},
					{
						label: 'HTTP Request',
						value: row.variants.httpRequest?.cpuVsMinimal?.median ?? NaN,
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
				bars: [{ label: 'our node', value: row.wallRatio.median, color: COLORS.ratio }],
			})),
		});
	}
	const batchLabels = report.batching?.[0]?.runs.slice(1).map((run) => run.mode) ?? [];
	const legend: Bar[] = [
		{ label: 'minimal node against itself (noise)', value: 0, color: COLORS.noise },
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
		`${report.date} · \`${report.command}\` · ${report.durationS} s · Node ${report.machine.node} · ${report.machine.cpus}× ${report.machine.cpuModel} · ${report.machine.memoryGb} GB · load average before ${report.machine.loadBefore.join(' ')}, after ${report.machine.loadAfter?.join(' ') ?? '?'}`,
		'',
		'## Goals',
		'',
		...report.goals.map((goal) => `- ${goalSentence(goal)}`),
		'',
		'```',
		...report.goals.map(benchLine),
		'```',
		'',
		'![chart](chart.svg)',
	];
	if (report.overhead) {
		const t = overheadTables(report.overhead);
		out.push(
			'',
			`## Workload 1: per-item overhead (${report.overhead.rounds} rounds of ${report.overhead.items} sends per variant, no added latency)`,
			'',
			`Medians over rounds; every ratio is taken within a round. HTTP Request node: ${report.overhead.httpRequestNode}.`,
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
	if (report.instructions) {
		const i = report.instructions;
		out.push('', '## Workload 1 in instructions (callgrind)', '');
		if (!i.available) out.push(`Not measured: ${i.reason}.`);
		else {
			const t = instructionTables(i);
			out.push(
				`${i.valgrind}, ${i.rows[0]?.rounds} rounds of ${i.rows[0]?.items} sends per variant after warm-up, ${i.seconds} s; medians over rounds, ratios taken within a round.`,
				'',
				markdownTable(t.header, t.rows),
			);
		}
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
			`## Workload 3: Return All (${report.options.returnAllRounds} rounds, medians; ratios taken within a round)`,
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
	const started = Date.now();
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
		goals: [],
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
			const variants = options.quick ? GOAL_VARIANTS : VARIANTS;
			log(
				`\n== Workload 1: per-item overhead, ${options.rounds} rounds of ${options.items} sends per variant (${variants.join(', ')})`,
			);
			report.overhead = await runOverhead(fakes, {
				items: options.items,
				rounds: options.rounds,
				variants,
				scenarios: options.only,
				log,
			});
			const t = overheadTables(report.overhead);
			log(`\n${table(t.header, t.rows)}`);
		}
		if (options.workloads.has(1) && options.instructions) {
			log(
				`\n== Workload 1 in instructions: callgrind, ${options.instructionRounds} rounds of ${options.instructionItems} sends after ${options.instructionWarmup} warm-up rounds`,
			);
			const scenarios = sendScenarios(fakes).filter(
				(s) => !options.only || options.only.some((prefix) => s.key.startsWith(prefix)),
			);
			report.instructions = await runInstructions({
				scenarios,
				items: options.instructionItems,
				rounds: options.instructionRounds,
				warmupRounds: options.instructionWarmup,
				log,
			});
			if (!report.instructions.available) log(`  not measured: ${report.instructions.reason}`);
			else {
				const t = instructionTables(report.instructions);
				log(`\n${table(t.header, t.rows)}`);
			}
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
			log(
				`\n== Workload 3: Return All over ${options.records} records, ${options.returnAllRounds} rounds`,
			);
			report.returnAll = await runReturnAll(fakes, {
				records: options.records,
				rounds: options.returnAllRounds,
				scenarios: options.only,
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
	report.durationS = Math.round((Date.now() - started) / 1000);
	report.goals = [
		...(report.overhead ? overheadGoals(report.overhead) : []),
		...(report.instructions ? instructionGoals(report.instructions) : []),
		...(report.batching ? batchingGoals(report.batching) : []),
		...(report.returnAll ? returnAllGoals(report.returnAll) : []),
		...(report.packageLoad ? packageGoals(report.packageLoad) : []),
	];

	log(
		`\n== Against the goals (${report.durationS} s, load average before ${report.machine.loadBefore.join(' ')}, after ${report.machine.loadAfter.join(' ')})`,
	);
	for (const goal of report.goals) log(benchLine(goal));
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
