// Benchmark tooling, never shipped: it compiles a small C addon and runs child processes under
// valgrind.
import { execFileSync, spawn } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs';
import { cpus, tmpdir } from 'os';
import { dirname, join } from 'path';

import { REPO_ROOT } from '../lib/engine';
import type { Spread } from '../lib/stats';
import { median, round, spread } from '../lib/stats';

import type { Variant } from './overhead';
import { GOAL_VARIANTS } from './overhead';

/**
 * Workload 1 counted in instructions instead of seconds: `valgrind --tool=callgrind` counts the
 * instructions the process executes, which other processes on the machine do not change. One
 * child process per scenario (bench/workloads/instructionsChild.ts) runs the rounds of workload 1
 * (minimal node, our node, minimal node again) and callgrind's counters are zeroed right before
 * and dumped right after each run, through the client requests of bench/native/callgrind.c.
 */
export interface InstructionRow {
	scenario: string;
	key: string;
	items: number;
	rounds: number;
	/** Median instructions per item, per variant. */
	perItem: Partial<Record<Variant, number>>;
	/** Per round, our node over the mean of the minimal node's two runs. */
	nodeVsMinimal: Spread;
	/** Per round, the minimal node's second run over its first: the noise. */
	noise: Spread;
	samples: Partial<Record<Variant, number[]>>;
}

export interface InstructionResult {
	available: boolean;
	/** Why not, when valgrind or a C compiler is missing. */
	reason?: string;
	valgrind?: string;
	rows: InstructionRow[];
	/** Wall time of the slowest child, seconds. */
	seconds?: number;
}

const CACHE = join(REPO_ROOT, 'node_modules', '.cache', 'atendimento-bench');

/** Builds bench/native/callgrind.c into a Node addon (once; it is tiny). */
function buildAddon(): string {
	const source = join(REPO_ROOT, 'bench', 'native', 'callgrind.c');
	const target = join(CACHE, 'callgrind.node');
	if (existsSync(target)) return target;
	const nodeInclude = join(dirname(process.execPath), '..', 'include', 'node');
	mkdirSync(CACHE, { recursive: true });
	execFileSync(
		'cc',
		[
			'-O2',
			'-shared',
			'-fPIC',
			`-I${nodeInclude}`,
			'-DNODE_GYP_MODULE_NAME=callgrind',
			source,
			'-o',
			target,
		],
		{ stdio: ['ignore', 'ignore', 'pipe'] },
	);
	return target;
}

function readDumps(dir: string): Array<{ label: string; instructions: number }> {
	const dumps: Array<{ label: string; instructions: number; part: number }> = [];
	for (const file of readdirSync(dir)) {
		const match = /\.out\.(\d+)$/.exec(file);
		if (!match) continue;
		const text = readFileSync(join(dir, file), 'utf8');
		const label = /^desc: Trigger: Client Request: (.*)$/m.exec(text)?.[1];
		const totals = /^totals: (\d+)/m.exec(text)?.[1];
		if (label && totals)
			dumps.push({ label, instructions: Number(totals), part: Number(match[1]) });
	}
	return dumps.sort((a, b) => a.part - b.part);
}

function runChild(
	scenario: string,
	options: { items: number; rounds: number; warmupRounds: number; addon: string },
	log: (line: string) => void,
): Promise<Array<{ label: string; instructions: number }>> {
	const dir = mkdtempSync(join(tmpdir(), 'atendimento-callgrind-'));
	const childOptions = { scenario, variants: GOAL_VARIANTS, ...options };
	const args = [
		'--tool=callgrind',
		`--callgrind-out-file=${join(dir, 'callgrind.out')}`,
		'--dump-line=no',
		'--dump-instr=no',
		process.execPath,
		'--expose-gc',
		// No background compiler or GC threads: their work would land in whichever run is open.
		'--single-threaded',
		// Heap growing and the memory reducer on a fixed schedule instead of timers.
		'--predictable-gc-schedule',
		'-r',
		join(REPO_ROOT, 'bench', 'register.js'),
		join(REPO_ROOT, 'bench', 'workloads', 'instructionsChild.ts'),
		JSON.stringify(childOptions),
	];
	return new Promise((resolve, reject) => {
		const child = spawn('valgrind', args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => {
			for (const line of chunk.toString().split('\n').filter(Boolean))
				log(`  ${scenario}: ${line}`);
		});
		child.stderr.on('data', (chunk: Buffer) => {
			stderr = (stderr + chunk.toString()).slice(-4000);
		});
		child.on('error', reject);
		child.on('close', (code) => {
			try {
				if (code !== 0)
					throw new Error(`callgrind child for ${scenario} exited ${code}: ${stderr}`);
				resolve(readDumps(dir));
			} catch (error) {
				reject(error);
			} finally {
				rmSync(dir, { recursive: true, force: true });
			}
		});
	});
}

export async function runInstructions(options: {
	scenarios: Array<{ key: string; title: string }>;
	items: number;
	rounds: number;
	warmupRounds: number;
	log: (line: string) => void;
}): Promise<InstructionResult> {
	let valgrind: string;
	let addon: string;
	try {
		valgrind = execFileSync('valgrind', ['--version'], { encoding: 'utf8' }).trim();
		addon = buildAddon();
	} catch (error) {
		return {
			available: false,
			reason: `valgrind or a C compiler with valgrind's and Node's headers is missing (${(error as Error).message.split('\n')[0]})`,
			rows: [],
		};
	}
	const started = Date.now();
	const queue = [...options.scenarios];
	const results = new Map<string, Array<{ label: string; instructions: number }>>();
	// Instructions do not depend on the machine's load, so the children run side by side.
	const lanes = Array.from(
		{ length: Math.max(1, Math.min(cpus().length, queue.length)) },
		async () => {
			for (let next = queue.shift(); next; next = queue.shift()) {
				results.set(
					next.key,
					await runChild(
						next.key,
						{
							items: options.items,
							rounds: options.rounds,
							warmupRounds: options.warmupRounds,
							addon,
						},
						options.log,
					),
				);
			}
		},
	);
	await Promise.all(lanes);

	const rows: InstructionRow[] = options.scenarios.map((scenario) => {
		const samples: Partial<Record<Variant, number[]>> = {};
		for (const dump of results.get(scenario.key) ?? []) {
			const [variant, roundText] = dump.label.split(' ') as [Variant, string];
			(samples[variant] ??= [])[Number(roundText)] = dump.instructions / options.items;
		}
		const minimal = samples.minimal ?? [];
		const again = samples.minimalAgain ?? [];
		const node = samples.node ?? [];
		const perItem: Partial<Record<Variant, number>> = {};
		for (const [variant, values] of Object.entries(samples) as Array<[Variant, number[]]>)
			perItem[variant] = Math.round(median(values));
		return {
			scenario: scenario.title,
			key: scenario.key,
			items: options.items,
			rounds: options.rounds,
			perItem,
			nodeVsMinimal: spread(node.map((v, r) => v / ((minimal[r] + again[r]) / 2))),
			noise: spread(again.map((v, r) => v / minimal[r])),
			samples: Object.fromEntries(
				Object.entries(samples).map(([variant, values]) => [
					variant,
					values.map((v) => round(v, 0)),
				]),
			),
		};
	});
	return { available: true, valgrind, rows, seconds: Math.round((Date.now() - started) / 1000) };
}
