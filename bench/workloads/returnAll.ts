import type { AxiosRequestConfig } from 'axios';

import type { RecordedRequest } from '../../test/fakes/fakeServer';
import { barePaging } from '../lib/bare';
import { runNode } from '../lib/engine';
import type { Fakes, ServiceKey } from '../lib/fakes';
import { liftTomTicketLimit } from '../lib/fakes';
import { MinimalPagingNode } from '../lib/minimalNode';
import type { NodeUnderTest } from '../lib/scenarios';
import { nodeOrStandIn } from '../lib/scenarios';
import type { Spread } from '../lib/stats';
import { median, MemorySampler, round, spread, timed } from '../lib/stats';

interface PagingScenario {
	service: ServiceKey;
	title: string;
	/** For goal lines: "plugchat.getAll". */
	key: string;
	seed(count: number): void;
	node(): NodeUnderTest;
	headers(): Record<string, string>;
	path: string;
	firstPage: number;
	/** The same end condition for the minimal paging node. */
	end: 'emptyPage' | 'lastPage' | 'nextPage';
	/** The platform's envelope and end condition, as the node's transport reads them. */
	read(
		body: unknown,
		page: number,
		query: Record<string, string>,
	): { records: unknown[]; more: boolean };
}

function pagingScenarios(fakes: Fakes): PagingScenario[] {
	return [
		{
			service: 'tomTicket',
			title: 'TomTicket ticket → getAll',
			key: 'tomticket.getAll',
			seed: (count) => fakes.tomTicket.addTickets(count),
			node: () =>
				nodeOrStandIn(
					'TomTicket',
					{ resource: 'ticket', operation: 'getAll', returnAll: true, filters: {} },
					'TomTicket ticket getAll',
					{
						service: 'tomTicket',
						path: '/ticket/list',
						mode: 'all',
					},
				),
			headers: () => ({ Authorization: `Bearer ${fakes.tomTicket.token}` }),
			path: '/ticket/list',
			firstPage: 1,
			end: 'nextPage',
			read(body, page) {
				const envelope = body as { data: unknown[]; pages: number; next_page: number | null };
				return {
					records: envelope.data,
					more: envelope.next_page !== null && page < envelope.pages,
				};
			},
		},
		{
			service: 'plugChat',
			title: 'PlugChat chat → getAll',
			key: 'plugchat.getAll',
			seed: (count) => {
				fakes.plugChat.state.chats = Array.from({ length: count }, (_, n) => ({
					phone: `55119${String(n).padStart(8, '0')}`,
					name: `Chat ${n}`,
					unread: n % 3,
					lastMessageTime: 1_700_000_000_000 + n,
					isGroup: false,
				}));
			},
			node: () =>
				nodeOrStandIn(
					'PlugChat',
					{ resource: 'chat', operation: 'getAll', returnAll: true },
					'PlugChat chat getAll',
					{
						service: 'plugChat',
						path: '/api/whatsapp/chats',
						mode: 'all',
					},
				),
			headers: () => ({ Authorization: fakes.plugChat.token, 'Content-Type': 'application/json' }),
			path: '/api/whatsapp/chats',
			firstPage: 1,
			end: 'emptyPage',
			read(body) {
				// Same end condition as the node: PlugChat has no total, so only an empty page ends.
				const records = body as unknown[];
				return { records, more: records.length > 0 };
			},
		},
		{
			service: 'digisac',
			title: 'Digisac contact → getAll',
			key: 'digisac.getAll',
			seed: (count) => fakes.digisac.addContacts(count),
			node: () =>
				nodeOrStandIn(
					'Digisac',
					{ resource: 'contact', operation: 'getAll', returnAll: true, filters: {}, options: {} },
					'Digisac contact getAll',
					{
						service: 'digisac',
						path: '/api/v1/contacts',
						mode: 'all',
					},
				),
			headers: () => ({ Authorization: `Bearer ${fakes.digisac.token}` }),
			path: '/api/v1/contacts',
			firstPage: 1,
			end: 'lastPage',
			read(body) {
				const envelope = body as { data: unknown[]; currentPage: number; lastPage: number };
				return { records: envelope.data, more: envelope.currentPage < envelope.lastPage };
			},
		},
	];
}

export type PagingVariant = 'bare' | 'minimal' | 'node';

