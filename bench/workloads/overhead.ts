import { Agent } from 'http';

import type { INodeType } from 'n8n-workflow';

import { bareLoop } from '../lib/bare';
import { loadHttpRequestNode, runNode, runNodeAs } from '../lib/engine';
import type { Fakes } from '../lib/fakes';
import { liftTomTicketLimit } from '../lib/fakes';
import { MinimalNode } from '../lib/minimalNode';
import type { SendScenario } from '../lib/scenarios';
import { sendScenarios } from '../lib/scenarios';
import { median, round, timed } from '../lib/stats';

/**
 * - bare: one awaited axios call per item, Node's default keep-alive agent (the reference);
 * - bareFresh: the same with a new connection per request, as n8n-core's request helper makes
 *   them (it builds a new http.Agent for every request);
 * - minimal: a one-call-per-item node in the same engine (the floor for any node);
 * - node: our node;
 * - httpRequest: n8n's HTTP Request node in the same engine.
 */
export const VARIANTS = ['bare', 'bareFresh', 'minimal', 'node', 'httpRequest'] as const;
export type Variant = (typeof VARIANTS)[number];

export interface VariantFigures {
	/** Median wall time, ms. */
	wallMs: number;
	/** Median CPU time of the process (client and fake together), ms. */
	cpuMs: number;
	/** Median wall time relative to the bare loop's. */
	ratio: number;
	cpuRatio: number;
	/** (wall − bare wall) / items, in microseconds. */
	overheadUs: number;
	wallSamples: number[];
	cpuSamples: number[];
	/** TCP connections the fake accepted during one run (median). */
	connections: number;
}

export interface OverheadRow {
	scenario: string;
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
 * Workload 1: the same N sends several ways against the same loopback fake with no added
 * latency, in the same process. Warm-up first, then rounds in rotating order; medians compared.
 */
export async function runOverhead(
	fakes: Fakes,
	options: { items: number; rounds: number; log: (line: string) => void },
): Promise<OverheadResult> {
	const { items: count, rounds, log } = options;
	const http = loadHttpRequestNode();
	const httpLabel = http.value
		? `n8n-nodes-base ${http.version} HttpRequestV3, typeVersion ${http.typeVersion}`
		: `not measured: ${http.reason}`;
	log(`  HTTP Request node: ${httpLabel}`);
	const rows: OverheadRow[] = [];
	// The 3 requests/second limit would make 5,000 creates take ~28 minutes; overhead is measured
	// with it lifted on both sides (workload 2 measures the limit itself).
	liftTomTicketLimit(fakes, true);
	try {
		for (const scenario of sendScenarios(fakes)) {
			rows.push(await measureScenario(fakes, scenario, count, rounds, http.value, log));
		}
	} finally {
		liftTomTicketLimit(fakes, false);
	}
	return { items: count, rounds, httpRequestNode: httpLabel, rows };
}

const minimalNode = new MinimalNode();

async function measureScenario(
	fakes: Fakes,
	scenario: SendScenario,
	count: number,
	rounds: number,
	httpNode: INodeType | undefined,
	log: (line: string) => void,
): Promise<OverheadRow> {
	const underTest = scenario.node();
	const notes: string[] = [];
	if (underTest.standIn) notes.push(`stand-in: ${underTest.standIn}`);
	if (scenario.service === 'tomTicket') notes.push('3 req/s limit lifted on both sides');
	const credentials = fakes.credentials();

	const runVariant = async (
		variant: Variant,
		n: number,
	): Promise<{ wall: number; cpu: number; connections: number }> => {
		scenario.prepare();
		const items = scenario.items(n);
		const connectionsBefore = fakes.connections;
		const { ms, cpuMs, result } = await timed(async () => {
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
				case 'minimal': {
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
		});
		// A run that did not make every call is not a measurement.
		if ('error' in result && result.error)
			throw new Error(`${scenario.title} (${variant}) failed: ${result.error}`);
		if (result.count !== n || scenario.handledSends() !== n) {
			throw new Error(
				`${scenario.title} (${variant}): ${result.count} outputs, ${scenario.handledSends()} sends handled, expected ${n}`,
			);
		}
		return { wall: ms, cpu: cpuMs, connections: fakes.connections - connectionsBefore };
	};

	const variants = VARIANTS.filter((v) => v !== 'httpRequest' || httpNode);
	// Warm-up: JIT, module caches, the fake's code paths.
	for (const variant of variants) await runVariant(variant, Math.min(500, count));
	const wall: Record<string, number[]> = {};
	const cpu: Record<string, number[]> = {};
	const connections: Record<string, number[]> = {};
	for (let r = 0; r < rounds; r++) {
		// Rotate the order so no variant always runs right after the same other one.
		const order = variants.map((_, k) => variants[(k + r) % variants.length]);
		for (const variant of order) {
			const sample = await runVariant(variant, count);
			(wall[variant] ??= []).push(sample.wall);
			(cpu[variant] ??= []).push(sample.cpu);
			(connections[variant] ??= []).push(sample.connections);
		}
		log(
			`  ${scenario.title} round ${r + 1}/${rounds}: ${variants.map((v) => `${v} ${wall[v][r].toFixed(0)} ms`).join(', ')}`,
		);
	}
	const bareWall = median(wall.bare);
	const bareCpu = median(cpu.bare);
	const figures: Partial<Record<Variant, VariantFigures>> = {};
	for (const variant of variants) {
		const wallMs = median(wall[variant]);
		const cpuMs = median(cpu[variant]);
		figures[variant] = {
			wallMs: round(wallMs, 1),
			cpuMs: round(cpuMs, 1),
			ratio: round(wallMs / bareWall, 3),
			cpuRatio: round(cpuMs / bareCpu, 3),
			overheadUs: round(((wallMs - bareWall) / count) * 1000, 1),
			wallSamples: wall[variant].map((v) => round(v, 1)),
			cpuSamples: cpu[variant].map((v) => round(v, 1)),
			connections: median(connections[variant]),
		};
	}
	return {
		scenario: scenario.title,
		node: underTest.label,
		standIn: underTest.standIn,
		items: count,
		rounds,
		variants: figures,
		notes,
	};
}
