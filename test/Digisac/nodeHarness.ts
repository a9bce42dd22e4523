import { LoadOptionsContext } from 'n8n-core';
import type {
	IDataObject,
	INodeExecutionData,
	INodeListSearchResult,
	INodeParameters,
	INodePropertyOptions,
} from 'n8n-workflow';

import { Digisac } from '../../nodes/Digisac/Digisac.node';
import { DigisacFake, seedDigisac } from '../fakes/digisac';
import { actionsOf } from '../fakes/digisac/actions';
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
		fake.webhookDelete = 'supported';
		const actions = actionsOf(fake);
		actions.ticketAnswer = 'empty';
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

/** A resource locator value as the editor stores it. */
export function byId(value: string) {
	return { __rl: true, mode: 'id', value };
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