export interface ReturnAllRow {
	scenario: string;
	key: string;
	node: string;
	standIn?: string;
	records: number;
	pages: number;
	rounds: number;
	/** Median wall time of one Return All. */
	bareMs: number;
	minimalMs: number;
	nodeMs: number;
	/** Per round, node / bare in the same round: wall time, then CPU time (the goal). */
	wallRatio: Spread;
	cpuRatio: Spread;
	/** Per round, the minimal paging node / bare: what the engine itself costs. */
	minimalWallRatio: Spread;
	minimalCpuRatio: Spread;
	/** Per round, node / minimal paging node: what our node costs above the engine's floor. */
	nodeVsMinimalCpu: Spread;
	/** (node − bare) per page asked, in microseconds: the node's cost independent of the fake's. */
	overheadPerPageUs: number;
	bareCpuMs: number;
	minimalCpuMs: number;
	nodeCpuMs: number;
	/** Median peak heap above the pre-run level (after a full GC), bytes. */
	bareHeapPeak: number;
	nodeHeapPeak: number;
	nodeRssPeak: number;
	samples: Record<PagingVariant, { wall: number[]; cpu: number[] }>;
	notes: string[];
}

const PAGING_VARIANTS: PagingVariant[] = ['bare', 'minimal', 'node'];
const minimalPagingNode = new MinimalPagingNode();

/** The credential adds Authorization; the minimal node sends the rest of the bare loop's headers. */
function withoutAuthorization(headers: Record<string, string>): Record<string, string> {
	return Object.fromEntries(
		Object.entries(headers).filter(([k]) => k.toLowerCase() !== 'authorization'),
	);
}

/**
 * Workload 3: Return All over N records on each node's paged list, against a bare loop asking
 * the very same pages (its query string is copied from the node's own first request) and keeping
 * the records, and against the minimal paging node (the same pages through the engine: its
 * floor). Time and peak memory; the order of the three rotates every round, and each ratio is
 * taken within a round, then its median over rounds.
 */
