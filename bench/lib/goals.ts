import type { BatchingRow } from '../workloads/batching';
import type { InstructionResult } from '../workloads/instructions';
import type { OverheadResult } from '../workloads/overhead';
import type { PackageLoadResult } from '../workloads/packageLoad';
import type { ReturnAllRow } from '../workloads/returnAll';

import type { Spread } from './stats';

/** The package's performance goals (issue 17 restates those of issue 7 against the floor). */
export const GOALS = {
	/** Our node per item over the minimal node (one httpRequestWithAuthentication), CPU and wall. */
	perItemRatio: 1.05,
	/** Return All over the bare paging loop asking the same pages. */
	returnAllRatio: 1.2,
	/** Batching (items in flight) over sequential, with 50 ms latency. */
	batchingSpeedup: 8,
	/** TomTicket's documented request rate: never more in any second. */
	tomTicketPerSecond: 3,
	/** Requiring and instantiating every node and credential, per runtime. */
	loadMs: 50,
	tarballBytes: 200 * 1024,
};

/** One goal, measured: what `BENCH` lines and the goals section of latest.md print. */
export interface GoalResult {
	/** "w1.plugchat.sendText.cpu". */
	name: string;
	/** A ratio (×) or a value with a unit. */
	value: number;
	unit: '×' | 'ms' | 'KB' | 'req/s';
	comparison: '<=' | '>=';
	target: number;
	met: boolean;
	/** 95 % interval of the median, when the value is a median over rounds. */
	interval?: { low: number; high: number };
	/** The same code against itself, when measured: the noise the value is to be read against. */
	noise?: Spread;
	rounds?: number;
	/**
	 * What the engine's floor scores on the same ratio (W3: the minimal paging node over the bare
	 * loop): a goal the floor itself misses cannot be met by node code.
	 */
	floor?: number;
	/** What it is, for latest.md. */
	description: string;
}

const f2 = (v: number) => v.toFixed(2);

function ratioGoal(
	name: string,
	s: Spread,
	target: number,
	description: string,
	extra: Partial<GoalResult> = {},
): GoalResult {
	return {
		name,
		value: s.median,
		unit: '×',
		comparison: '<=',
		target,
		met: s.median <= target,
		interval: { low: s.low, high: s.high },
		description,
		...extra,
	};
}

export function overheadGoals(result: OverheadResult): GoalResult[] {
	const goals: GoalResult[] = [];
	for (const row of result.rows) {
		const node = row.variants.node;
		const noise = row.variants.minimalAgain;
		if (!node?.cpuVsMinimal || !node.wallVsMinimal) continue;
		for (const [kind, s, n] of [
			['cpu', node.cpuVsMinimal, noise?.cpuVsMinimal],
			['wall', node.wallVsMinimal, noise?.wallVsMinimal],
		] as const) {
			goals.push(
				ratioGoal(
					`w1.${row.key}.${kind}`,
					s,
					GOALS.perItemRatio,
					`W1 ${row.scenario}, ${kind === 'cpu' ? 'CPU' : 'wall'} time per item over the minimal node`,
					{ noise: n, rounds: row.rounds },
				),
			);
		}
	}
	return goals;
}

/** The same per-item goal in instructions: what the machine's load cannot move. */
export function instructionGoals(result: InstructionResult): GoalResult[] {
	return result.rows.map((row) =>
		ratioGoal(
			`w1.${row.key}.instructions`,
			row.nodeVsMinimal,
			GOALS.perItemRatio,
			`W1 ${row.scenario}, instructions per item over the minimal node (callgrind)`,
			{ noise: row.noise, rounds: row.rounds },
		),
	);
}

export function returnAllGoals(rows: ReturnAllRow[]): GoalResult[] {
	return rows.flatMap((row) =>
		(
			[
				['wall', row.wallRatio, row.minimalWallRatio],
				['cpu', row.cpuRatio, row.minimalCpuRatio],
			] as const
		).map(([kind, s, floor]) =>
			ratioGoal(
				`w3.${row.key}.${kind}`,
				s,
				GOALS.returnAllRatio,
				`W3 ${row.scenario}, Return All of ${row.records} records (${row.pages} pages), ${kind === 'cpu' ? 'CPU' : 'wall'} time over the bare paging loop`,
				{ rounds: row.rounds, floor: floor.median },
			),
		),
	);
}

