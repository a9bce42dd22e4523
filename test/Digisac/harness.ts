import { LoadOptionsContext } from 'n8n-core';
import type {
	IDataObject,
	INodeExecutionData,
	INodeListSearchResult,
	INodeParameters,
	INodePropertyOptions,
} from 'n8n-workflow';

import { Digisac } from '../../nodes/Digisac/Digisac.node';
import { DigisacTrigger } from '../../nodes/Digisac/DigisacTrigger.node';
import type { TriggerState } from '../../nodes/Digisac/trigger/registration';
import type { Row } from '../fakes/digisac';
import { DigisacFake, seedDigisac } from '../fakes/digisac';
import { actionsOf } from '../fakes/digisac/actions';
import type { NodeSetup } from '../harness';
import { buildWorkflow, runNode } from '../harness';

export const digisacNode = new Digisac();

export interface RunOptions {
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	/** Account URL as the user typed it; the fake's URL by default. */
	accountUrl?: string;
	apiToken?: string;
}

/**
 * Starts a Digisac fake for one test file (fresh state before each test, fast retries) and runs
 * the Digisac node against it through n8n-core's WorkflowExecute.
 */
export function useDigisac() {
	const fake = new DigisacFake();
	beforeAll(async () => {
		await fake.start();
	});
	afterAll(async () => {
		await fake.stop();
	});
	beforeEach(() => {
		fake.reset();
		fake.state = seedDigisac();
		// As the public collection shows: no DELETE for webhooks (PUT active:false is the way).
		fake.webhookDelete = 404;
		fake.chatWithFile = 'text-only';
		fake.numberStorage = 'whatsapp';
		fake.webhookOwner = 'optional';
		fake.invalidNumbers.clear();
		fake.legacyApi = false;
		fake.legacyPaths.length = 0;
		const actions = actionsOf(fake);
		actions.ticketAnswer = 'empty';
		actions.contactDelete = 'ok';
		actions.whatsappNumbers.clear();
		actions.oauthUsers.clear();
		fake.files.clear();
		fake.pendingFiles.clear();
	});

	const credentials = (options: RunOptions = {}) => ({
		digisacApi: {
			accountUrl: options.accountUrl ?? fake.url,
			apiToken: options.apiToken ?? fake.token,
		},
	});

	async function run(parameters: INodeParameters, options: RunOptions = {}) {
		return await runNode({
			nodeType: digisacNode,
			parameters,
			credentials: credentials(options),
			items: options.items,
			continueOnFail: options.continueOnFail,
		});
	}

	/** Runs a load-options method the way the editor does, through n8n-core's LoadOptionsContext. */
	async function loadOptions(
		method: string,
		parameters: INodeParameters = {},
	): Promise<INodePropertyOptions[]> {
		const context = loadOptionsContext(parameters);
		const fn =
			digisacNode.methods.loadOptions[method as keyof typeof digisacNode.methods.loadOptions];
		return await fn.call(context);
	}

	async function listSearch(
		method: string,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		const context = loadOptionsContext({});
		const fn =
			digisacNode.methods.listSearch[method as keyof typeof digisacNode.methods.listSearch];
		return await fn.call(context, filter, paginationToken);
	}

	function loadOptionsContext(parameters: INodeParameters) {
		const { workflow, node, additionalData } = buildWorkflow({
			nodeType: digisacNode,
			parameters,
			credentials: credentials(),
		});
		(additionalData as unknown as IDataObject).currentNodeParameters = parameters;
		return new LoadOptionsContext(workflow, node, additionalData, 'parameters.x');
	}

	return { fake, run, loadOptions, listSearch };
}

/** The parsed `query=` JSON of a recorded request. */
export function queryOf(request: { query: Record<string, string | string[]> }): IDataObject {
	const raw = request.query.query;
	return JSON.parse(String(Array.isArray(raw) ? raw[0] : raw)) as IDataObject;
}

/** The bytes of an output item's binary property. */
export function binaryBytes(item: INodeExecutionData, property = 'data'): Buffer {
	const binary = item.binary?.[property];
	if (!binary) throw new Error(`no binary property ${property}`);
	return Buffer.from(binary.data, 'base64');
}

// ---- the trigger

export const HOOKS_PATH = '/api/v1/me/webhooks';
export const NODE_NAME = 'Digisac Trigger';

/** Parameters as n8n saves them for a trigger with its defaults. */
export function triggerParameters(parameters: INodeParameters = {}): INodeParameters {
	return {
		events: ['message.created'],
		additionalEvents: '',
		ignoreOwnMessages: true,
		filters: {},
		options: {},
		...parameters,
	};
}

/**
 * One trigger node of one workflow. The node's webhookId is fixed, as n8n keeps it for the
 * node's life, so every call builds the same webhook URL; static data is shared between calls.
 */
export function triggerSetup(
	fake: DigisacFake,
	parameters: INodeParameters = {},
	overrides: Partial<NodeSetup> = {},
): NodeSetup & { staticData: IDataObject } {
	return {
		nodeType: new DigisacTrigger(),
		parameters: triggerParameters(parameters),
		credentials: { digisacApi: { accountUrl: fake.url, apiToken: fake.token } },
		workflowId: 'wf-1',
		webhookId: '3f1c2a4e-1111-4aaa-8bbb-000000000001',
		staticData: {},
		...overrides,
	} as NodeSetup & { staticData: IDataObject };
}

/** The trigger's own part of the workflow's static data. */
export function nodeState(setup: { staticData?: IDataObject }, nodeName = NODE_NAME): TriggerState {
	return ((setup.staticData ?? {})[`node:${nodeName}`] ?? {}) as TriggerState;
}

export function hooks(fake: DigisacFake): Row[] {
	return fake.state.webhooks;
}

/**
 * useDigisac() for trigger tests: the account starts with no webhooks, contacts or messages, and
 * `setup()` builds the trigger node of one workflow (see triggerSetup).
 */
export function useDigisacTrigger() {
	const digisac = useDigisac();
	beforeEach(() => {
		digisac.fake.state.webhooks = [];
		digisac.fake.state.contacts = [];
		digisac.fake.state.messages = [];
	});
	return {
		...digisac,
		setup: (parameters: INodeParameters = {}, overrides: Partial<NodeSetup> = {}) =>
			triggerSetup(digisac.fake, parameters, overrides),
	};
}

/** The query of the URL the trigger registered: the secret every genuine delivery carries. */
export function secretQuery(setup: { staticData?: IDataObject }): Record<string, string> {
	const secret = nodeState(setup).deliverySecret;
	return secret ? { secret } : {};
}

/** The query parameters of a URL, as n8n hands them to webhook(). */
export function urlQuery(url: string): Record<string, string> {
	return Object.fromEntries(new URL(url).searchParams.entries());
}
