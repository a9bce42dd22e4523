import { Agent } from 'http';

import type { INodeType } from 'n8n-workflow';

import { bareLoop } from '../lib/bare';
import { loadHttpRequestNode, runNode, runNodeAs } from '../lib/engine';
import type { Fakes } from '../lib/fakes';
import { liftTomTicketLimit } from '../lib/fakes';
import { MinimalNode } from '../lib/minimalNode';
import type { NodeUnderTest, SendScenario } from '../lib/scenarios';
import { sendScenarios } from '../lib/scenarios';
import type { Spread } from '../lib/stats';
import { median, round, spread, timed } from '../lib/stats';

/**
 * - bare: one awaited axios call per item, Node's default keep-alive agent;
 * - bareFresh: the same with a new connection per request, as n8n-core's request helper makes
 *   them (it builds a new http.Agent for every request);
 * - minimal: a one-call-per-item node in the same engine (the floor for any node, and the
 *   reference of the per-item goal);
 * - node: our node;
 * - httpRequest: n8n's HTTP Request node in the same engine;
 * - minimalAgain: the minimal node a second time in every round. It is not a different variant:
 *   the spread of minimalAgain / minimal is what the same code measures against itself, the noise
 *   any other ratio has to be read against.
 */
export const VARIANTS = [
	'bare',
	'bareFresh',
	'minimal',
	'node',
	'httpRequest',
	'minimalAgain',
] as const;
export type Variant = (typeof VARIANTS)[number];

/** The variants the per-item goal needs: `--quick` runs only these. */
export const GOAL_VARIANTS: Variant[] = ['minimal', 'node', 'minimalAgain'];

export interface VariantFigures {
	/** Median over rounds of wall time per item, µs. */
	wallUs: number;
	/** Median over rounds of the process's CPU time (user + system, all threads) per item, µs. */
	cpuUs: number;
	/** Per round, this variant's time over the bare loop's in the same round (full run only). */
	wallVsBare?: Spread;
	cpuVsBare?: Spread;
	/**
	 * Per round, this variant's time over the minimal node's in the same round (the mean of its two
	 * runs, one before and one after). For minimalAgain: over the minimal node's other run (the
	 * noise). None for the minimal node itself.
	 */
	wallVsMinimal?: Spread;
	cpuVsMinimal?: Spread;
	/** Wall and CPU µs per item of every round, in order. */
	wallSamples: number[];
	cpuSamples: number[];
	/** TCP connections the fake accepted during one round (median). */
	connections: number;
}

export interface OverheadRow {
	scenario: string;
	/** Short name for goal lines: "plugchat.sendText". */
	key: string;
	node: string;
	standIn?: string;
	items: number;
	rounds: number;
	variants: Partial<Record<Variant, VariantFigures>>;
	notes: string[];
}

export interface OverheadResult {
	items: number;
	rounds: number;
	httpRequestNode: string;
	rows: OverheadRow[];
}

/**
 * Workload 1: the same sends several ways against the same loopback fake with no added latency,
 * in the same process. Many short rounds; in each, every variant runs once and the minimal node
 * twice, our node between its two runs (A B A', then A' B A in the next round), so a change of
 * machine load within a round hits both sides alike. Every ratio is taken within a round and the
 * median over rounds is reported with its 95 % interval and min–max.
 */