export async function runReturnAll(
	fakes: Fakes,
	options: {
		records: number;
		rounds: number;
		scenarios?: string[];
		log: (line: string) => void;
	},
): Promise<ReturnAllRow[]> {
	const rows: ReturnAllRow[] = [];
	// 400 TomTicket pages at 3 requests/second would take over two minutes per run: overhead is
	// measured with the limit lifted on both sides.
	liftTomTicketLimit(fakes, true);
	try {
		for (const scenario of pagingScenarios(fakes)) {
			if (options.scenarios && !options.scenarios.some((s) => scenario.key.startsWith(s))) continue;
			fakes.resetAll();
			scenario.seed(options.records);
			const fake = fakes[scenario.service];
			const underTest = scenario.node();
			const notes: string[] = [];
			if (underTest.standIn) notes.push(`stand-in: ${underTest.standIn}`);
			if (scenario.service === 'tomTicket') notes.push('3 req/s limit lifted on both sides');

			const runNodeOnce = async () => {
				fake.reset();
				const run = await runNode({
					nodeType: underTest.nodeType,
					parameters: underTest.parameters,
					credentials: fakes.credentials(),
					items: [{ json: {} }],
				});
				if (run.error) throw new Error(`${scenario.title}: ${run.error.message}`);
				if (run.items.length !== options.records)
					throw new Error(
						`${scenario.title}: ${run.items.length} records instead of ${options.records}`,
					);
				return run.items.length;
			};
			// The node's first request gives the bare loop its query string (filters, page size).
			await runNodeOnce();
			const first: RecordedRequest = fake.requests[0];
			const pages = fake.requests.length;
			const baseQuery: Record<string, string> = {};
			for (const [key, value] of Object.entries(first.query))
				baseQuery[key] = Array.isArray(value) ? value[0] : value;
			const pageRequest = (page: number): AxiosRequestConfig => ({
				method: 'GET',
				url: `${fake.url}${scenario.path}`,
				params: { ...baseQuery, page },
				headers: scenario.headers(),
			});
			const runBareOnce = async () => {
				fake.reset();
				const records = await barePaging(
					pageRequest,
					(body, page) => scenario.read(body, page, baseQuery),
					scenario.firstPage,
				);
				if (records.length !== options.records)
					throw new Error(`${scenario.title} bare: ${records.length} records`);
				return records.length;
			};
			await runBareOnce();

			const minimalParameters = {
				credentialType: `${scenario.service}Api`,
				url: `${fake.url}${scenario.path}`,
				query: JSON.stringify(baseQuery),
				headers: JSON.stringify(withoutAuthorization(scenario.headers())),
				end: scenario.end,
			};
			const runMinimalOnce = async () => {
				fake.reset();
				const run = await runNode({
					nodeType: minimalPagingNode,
					parameters: minimalParameters,
					credentials: fakes.credentials(),
					items: [{ json: {} }],
				});
				if (run.error) throw new Error(`${scenario.title} minimal: ${run.error.message}`);
				if (run.items.length !== options.records || fake.requests.length !== pages)
					throw new Error(
						`${scenario.title} minimal: ${run.items.length} records in ${fake.requests.length} pages`,
					);
				return run.items.length;
			};
			const runs: Record<PagingVariant, () => Promise<number>> = {
				bare: runBareOnce,
				minimal: runMinimalOnce,
				node: runNodeOnce,
			};
			// A second warm-up of all three: the JIT's and the fake's steady state.
			for (const variant of PAGING_VARIANTS) await runs[variant]();

			const samples = {} as Record<PagingVariant, { wall: number[]; cpu: number[] }>;
			for (const variant of PAGING_VARIANTS) samples[variant] = { wall: [], cpu: [] };
			const heap = { bare: [] as number[], node: [] as number[] };
			const rss: number[] = [];
			for (let r = 0; r < options.rounds; r++) {
				// Rotated, so no variant always runs first or right after the same other one.
				const order = PAGING_VARIANTS.map(
					(_, k) => PAGING_VARIANTS[(k + r) % PAGING_VARIANTS.length],
				);
				for (const variant of order) {
					const sampler = new MemorySampler();
					sampler.start();
					const { ms, cpuMs } = await timed(runs[variant]);
					const memory = sampler.stop();
					samples[variant].wall.push(ms);
					samples[variant].cpu.push(cpuMs);
					if (variant !== 'minimal') heap[variant].push(memory.heapPeakDelta);
					if (variant === 'node') rss.push(memory.rssPeakDelta);
				}
				if ((r + 1) % Math.ceil(options.rounds / 5) === 0 || r === options.rounds - 1)
					options.log(
						`  ${scenario.title} round ${r + 1}/${options.rounds}: ${PAGING_VARIANTS.map((v) => `${v} ${samples[v].wall[r].toFixed(0)} ms`).join(', ')}`,
					);
			}
			const perRound = (kind: 'wall' | 'cpu', variant: PagingVariant, reference: PagingVariant) =>
				spread(samples[variant][kind].map((v, r) => v / samples[reference][kind][r]));
			const bareMs = median(samples.bare.wall);
			const nodeMs = median(samples.node.wall);
			rows.push({
				scenario: scenario.title,
				key: scenario.key,
				node: underTest.label,
				standIn: underTest.standIn,
				records: options.records,
				pages,
				rounds: options.rounds,
				bareMs: round(bareMs, 1),
				minimalMs: round(median(samples.minimal.wall), 1),
				nodeMs: round(nodeMs, 1),
				wallRatio: perRound('wall', 'node', 'bare'),
				cpuRatio: perRound('cpu', 'node', 'bare'),
				minimalWallRatio: perRound('wall', 'minimal', 'bare'),
				minimalCpuRatio: perRound('cpu', 'minimal', 'bare'),
				nodeVsMinimalCpu: perRound('cpu', 'node', 'minimal'),
				overheadPerPageUs: round(((nodeMs - bareMs) / pages) * 1000, 0),
				bareCpuMs: round(median(samples.bare.cpu), 1),
				minimalCpuMs: round(median(samples.minimal.cpu), 1),
				nodeCpuMs: round(median(samples.node.cpu), 1),
				bareHeapPeak: Math.round(median(heap.bare)),
				nodeHeapPeak: Math.round(median(heap.node)),
				nodeRssPeak: Math.round(median(rss)),
				samples: Object.fromEntries(
					PAGING_VARIANTS.map((v) => [
						v,
						{
							wall: samples[v].wall.map((x) => round(x, 1)),
							cpu: samples[v].cpu.map((x) => round(x, 1)),
						},
					]),
				) as ReturnAllRow['samples'],
				notes,
			});
		}
	} finally {
		liftTomTicketLimit(fakes, false);
		fakes.resetAll();
	}
	return rows;
}
