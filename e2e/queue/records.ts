import type { WorkflowRun } from '../lib/n8n';
import { waitFor } from '../lib/net';

import type { QueueStack } from './stack';

/**
 * n8n's own execution records, read from the database all processes share (the main process's
 * REST list pages and lags behind the workers; the table is the truth).
 */
export interface ExecutionRecord {
	id: string;
	status: string;
	mode: string;
	finished: boolean;
}

export async function executionsOf(
	stack: QueueStack,
	workflowId: string,
): Promise<ExecutionRecord[]> {
	const rows = await stack.postgres.query(
		`select id, status, mode, finished from execution_entity where "workflowId" = '${workflowId.replace(/'/g, "''")}' order by id`,
	);
	return rows.map(([id, status, mode, finished]) => ({
		id,
		status,
		mode,
		finished: finished === 't',
	}));
}

const ENDED = new Set(['success', 'error', 'crashed', 'canceled']);

/**
 * Waits until `workflowId` has at least `count` ended executions and no new one for
 * `settleMs` (so that extra, duplicated executions have a chance to show up).
 */
export async function settledExecutions(
	stack: QueueStack,
	workflowId: string,
	count: number,
	{ timeoutMs = 120_000, settleMs = 3_000 } = {},
): Promise<ExecutionRecord[]> {
	let last = -1;
	let stableSince = Date.now();
	return await waitFor(
		`${count} ended execution(s) of workflow ${workflowId}, then ${settleMs / 1000}s without a new one`,
		async () => {
			const list = await executionsOf(stack, workflowId);
			if (list.length !== last) {
				last = list.length;
				stableSince = Date.now();
			}
			const ended = list.filter((e) => ENDED.has(e.status));
			if (ended.length < count || ended.length < list.length) return undefined;
			return Date.now() - stableSince >= settleMs ? list : undefined;
		},
		{
			timeoutMs,
			intervalMs: 500,
			explain: async () => {
				const list = await executionsOf(stack, workflowId);
				const byStatus: Record<string, number> = {};
				for (const e of list) byStatus[e.status] = (byStatus[e.status] ?? 0) + 1;
				return `executions so far: ${JSON.stringify(byStatus)}`;
			},
		},
	);
}

/** An execution's run data, as the editor loads it from the main process. */
export async function runOf(stack: QueueStack, executionId: string): Promise<WorkflowRun> {
	const answer = (await stack.main.request('GET', `/rest/executions/${executionId}`)) as {
		data: { status: string; data?: string };
	};
	const data = stack.main.parseStoredRun(answer.data.data);
	if (!data) throw new Error(`execution ${executionId} has no run data`);
	return { status: answer.data.status, data };
}

/** The stored run data of every execution of a workflow (one query), keyed by execution id. */
export async function storedRunTexts(
	stack: QueueStack,
	workflowId: string,
): Promise<Map<string, string>> {
	const rows = await stack.postgres.query(
		`select d."executionId", d.data from execution_data d join execution_entity e on e.id = d."executionId" where e."workflowId" = '${workflowId.replace(/'/g, "''")}'`,
	);
	return new Map(rows.map(([id, ...data]) => [id, data.join('\t')]));
}
