import { randomUUID } from 'crypto';
import { EventEmitter } from 'events';

import {
	ExecutionLifecycleHooks,
	HookContext,
	PollContext,
	WebhookContext,
	WorkflowExecute,
} from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IRun,
	IWebhookData,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { createRunExecutionData, NodeHelpers, Workflow } from 'n8n-workflow';

import { TestCredentialsHelper } from './credentials';

export const WEBHOOK_BASE_URL = 'http://127.0.0.1:5678/webhook';
export const WEBHOOK_TEST_BASE_URL = 'http://127.0.0.1:5678/webhook-test';

export interface NodeSetup {
	/** The node class instance under test. */
	nodeType: INodeType;
	parameters: INodeParameters;
	/** Decrypted credentials by credential type name. */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	name?: string;
	continueOnFail?: boolean;
	/** Shared between calls to keep a trigger's static data, as n8n stores it per workflow. */
	staticData?: IDataObject;
	workflowId?: string;
	webhookId?: string;
	/** The node's type name in the workflow, when it must be one n8n treats specially. */
	typeName?: string;
	/** The node's typeVersion, as a saved workflow has it; the latest version by default. */
	typeVersion?: number;
	/** The workflow's Timezone setting (what `getTimezone()` gives); n8n's default otherwise. */
	timezone?: string;
}

interface Built {
	workflow: Workflow;
	node: INode;
	additionalData: IWorkflowExecuteAdditionalData;
}

function typeName(nodeType: INodeType): string {
	return `n8n-nodes-atendimento.${nodeType.description.name}`;
}

/** Builds the Workflow and additionalData n8n-core needs, with our credentials helper. */
export function buildWorkflow(setup: NodeSetup, mode: WorkflowExecuteMode = 'manual'): Built {
	const nodeType = setup.nodeType;
	const credentialRefs: INode['credentials'] = {};
	for (const type of Object.keys(setup.credentials ?? {}))
		credentialRefs[type] = { id: `${type}-1`, name: `${type} test` };
	const node: INode = {
		id: randomUUID(),
		name: setup.name ?? nodeType.description.displayName,
		type: setup.typeName ?? typeName(nodeType),
		typeVersion:
			setup.typeVersion ??
			(Array.isArray(nodeType.description.version)
				? Math.max(...nodeType.description.version)
				: nodeType.description.version),
		position: [0, 0],
		parameters: setup.parameters,
		credentials: credentialRefs,
		webhookId: setup.webhookId ?? randomUUID(),
		...(setup.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
	const nodeTypes: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: (_type: string, version?: number) =>
			NodeHelpers.getVersionedNodeType(nodeType, version),
		getKnownTypes: () => ({}),
	};
	const workflow = new Workflow({
		id: setup.workflowId ?? 'wf-test-1',
		name: 'Test workflow',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
		staticData: setup.staticData ?? {},
		settings: { executionOrder: 'v1', ...(setup.timezone ? { timezone: setup.timezone } : {}) },
	});
	const workflowData = {
		id: workflow.id,
		name: workflow.name,
		nodes: [node],
		connections: {},
		active: false,
		settings: {},
		createdAt: new Date(),
		updatedAt: new Date(),
		isArchived: false,
		activeVersionId: null,
	} as never;
	const additionalData = {
		hooks: new ExecutionLifecycleHooks(mode, randomUUID(), workflowData),
		credentialsHelper: new TestCredentialsHelper(setup.credentials ?? {}),
		currentNodeExecutionIndex: 0,
		variables: {},
		logAiEvent() {},
		executeWorkflow: async () => {
			throw new Error('not available in tests');
		},
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		webhookBaseUrl: WEBHOOK_BASE_URL,
		webhookTestBaseUrl: WEBHOOK_TEST_BASE_URL,
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		formBaseUrl: 'http://127.0.0.1:5678/form',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		formTestBaseUrl: 'http://127.0.0.1:5678/form-test',
		mcpBaseUrl: 'http://127.0.0.1:5678/mcp',
		mcpTestBaseUrl: 'http://127.0.0.1:5678/mcp-test',
		evalLlmMockHandler: undefined,
	} as unknown as IWorkflowExecuteAdditionalData;
	return { workflow, node, additionalData };
}

export interface NodeRun {
	run: IRun;
	/** Output items of the first output. */
	items: INodeExecutionData[];
	outputs: INodeExecutionData[][];
	error?: IRun['data']['resultData']['error'] & {
		httpCode?: string | null;
		context?: IDataObject;
		description?: string | null;
	};
}

/**
 * Runs one of our nodes through n8n-core's WorkflowExecute, fed with `items` as its input, the way
 * n8n runs it after a previous node.
 */
export async function runNode(
	setup: NodeSetup & { items?: INodeExecutionData[] },
): Promise<NodeRun> {
	const { workflow, node, additionalData } = buildWorkflow(setup);
	const input = setup.items ?? [{ json: {} }];
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node, data: { main: [input] }, source: null }],
		},
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