export async function runOverhead(
	fakes: Fakes,
	options: {
		items: number;
		rounds: number;
		variants: readonly Variant[];
		scenarios?: string[];
		log: (line: string) => void;
	},
): Promise<OverheadResult> {
	const { items: count, rounds, log } = options;
	const http = options.variants.includes('httpRequest') ? loadHttpRequestNode() : undefined;
	const httpLabel = !http
		? 'not run (--quick)'
		: http.value
			? `n8n-nodes-base ${http.version} HttpRequestV3, typeVersion ${http.typeVersion}`
			: `not measured: ${http.reason}`;
	log(`  HTTP Request node: ${httpLabel}`);
	const variants = options.variants.filter((v) => v !== 'httpRequest' || http?.value);
	const rows: OverheadRow[] = [];
	// The 3 requests/second limit would make 5,000 creates take ~28 minutes; overhead is measured
	// with it lifted on both sides (workload 2 measures the limit itself).
	liftTomTicketLimit(fakes, true);
	try {
		for (const scenario of sendScenarios(fakes)) {
			if (options.scenarios && !options.scenarios.some((s) => scenario.key.startsWith(s))) continue;
			rows.push(await measureScenario(fakes, scenario, count, rounds, variants, http?.value, log));
		}
	} finally {
		liftTomTicketLimit(fakes, false);
	}
	return { items: count, rounds, httpRequestNode: httpLabel, rows };
}

const minimalNode = new MinimalNode();

/**
 * The order of one round: the minimal node, our node, the minimal node again (swapped every other
 * round), then the other variants, rotated; every other round the other variants go first.
 */
export function roundOrder(variants: readonly Variant[], round: number): Variant[] {
	const core: Variant[] = (
		round % 2 ? ['minimalAgain', 'node', 'minimal'] : ['minimal', 'node', 'minimalAgain']
	).filter((v) => variants.includes(v as Variant)) as Variant[];
	const others = variants.filter((v) => !core.includes(v));
	const rotated = others.map((_, k) => others[(k + round) % others.length]);
	return Math.floor(round / 2) % 2 ? [...rotated, ...core] : [...core, ...rotated];
}

/** Hooks around the measured part of a run (after the GC, before the clock stops). */
export interface MeasurementProbe {
	start(): void;
	stop(): void;
}

/**
 * Runs `n` sends of one variant against the fake, checks that every send was made and answered,
 * and returns wall and CPU µs per item.
 */
export function variantRunner(
	fakes: Fakes,
	scenario: SendScenario,
	underTest: NodeUnderTest,
	httpNode: INodeType | undefined,
) {
	const credentials = fakes.credentials();
	return async (
		variant: Variant,
		n: number,
		probe?: MeasurementProbe,
	): Promise<{ wall: number; cpu: number; connections: number }> => {
		scenario.prepare();
		const items = scenario.items(n);
		const connectionsBefore = fakes.connections;
		const { ms, cpuMs, result } = await timed(
			async () => {
				switch (variant) {
					case 'bare':
						return { count: (await bareLoop(n, (i) => scenario.bare(items[i].json))).length };
					case 'bareFresh':
						return {
							count: (
								await bareLoop(n, (i) => ({
									...scenario.bare(items[i].json),
									httpAgent: new Agent({ keepAlive: false }),
								}))
							).length,
						};
					case 'minimal':
					case 'minimalAgain': {
						const run = await runNode({
							nodeType: minimalNode,
							parameters: scenario.minimal(),
							credentials,
							items,
						});
						return { count: run.items.length, error: run.error?.message };
					}
					case 'node': {
						const run = await runNode({
							nodeType: underTest.nodeType,
							parameters: underTest.parameters,
							credentials,
							items,
						});
						return { count: run.items.length, error: run.error?.message };
					}
					case 'httpRequest': {
						const run = await runNodeAs('n8n-nodes-base.httpRequest', {
							nodeType: httpNode!,
							parameters: scenario.httpRequest(),
							credentials,
							items,
						});
						return { count: run.items.length, error: run.error?.message };
					}
				}
			},
			probe,
			{ gc: process.env.BENCH_GC === '1' },
		);
		// A run that did not make every call is not a measurement.
		if ('error' in result && result.error)
			throw new Error(`${scenario.title} (${variant}) failed: ${result.error}`);
		if (result.count !== n || scenario.handledSends() !== n) {
			throw new Error(
				`${scenario.title} (${variant}): ${result.count} outputs, ${scenario.handledSends()} sends handled, expected ${n}`,
			);
		}
		return {
			wall: (ms / n) * 1000,
			cpu: (cpuMs / n) * 1000,
			connections: fakes.connections - connectionsBefore,
		};
	};
}

