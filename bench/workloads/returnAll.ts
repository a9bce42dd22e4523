import type { AxiosRequestConfig } from 'axios';

import type { RecordedRequest } from '../../test/fakes/fakeServer';
import { barePaging } from '../lib/bare';
import { runNode } from '../lib/engine';
import type { Fakes, ServiceKey } from '../lib/fakes';
import { liftTomTicketLimit } from '../lib/fakes';
import type { NodeUnderTest } from '../lib/scenarios';
import { nodeOrStandIn } from '../lib/scenarios';
import { median, MemorySampler, round, timed } from '../lib/stats';

interface PagingScenario {
	service: ServiceKey;
	title: string;
	seed(count: number): void;
	node(): NodeUnderTest;
	headers(): Record<string, string>;
	path: string;
	firstPage: number;
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
			read(body) {
				// Same end condition as the node: PlugChat has no total, so only an empty page ends.
				const records = body as unknown[];
				return { records, more: records.length > 0 };
			},
		},
		{
			service: 'digisac',
			title: 'Digisac contact → getAll',
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
			read(body) {
				const envelope = body as { data: unknown[]; currentPage: number; lastPage: number };
				return { records: envelope.data, more: envelope.currentPage < envelope.lastPage };
			},
		},
	];
}

export interface ReturnAllRow {
	scenario: string;
	node: string;
	standIn?: string;
	records: number;
	pages: number;
	rounds: number;
	bareMs: number;
	nodeMs: number;
	ratio: number;
	/** (node − bare) per page asked, in microseconds: the node's cost independent of the fake's. */
	overheadPerPageUs: number;
	bareCpuMs: number;
	nodeCpuMs: number;
	cpuRatio: number;
	/** Median peak heap above the pre-run level (after a full GC), bytes. */
	bareHeapPeak: number;
	nodeHeapPeak: number;
	nodeRssPeak: number;
	samples: { bare: number[]; node: number[] };
	notes: string[];
}

/**
 * Workload 3: Return All over N records on each node's paged list, against a bare loop asking
 * the very same pages (its query string is copied from the node's own first request) and keeping
 * the records. Time and peak memory, medians of alternating rounds.
 */
export async function runReturnAll(
	fakes: Fakes,
	options: { records: number; rounds: number; log: (line: string) => void },
): Promise<ReturnAllRow[]> {
	const rows: ReturnAllRow[] = [];
	// 400 TomTicket pages at 3 requests/second would take over two minutes per run: overhead is
	// measured with the limit lifted on both sides.
	liftTomTicketLimit(fakes, true);
	try {
		for (const scenario of pagingScenarios(fakes)) {
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

			const wall = { bare: [] as number[], node: [] as number[] };
			const cpu = { bare: [] as number[], node: [] as number[] };
			const heap = { bare: [] as number[], node: [] as number[] };
			const rss: number[] = [];
			for (let r = 0; r < options.rounds; r++) {
				const order: Array<'bare' | 'node'> = r % 2 ? ['node', 'bare'] : ['bare', 'node'];
				for (const variant of order) {
					const sampler = new MemorySampler();
					sampler.start();
					const { ms, cpuMs } = await timed(variant === 'bare' ? runBareOnce : runNodeOnce);
					const memory = sampler.stop();
					wall[variant].push(ms);
					cpu[variant].push(cpuMs);
					heap[variant].push(memory.heapPeakDelta);
					if (variant === 'node') rss.push(memory.rssPeakDelta);
				}
				options.log(
					`  ${scenario.title} round ${r + 1}/${options.rounds}: bare ${wall.bare[r].toFixed(0)} ms, node ${wall.node[r].toFixed(0)} ms`,
				);
			}
			const bareMs = median(wall.bare);
			const nodeMs = median(wall.node);
			rows.push({
				scenario: scenario.title,
				node: underTest.label,
				standIn: underTest.standIn,
				records: options.records,
				pages,
				rounds: options.rounds,
				bareMs: round(bareMs, 1),
				nodeMs: round(nodeMs, 1),
				ratio: round(nodeMs / bareMs, 3),
				overheadPerPageUs: round(((nodeMs - bareMs) / pages) * 1000, 0),
				bareCpuMs: round(median(cpu.bare), 1),
				nodeCpuMs: round(median(cpu.node), 1),
				cpuRatio: round(median(cpu.node) / median(cpu.bare), 3),
				bareHeapPeak: Math.round(median(heap.bare)),
				nodeHeapPeak: Math.round(median(heap.node)),
				nodeRssPeak: Math.round(median(rss)),
				samples: {
					bare: wall.bare.map((v) => round(v, 1)),
					node: wall.node.map((v) => round(v, 1)),
				},
				notes,
			});
		}
	} finally {
		liftTomTicketLimit(fakes, false);
		fakes.resetAll();
	}
	return rows;
}