export type WebhookMethodName = 'checkExists' | 'create' | 'delete';

/** Runs a trigger's webhook lifecycle method through n8n-core's HookContext. */
export async function runWebhookMethod(
	setup: NodeSetup,
	method: WebhookMethodName,
	options: { mode?: WorkflowExecuteMode; activation?: WorkflowActivateMode } = {},
): Promise<{ result: boolean; staticData: IDataObject; webhookUrl: string }> {
	const mode = options.mode ?? 'trigger';
	const { workflow, node, additionalData } = buildWorkflow(setup, mode);
	const webhookData = webhookDescription(workflow, node, additionalData, mode);
	const context = new HookContext(
		workflow,
		node,
		additionalData,
		mode,
		options.activation ?? 'activate',
		webhookData,
	);
	const methods = setup.nodeType.webhookMethods?.[webhookData.webhookDescription.name as 'default'];
	if (!methods?.[method]) throw new Error(`The node has no webhook method ${method}`);
	const result = await methods[method].call(context);
	syncStaticData(setup, workflow);
	return {
		result,
		staticData: workflow.staticData,
		webhookUrl: context.getNodeWebhookUrl('default') as string,
	};
}

function webhookDescription(
	workflow: Workflow,
	node: INode,
	additionalData: IWorkflowExecuteAdditionalData,
	mode: WorkflowExecuteMode,
): IWebhookData {
	// What n8n's WebhookService builds for the node's first webhook.
	const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	const description = nodeType.description.webhooks?.[0];
	if (!description) throw new Error('The node defines no webhooks');
	const path =
		typeof description.path === 'string' && !description.path.startsWith('=')
			? description.path
			: 'webhook';
	return {
		httpMethod: (typeof description.httpMethod === 'string'
			? description.httpMethod
			: 'POST') as IWebhookData['httpMethod'],
		node: node.name,
		path: NodeHelpers.getNodeWebhookPath(workflow.id, node, path),
		webhookDescription: description,
		workflowId: workflow.id,
		workflowExecuteAdditionalData: additionalData,
		webhookId: node.webhookId,
		isTest: mode === 'manual',
	};
}

/** The production webhook URL n8n would register for a trigger node. */
export function webhookUrlFor(setup: NodeSetup, mode: WorkflowExecuteMode = 'trigger'): string {
	const { workflow, node, additionalData } = buildWorkflow(setup, mode);
	const data = webhookDescription(workflow, node, additionalData, mode);
	const base = mode === 'manual' ? WEBHOOK_TEST_BASE_URL : WEBHOOK_BASE_URL;
	const path = String(data.webhookDescription.path);
	return NodeHelpers.getNodeWebhookUrl(base, workflow.id, node, path);
}

export interface FakeHttpRequest {
	body?: unknown;
	headers?: Record<string, string>;
	query?: Record<string, string>;
	rawBody?: Buffer;
}