export function batchingGoals(rows: BatchingRow[]): GoalResult[] {
	const goals: GoalResult[] = [];
	for (const row of rows) {
		const intact = row.runs.every(
			(run) => run.orderAndPairingIntact && run.handled === row.items && run.errors === 0,
		);
		const key = row.scenario.split(' ')[0].toLowerCase();
		if (row.scenario.startsWith('TomTicket')) {
			const maxRate = Math.max(...row.runs.map((run) => run.maxPerSecond));
			const refused = row.runs.reduce((sum, run) => sum + run.rateLimited, 0);
			goals.push({
				name: `w2.${key}.rateLimit`,
				value: maxRate,
				unit: 'req/s',
				comparison: '<=',
				target: GOALS.tomTicketPerSecond,
				met: maxRate <= GOALS.tomTicketPerSecond && refused === 0 && intact,
				description: `W2 ${row.scenario}: most requests in any second with batching (${refused} refused; order and pairedItem ${intact ? 'intact' : 'BROKEN'})`,
			});
			continue;
		}
		const best = row.runs
			.slice(1)
			.reduce((a, b) => (b.speedup > a.speedup ? b : a), row.runs[row.runs.length - 1]);
		goals.push({
			name: `w2.${key}.batching`,
			value: best.speedup,
			unit: '×',
			comparison: '>=',
			target: GOALS.batchingSpeedup,
			met: best.speedup >= GOALS.batchingSpeedup && intact,
			description: `W2 ${row.scenario}: ${best.mode} over sequential, ${row.latencyMs} ms latency (order and pairedItem ${intact ? 'intact' : 'BROKEN'})`,
		});
	}
	return goals;
}

export function packageGoals(result: PackageLoadResult): GoalResult[] {
	const goals: GoalResult[] = result.load.map((load) => ({
		name: `w4.load.node${load.runtime.replace(/^v/, '').split('.')[0]}`,
		value: load.loadMs,
		unit: 'ms',
		comparison: '<=',
		target: GOALS.loadMs,
		met: load.loadMs <= GOALS.loadMs,
		description: `W4 Node ${load.runtime}: require + instantiate every node and credential (median of ${load.runs} fresh processes)`,
	}));
	const kb = Math.round((result.tarballBytes / 1024) * 10) / 10;
	goals.push({
		name: 'w4.tarball',
		value: kb,
		unit: 'KB',
		comparison: '<=',
		target: GOALS.tarballBytes / 1024,
		met: result.tarballBytes <= GOALS.tarballBytes,
		description: 'W4 npm pack tarball',
	});
	return goals;
}

/**
 * The machine-readable line of a goal, one per goal, always the same first four fields:
 *   BENCH goal=w1.plugchat.sendText.cpu ratio=1.03 goal<=1.05 met ci=1.01-1.05 noise=0.99-1.01 rounds=20
 * `ratio=` for ratios, `value=` with the unit for the others; `ci` is the 95 % interval of the
 * median over rounds, `noise` that of the minimal node against itself, `floor` the same ratio for
 * the engine's floor (W3: the minimal paging node).
 */
export function benchLine(goal: GoalResult): string {
	const value = goal.unit === '×' ? `ratio=${f2(goal.value)}` : `value=${goal.value}${goal.unit}`;
	const target = goal.unit === '×' ? f2(goal.target) : `${goal.target}${goal.unit}`;
	const fields = [
		'BENCH',
		`goal=${goal.name}`,
		value,
		`goal${goal.comparison}${target}`,
		goal.met ? 'met' : 'missed',
	];
	if (goal.interval) fields.push(`ci=${f2(goal.interval.low)}-${f2(goal.interval.high)}`);
	if (goal.noise) fields.push(`noise=${f2(goal.noise.low)}-${f2(goal.noise.high)}`);
	if (goal.floor !== undefined) fields.push(`floor=${f2(goal.floor)}`);
	if (goal.rounds) fields.push(`rounds=${goal.rounds}`);
	return fields.join(' ');
}

/** The same goal for people, in latest.md. */
export function goalSentence(goal: GoalResult): string {
	const value = goal.unit === '×' ? `${f2(goal.value)}×` : `${goal.value} ${goal.unit}`;
	const target = goal.unit === '×' ? `${f2(goal.target)}×` : `${goal.target} ${goal.unit}`;
	const parts = [
		`**${goal.name}** ${value} (goal ${goal.comparison === '<=' ? '≤' : '≥'} ${target}) — ${goal.met ? 'met' : 'MISSED'}: ${goal.description}`,
	];
	if (goal.interval)
		parts.push(
			`median of ${goal.rounds} rounds, 95 % interval ${f2(goal.interval.low)}–${f2(goal.interval.high)}`,
		);
	if (goal.floor !== undefined)
		parts.push(`the minimal paging node (the engine's floor) scores ${f2(goal.floor)}×`);
	if (goal.noise)
		parts.push(
			`minimal node against itself ${f2(goal.noise.median)}× (${f2(goal.noise.low)}–${f2(goal.noise.high)})`,
		);
	return parts.join('; ');
}
