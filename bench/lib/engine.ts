import { existsSync, readFileSync } from 'fs';
import { join, resolve } from 'path';

import { WorkflowExecute } from 'n8n-core';
import type { INodeExecutionData, INodeType } from 'n8n-workflow';
import { createRunExecutionData } from 'n8n-workflow';

import type { NodeRun, NodeSetup } from '../../test/harness/engine';
import { buildWorkflow, runNode } from '../../test/harness/engine';

export { runNode };
export type { NodeRun, NodeSetup };

/** The repository root, found from wherever the compiled benchmark runs. */
export const REPO_ROOT = (() => {
	let dir = __dirname;
	for (let i = 0; i < 8; i++) {
		if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'nodes', 'shared')))
			return dir;
		dir = resolve(dir, '..');
	}
	throw new Error('bench: cannot find the repository root');
})();

/**
 * Runs a node through n8n-core's WorkflowExecute exactly like the test harness's runNode, but
 * under a node type name of our choosing. n8n-core gives the HTTP Request node (and only it)
 * access to any credential type, keyed on the name `n8n-nodes-base.httpRequest`.
 */
export async function runNodeAs(
	typeName: string,
	setup: NodeSetup & { items: INodeExecutionData[] },
): Promise<NodeRun> {
	const { workflow, node, additionalData } = buildWorkflow(setup);
	node.type = typeName;
	const runExecutionData = createRunExecutionData({
		executionData: { nodeExecutionStack: [{ node, data: { main: [setup.items] }, source: null }] },
	});
	const run = await new WorkflowExecute(
		additionalData,
		'manual',
		runExecutionData,
	).processRunExecutionData(workflow);
	const taskData = run.data.resultData.runData[node.name]?.[0];
	const outputs = (taskData?.data?.main ?? []).map((items) => items ?? []);
	return {
		run,
		items: outputs[0] ?? [],
		outputs,
		error: run.data.resultData.error as NodeRun['error'],
	};
}

export interface Loaded<T> {
	value?: T;
	/** Why it could not be loaded. */
	reason?: string;
}

/** Loads one of our action nodes by folder name, e.g. "PlugChat". */
export function loadOurNode(service: 'PlugChat' | 'TomTicket' | 'Digisac'): Loaded<INodeType> {
	// The extension is explicit: "X.node" alone would resolve to the codex file X.node.json first.
	const file = join(__dirname, '..', '..', 'nodes', service, `${service}.node.ts`);
	try {
		const module = require(file) as Record<string, new () => INodeType>;
		const NodeClass = module[service];
		if (typeof NodeClass !== 'function')
			return { reason: `${service}.node does not export class ${service}` };
		return { value: new NodeClass() };
	} catch (error) {
		return {
			reason: `nodes/${service}/${service}.node.ts is not available (${(error as Error).message.split('\n')[0]})`,
		};
	}
}

/** The host folder of the e2e suite's default n8n (e2e/n8n-versions.json; e2e/lib/hosts.ts installs it). */
export const N8N_HOST_DIR = join(
	REPO_ROOT,
	'e2e',
	'.hosts',
	`n8n-${(JSON.parse(readFileSync(join(REPO_ROOT, 'e2e', 'n8n-versions.json'), 'utf8')) as { default: string }).default}`,
);

/** Where the real n8n of the e2e suite installs n8n-nodes-base. */
export const NODES_BASE_DIR = join(N8N_HOST_DIR, 'node_modules', 'n8n-nodes-base');

/**
 * n8n's own HTTP Request node, version 3 class (typeVersions 3 to 4.x), from the real n8n host's
 * n8n-nodes-base, to run in our n8n-core engine.
 */
export function loadHttpRequestNode(): Loaded<INodeType> & {
	version?: string;
	typeVersion?: number;
} {
	const file = join(NODES_BASE_DIR, 'dist', 'nodes', 'HttpRequest', 'V3', 'HttpRequestV3.node.js');
	if (!existsSync(file)) {
		return { reason: `n8n-nodes-base is not installed in the e2e host (looked for ${file})` };
	}
	try {
		const { version } = require(join(NODES_BASE_DIR, 'package.json')) as { version: string };
		const { HttpRequestV3 } = require(file) as { HttpRequestV3: new (base: object) => INodeType };
		const node = new HttpRequestV3({
			displayName: 'HTTP Request',
			name: 'httpRequest',
			group: ['output'],
			subtitle: '={{$parameter["method"] + ": " + $parameter["url"]}}',
			description: 'Makes an HTTP request and returns the response data',
			defaultVersion: 4.2,
		});
		const versions = node.description.version;
		const typeVersion = Array.isArray(versions) ? Math.max(...versions) : versions;
		return { value: node, version, typeVersion };
	} catch (error) {
		return {
			reason: `n8n-nodes-base's HTTP Request node did not load: ${(error as Error).message.split('\n')[0]}`,
		};
	}
}
