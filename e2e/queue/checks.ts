import { join } from 'path';

import { outputsOf, requestsSince, runErrors, saveRun } from '../checks/actionNodes';
import type { N8n, RunBinary, RunItem, WorkflowRun } from '../lib/n8n';
import { BROWSER_ID } from '../lib/n8n';
import { Problems } from '../lib/steps';
import type { ActionWorkflow, WorkflowJson } from '../workflows';
import { dailyExportRun, e2eWorkflows, exampleWorkflows } from '../workflows';

import { checkLoad, checkTomTicketRate, LOAD, loadWorkflows, rateWorkflows } from './load';
import type { QueueStack } from './stack';
import {
	checkDigisacTrigger,
	checkPlugChatTrigger,
	checkTomTicketTrigger,
	mediaWorkflow,
	tomTicketPollWorkflow,
} from './triggers';

export type Figures = Record<string, unknown>;

export interface QueueCheck {
	title: string;
	/** A setup step: the suite stops when it fails. */
	setup?: boolean;
	run(stack: QueueStack, figures: Figures): Promise<void>;
}

export function example(file: string): WorkflowJson {
	const found = exampleWorkflows().find((e) => e.file === file);
	if (!found) throw new Error(`examples/${file} is missing`);
	return found.workflow;
}

/** The worker whose log says it ran `executionId` (n8n logs "Worker started execution <id>"). */
export function workerOf(stack: QueueStack, executionId: string): number | undefined {
	const index = stack.workers.findIndex((worker) =>
		worker.output().includes(`Worker started execution ${executionId} `),
	);
	return index >= 0 ? index + 1 : undefined;
}

/** The content of a binary in n8n's `database` mode: the REST endpoint the editor downloads from. */
export async function downloadBinary(n8n: N8n, binary: RunBinary): Promise<Buffer> {
	if (!binary.id) return Buffer.from(binary.data ?? '', 'base64');
	const response = await fetch(
		`${n8n.url}/rest/binary-data?id=${encodeURIComponent(binary.id)}&action=download`,
		{ headers: { cookie: `n8n-auth=${n8n.authCookie}`, 'browser-id': BROWSER_ID } },
	);
	if (!response.ok)
		throw new Error(`GET /rest/binary-data for ${binary.id} answered ${response.status}`);
	return Buffer.from(await response.arrayBuffer());
}

/** Every binary of a run, fetched, keyed by its id (verify() reads them synchronously). */
async function fetchBinaries(n8n: N8n, run: WorkflowRun): Promise<Map<RunBinary, Buffer>> {
	const files = new Map<RunBinary, Buffer>();
	for (const runs of Object.values(run.data.resultData.runData)) {
		for (const nodeRun of runs) {
			for (const items of nodeRun.data?.main ?? []) {
				for (const item of items ?? []) {
					for (const binary of Object.values(item.binary ?? {}))
						files.set(binary, await downloadBinary(n8n, binary));
				}
			}
		}
	}
	return files;
}

/**
 * Runs a workflow from its manual trigger through the main process's REST API (the editor's
 * "Execute workflow"); with OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS a worker runs it. Checks what
 * the single-process suite checks, plus which worker ran it.
 */
async function checkOnWorker(stack: QueueStack, spec: ActionWorkflow): Promise<void> {
	const { main, fakes } = stack;
	const requests = requestsSince(fakes);
	const trigger = spec.workflow.nodes.find((n) => n.type === 'n8n-nodes-base.manualTrigger');
	if (!trigger) throw new Error(`workflow "${spec.workflow.name}" has no manual trigger`);
	const {
		executionId,
		status,
		run: data,
	} = await main.runManually(spec.workflow.id, trigger.name, {
		timeoutMs: 180_000,
	});
	const problems = new Problems();
	const context = `workflow "${spec.workflow.name}" (${spec.workflow.id}), execution ${executionId}:\n`;
	if (!data) throw new Error(`${context}n8n stored no run data (status ${status})`);
	const run: WorkflowRun = { status, data };
	saveRun(run, join(stack.logDir, 'runs', `${spec.nodeType}.json`));
	const worker = workerOf(stack, executionId);
	problems.expect(
		worker !== undefined,
		`no worker's log says it ran execution ${executionId} (did the main process run it?)`,
	);
	const errors = runErrors(run);
	if (errors.length) {
		for (const error of errors) problems.add(error);
		problems.throwIfAny(context);
	}
	const files = await fetchBinaries(main, run);
	spec.verify(
		{
			output: outputsOf(run),
			file: (item: RunItem | undefined, property = 'data') => {
				const binary = item?.binary?.[property];
				return binary ? files.get(binary) : undefined;
			},
			requests,
			fakes,
		},
		problems,
	);
	problems.throwIfAny(context);
}

export function queueChecks(): QueueCheck[] {
	const actions = e2eWorkflows();
	const dailyExport = dailyExportRun({
		file: 'digisac-daily-closed-tickets-export.json',
		workflow: example('digisac-daily-closed-tickets-export.json'),
	});
	return [
		{
			title: 'Import the e2e and example workflows (n8n import:workflow into PostgreSQL)',
			setup: true,
			async run(stack) {
				// One n8n import:workflow (each CLI call starts n8n: half a minute on a busy machine).
				await stack.main.importWorkflows(
					[
						...actions.map((w) => w.workflow),
						...exampleWorkflows().map((w) => w.workflow),
						mediaWorkflow(),
						tomTicketPollWorkflow(),
						...loadWorkflows(),
						...rateWorkflows(),
					],
					stack.scratchDir,
					'queue-workflows',
				);
			},
		},
		...[...actions, dailyExport].map(
			(spec): QueueCheck => ({
				title: `1. On a worker: ${spec.title}`,
				run: (stack) => checkOnWorker(stack, spec),
			}),
		),
		{
			title:
				'2. Digisac Trigger (example digisac-whatsapp-auto-reply): registered once by main (with its secret), a delivery through each webhook processor runs once on a worker, a re-send at the processor that took it runs nothing (a re-send at the other processor: reported as a figure), Download Media reaches the worker, deactivation removes only ours',
			run: (stack, figures) => checkDigisacTrigger(stack, figures),
		},
		{
			title:
				'2. PlugChat Trigger (two examples): each sets only its own event URL, messages through both webhook processors run once each on a worker, deactivation clears exactly those',
			run: (stack) => checkPlugChatTrigger(stack),
		},
		{
			title:
				'3. TomTicket Trigger: main polls (baseline at activation, then every minute), workers run what it emits, each new ticket once',
			run: (stack, figures) => checkTomTicketTrigger(stack, figures),
		},
		{
			title: `4. Load: ${LOAD.deliveries} distinct Digisac deliveries ${LOAD.concurrency} at a time through both webhook processors → ${LOAD.deliveries} executions; ${LOAD.duplicates} re-sent to the processor that took each → 0 (the same re-sent to the other processor: reported as a figure); n8n's Webhook node for comparison`,
			run: (stack, figures) => checkLoad(stack, figures),
		},
		{
			title:
				'5. TomTicket rate across workers: 2 × 100 tickets on two workers at once against 3 requests/second per token → all created once',
			run: (stack, figures) => checkTomTicketRate(stack, figures),
		},
	];
}
