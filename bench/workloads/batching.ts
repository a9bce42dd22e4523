import type { INodeExecutionData } from 'n8n-workflow';

import { runNode } from '../lib/engine';
import type { Fakes } from '../lib/fakes';
import { liftTomTicketLimit, TOMTICKET_DOCUMENTED_RATE } from '../lib/fakes';
import { sendScenarios } from '../lib/scenarios';
import { round, timed } from '../lib/stats';

export interface BatchingRun {
	mode: string;
	batchSize: number;
	wallMs: number;
	/** Sequential time / this time. */
	speedup: number;
	requestsPerSecond: number;
	orderAndPairingIntact: boolean;
	/** Requests the platform processed; more than the items would mean a duplicate. */
	handled: number;
	errors: number;
	/** Most request arrivals seen in any 1,000 ms window at the fake. */
	maxPerSecond: number;
	/** 429 answers the fake gave (it enforces TomTicket's limit). */
	rateLimited: number;
}

export interface BatchingRow {
	scenario: string;
	node: string;
	standIn?: string;
	items: number;
	latencyMs: number;
	runs: BatchingRun[];
	notes: string[];
}

/** The most arrivals inside any window of `windowMs` (arrival times in ms, any order). */
export function maxInWindow(times: number[], windowMs = 1000): number {
	const sorted = [...times].sort((a, b) => a - b);
	let best = 0;
	let start = 0;
	for (let end = 0; end < sorted.length; end++) {
		while (sorted[end] - sorted[start] >= windowMs) start++;
		best = Math.max(best, end - start + 1);
	}
	return best;
}

/**
 * Workload 2: N sends with the fake answering after `latencyMs`, one after another and then with
 * the nodes' Batching option (items of a batch in flight together). Output order and pairedItem
 * are checked item by item. TomTicket runs with its 3 requests/second limit in force on both
 * sides, to show batching never breaks it.
 */
export async function runBatching(
	fakes: Fakes,
	options: {
		items: number;
		tomTicketItems: number;
		latencyMs: number;
		batchSizes: number[];
		log: (line: string) => void;
	},
): Promise<BatchingRow[]> {
	const rows: BatchingRow[] = [];
	liftTomTicketLimit(fakes, false);
	for (const scenario of sendScenarios(fakes)) {
		const isTomTicket = scenario.service === 'tomTicket';
		const count = isTomTicket ? options.tomTicketItems : options.items;
		const underTest = scenario.node();
		const notes: string[] = [];
		if (underTest.standIn) notes.push(`stand-in: ${underTest.standIn}`);
		if (isTomTicket)
			notes.push(
				`limit in force: ${TOMTICKET_DOCUMENTED_RATE} req/s per token (our limiter, and the fake answers 429 above it)`,
			);

		const runMode = async (batchSize: number): Promise<Omit<BatchingRun, 'speedup'>> => {
			scenario.prepare();
			const fake = fakes[scenario.service];
			fake.latencyMs = options.latencyMs;
			const items = scenario.items(count);
			const requestOptions =
				batchSize > 1 ? { batching: { batch: { batchSize, batchInterval: 0 } } } : {};
			const { ms, result } = await timed(() =>
				runNode({
					nodeType: underTest.nodeType,
					parameters: { ...underTest.parameters, requestOptions },
					credentials: fakes.credentials(),
					items,
					continueOnFail: true,
				}),
			);
			fake.latencyMs = 0;
			const output: INodeExecutionData[] = result.items;
			const errors =
				output.filter((item) => item.json.error !== undefined).length + (result.error ? 1 : 0);
			const intact =
				output.length === count &&
				output.every(
					(item, k) =>
						(item.pairedItem as { item: number } | undefined)?.item === k &&
						scenario.answersItem(item.json, k),
				);
			const arrivals = fake.requests.map((request) => request.time);
			return {
				mode: batchSize > 1 ? `batching ${batchSize}` : 'sequential',
				batchSize,
				wallMs: round(ms, 0),
				requestsPerSecond: round(fake.requests.length / (ms / 1000), 1),
				orderAndPairingIntact: intact,
				handled: scenario.handledSends(),
				errors,
				maxPerSecond: maxInWindow(arrivals),
				rateLimited: fake.requests.filter((request) => request.status === 429).length,
			};
		};

		const sequential = await runMode(1);
		options.log(`  ${scenario.title}: sequential ${count} items ${sequential.wallMs} ms`);
		const runs: BatchingRun[] = [{ ...sequential, speedup: 1 }];
		for (const batchSize of options.batchSizes) {
			const run = await runMode(batchSize);
			runs.push({ ...run, speedup: round(sequential.wallMs / run.wallMs, 2) });
			options.log(
				`  ${scenario.title}: batching ${batchSize}: ${run.wallMs} ms (${round(sequential.wallMs / run.wallMs, 1)}×), intact ${run.orderAndPairingIntact}, max ${run.maxPerSecond}/s`,
			);
		}
		rows.push({
			scenario: scenario.title,
			node: underTest.label,
			standIn: underTest.standIn,
			items: count,
			latencyMs: options.latencyMs,
			runs,
			notes,
		});
	}
	return rows;
}