async function measureScenario(
	fakes: Fakes,
	scenario: SendScenario,
	count: number,
	rounds: number,
	variants: readonly Variant[],
	httpNode: INodeType | undefined,
	log: (line: string) => void,
): Promise<OverheadRow> {
	const underTest = scenario.node();
	const notes: string[] = [];
	if (underTest.standIn) notes.push(`stand-in: ${underTest.standIn}`);
	if (scenario.service === 'tomTicket') notes.push('3 req/s limit lifted on both sides');
	const runVariant = variantRunner(fakes, scenario, underTest, httpNode);

	// Warm-up, two rounds: JIT, module caches, the fake's code paths.
	for (let r = 0; r < 2; r++)
		for (const variant of roundOrder(variants, r)) await runVariant(variant, count);
	const wall: Partial<Record<Variant, number[]>> = {};
	const cpu: Partial<Record<Variant, number[]>> = {};
	const connections: Partial<Record<Variant, number[]>> = {};
	const minimalMean = (samples: Partial<Record<Variant, number[]>>) => (r: number) =>
		samples.minimalAgain
			? (samples.minimal![r] + samples.minimalAgain[r]) / 2
			: samples.minimal![r];
	for (let r = 0; r < rounds; r++) {
		for (const variant of roundOrder(variants, r)) {
			const sample = await runVariant(variant, count);
			(wall[variant] ??= []).push(sample.wall);
			(cpu[variant] ??= []).push(sample.cpu);
			(connections[variant] ??= []).push(sample.connections);
		}
		if ((r + 1) % Math.ceil(rounds / 10) === 0 || r === rounds - 1) {
			const cpuRatio = cpu.node![r] / minimalMean(cpu)(r);
			log(
				`  ${scenario.title} round ${r + 1}/${rounds}: CPU µs/item ${variants.map((v) => `${v} ${cpu[v]![r].toFixed(0)}`).join(', ')}; node / minimal ${cpuRatio.toFixed(3)}`,
			);
		}
	}

	const perRound = (
		samples: Partial<Record<Variant, number[]>>,
		variant: Variant,
		reference: (r: number) => number,
	) => (samples[variant] ?? []).map((value, r) => value / reference(r));
	const figures: Partial<Record<Variant, VariantFigures>> = {};
	for (const variant of variants) {
		const isMinimal = variant === 'minimal' || variant === 'minimalAgain';
		const vsMinimal = (samples: Partial<Record<Variant, number[]>>) =>
			variant === 'minimal'
				? undefined
				: spread(
						variant === 'minimalAgain'
							? perRound(samples, 'minimalAgain', (r) => samples.minimal![r])
							: perRound(samples, variant, minimalMean(samples)),
					);
		const vsBare = (samples: Partial<Record<Variant, number[]>>) =>
			samples.bare
				? spread(
						isMinimal
							? samples.minimal!.map((_, r) => minimalMean(samples)(r) / samples.bare![r])
							: perRound(samples, variant, (r) => samples.bare![r]),
					)
				: undefined;
		figures[variant] = {
			wallUs: round(median(wall[variant]!), 1),
			cpuUs: round(median(cpu[variant]!), 1),
			wallVsBare: vsBare(wall),
			cpuVsBare: vsBare(cpu),
			wallVsMinimal: vsMinimal(wall),
			cpuVsMinimal: vsMinimal(cpu),
			wallSamples: wall[variant]!.map((v) => round(v, 1)),
			cpuSamples: cpu[variant]!.map((v) => round(v, 1)),
			connections: median(connections[variant]!),
		};
	}
	return {
		scenario: scenario.title,
		key: scenario.key,
		node: underTest.label,
		standIn: underTest.standIn,
		items: count,
		rounds,
		variants: figures,
		notes,
	};
}