/** A minimal Express-like response that records what the trigger wrote itself. */
export class RecordedResponse extends EventEmitter {
	statusCode = 200;
	headers: Record<string, string> = {};
	body: unknown;
	ended = false;
	status(code: number) {
		this.statusCode = code;
		return this;
	}
	setHeader(name: string, value: string) {
		this.headers[name.toLowerCase()] = value;
		return this;
	}
	json(body: unknown) {
		this.body = body;
		this.ended = true;
		return this;
	}
	send(body: unknown) {
		this.body = body;
		this.ended = true;
		return this;
	}
	end(body?: unknown) {
		if (body !== undefined) this.body = body;
		this.ended = true;
		return this;
	}
}

/** Delivers one HTTP request to a trigger's webhook() through n8n-core's WebhookContext. */
export async function deliverWebhook(
	setup: NodeSetup,
	request: FakeHttpRequest,
	options: { mode?: WorkflowExecuteMode } = {},
): Promise<{ response: IWebhookResponseData; http: RecordedResponse; staticData: IDataObject }> {
	const mode = options.mode ?? 'webhook';
	const { workflow, node, additionalData } = buildWorkflow(
		setup,
		mode === 'webhook' ? 'trigger' : mode,
	);
	const webhookData = webhookDescription(
		workflow,
		node,
		additionalData,
		mode === 'webhook' ? 'trigger' : mode,
	);
	const raw =
		request.rawBody ?? Buffer.from(request.body === undefined ? '' : JSON.stringify(request.body));
	const http = new RecordedResponse();
	(additionalData as unknown as IDataObject).httpRequest = {
		body: request.body,
		headers: { 'content-type': 'application/json', ...(request.headers ?? {}) },
		query: request.query ?? {},
		params: {},
		rawBody: raw,
		method: 'POST',
		url: '/webhook',
	} as never;
	(additionalData as unknown as IDataObject).httpResponse = http as never;
	const context = new WebhookContext(workflow, node, additionalData, mode, webhookData, [], null);
	if (!setup.nodeType.webhook) throw new Error('The node has no webhook()');
	let response: IWebhookResponseData;
	try {
		response = await setup.nodeType.webhook.call(context);
	} catch (error) {
		// What the trigger had already answered the platform when it threw (a platform that got its
		// 200 will not send the event again, so the event is lost).
		if (error && typeof error === 'object' && http.ended)
			Object.defineProperty(error, 'answeredBeforeError', {
				value: { status: http.statusCode, body: http.body },
				enumerable: false,
			});
		throw error;
	}
	syncStaticData(setup, workflow);
	return { response, http, staticData: workflow.staticData };
}

/** Runs a polling trigger's poll() once through n8n-core's PollContext. */
export async function runPoll(
	setup: NodeSetup,
	options: { mode?: WorkflowExecuteMode } = {},
): Promise<{ items: INodeExecutionData[][] | null; staticData: IDataObject }> {
	const mode = options.mode ?? 'trigger';
	const { workflow, node, additionalData } = buildWorkflow(setup, mode);
	const context = new PollContext(
		workflow,
		node,
		additionalData,
		mode,
		mode === 'manual' ? 'manual' : 'activate',
	);
	if (!setup.nodeType.poll) throw new Error('The node has no poll()');
	const items = await setup.nodeType.poll.call(context);
	syncStaticData(setup, workflow);
	return { items, staticData: workflow.staticData };
}

/** n8n persists a workflow's static data between runs; tests keep it in `setup.staticData`. */
function syncStaticData(setup: NodeSetup, workflow: Workflow) {
	if (!setup.staticData) return;
	const copy = JSON.parse(JSON.stringify(workflow.staticData ?? {})) as IDataObject;
	for (const key of Object.keys(setup.staticData)) delete setup.staticData[key];
	Object.assign(setup.staticData, copy);
}
