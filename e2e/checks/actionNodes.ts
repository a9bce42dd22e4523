import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';

import type { Fakes } from '../lib/fakes';
import type { N8n, RunItem, WorkflowRun } from '../lib/n8n';
import { Problems } from '../lib/steps';
import type { ActionWorkflow, RunView } from '../workflows';

type FakeName = keyof Omit<Fakes, 'all'>;

/** Marks where each fake's request log stands, so a check sees only its own requests. */
export function requestsSince(fakes: Fakes): RunView['requests'] {
	const marks = {
		plugChat: fakes.plugChat.requests.length,
		tomTicket: fakes.tomTicket.requests.length,
		digisac: fakes.digisac.requests.length,
	};
	return (fake: FakeName, method?: string, path?: string | RegExp) =>
		fakes[fake].requests
			.slice(marks[fake])
			.filter(
				(r) =>
					r.handled &&
					(!method || r.method === method) &&
					(!path || (typeof path === 'string' ? r.path === path : path.test(r.path))),
			);
}

export function outputsOf(run: WorkflowRun): (nodeName: string) => RunItem[] {
	return (nodeName) => run.data.resultData.runData[nodeName]?.[0]?.data?.main?.[0] ?? [];
}

/** Every node's error in a run, as "node: message (description)". */
export function runErrors(run: WorkflowRun): string[] {
	const errors: string[] = [];
	for (const [node, runs] of Object.entries(run.data.resultData.runData)) {
		for (const nodeRun of runs) {
			if (nodeRun.error)
				errors.push(
					`"${node}" failed: ${nodeRun.error.message}${nodeRun.error.description ? ` (${nodeRun.error.description})` : ''}`,
				);
		}
	}
	const top = run.data.resultData.error;
	if (top && errors.length === 0)
		errors.push(
			`the workflow failed: ${top.message}${top.node?.name ? ` in "${top.node.name}"` : ''}`,
		);
	return errors;
}

/** Keeps the run for the artifacts, binary payloads cut so the file stays readable. */
export function saveRun(run: WorkflowRun, file: string): void {
	mkdirSync(join(file, '..'), { recursive: true });
	writeFileSync(
		file,
		JSON.stringify(
			run,
			(key, value: unknown) =>
				key === 'data' && typeof value === 'string' && value.length > 200
					? `<${value.length} chars>`
					: value,
			2,
		),
	);
}

/** Step 2: `n8n execute` one action node's workflow and check its output and the requests made. */
export async function checkActionNode(
	n8n: N8n,
	fakes: Fakes,
	spec: ActionWorkflow,
	artifacts: string,
): Promise<void> {
	const requests = requestsSince(fakes);
	const run = await n8n.execute(spec.workflow.id);
	saveRun(run, join(artifacts, 'runs', `${spec.nodeType}.json`));
	const problems = new Problems();
	const context = `workflow "${spec.workflow.name}" (${spec.workflow.id}), run saved in artifacts/e2e/runs/${spec.nodeType}.json:\n`;
	const errors = runErrors(run);
	if (errors.length) {
		// The node's own error says it all; the expectations below would only repeat it.
		for (const error of errors) problems.add(error);
		problems.throwIfAny(context);
	}
	const ranNodes = Object.keys(run.data.resultData.runData);
	// Sticky notes never run, and of several triggers n8n starts from one.
	for (const node of spec.workflow.nodes.filter(
		(n) => n.type !== 'n8n-nodes-base.stickyNote' && !/trigger$/i.test(n.type),
	)) {
		problems.expect(ranNodes.includes(node.name), `"${node.name}" (${node.type}) did not run`);
	}
	const file = (item: RunItem | undefined, property = 'data') => {
		const binary = item?.binary?.[property];
		return binary ? n8n.readBinary(binary) : undefined;
	};
	spec.verify({ output: outputsOf(run), file, requests, fakes }, problems);
	problems.throwIfAny(context);
}
