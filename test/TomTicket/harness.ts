import { LoadOptionsContext } from 'n8n-core';
import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeExecutionData,
	INodeParameters,
} from 'n8n-workflow';

import { TomTicket } from '../../nodes/TomTicket/TomTicket.node';
import { TomTicketTrigger } from '../../nodes/TomTicket/TomTicketTrigger.node';
import { tomTicketService } from '../../nodes/TomTicket/transport';
import type { RecordedRequest } from '../fakes/fakeServer';
import { formText } from '../fakes/fakeServer';
import { TomTicketFake } from '../fakes/tomticket';
import { buildWorkflow, runNode, runPoll } from '../harness';

export const node = new TomTicket();
export const trigger = new TomTicketTrigger();

const savedRate = tomTicketService.requestsPerSecond;

/**
 * A TomTicket fake for one test file and the TomTicket node and trigger run against it. By default
 * the node's rate limit is lifted and the fake does not enforce it, so tests run fast; the
 * rate-limit tests turn both back on with their own token.
 */
export function useTomTicket(options: { realRateLimit?: boolean } = {}) {
	const fake = new TomTicketFake();
	beforeAll(async () => {
		await fake.start();
	});
	afterAll(async () => {
		await fake.stop();
		tomTicketService.requestsPerSecond = savedRate;
	});
	beforeEach(() => {
		fake.reset();
		fake.resetState();
		fake.enforceRateLimit = options.realRateLimit === true;
		tomTicketService.requestsPerSecond = options.realRateLimit ? savedRate : 10_000;
	});

	const credentials = (token = fake.token) => ({
		tomTicketApi: { apiToken: token, baseUrl: fake.url },
	});

	async function run(
		parameters: INodeParameters,
		runOptions: { items?: INodeExecutionData[]; continueOnFail?: boolean; token?: string } = {},
	) {
		return await runNode({
			nodeType: node,
			parameters: { requestOptions: {}, ...parameters },
			credentials: credentials(runOptions.token),
			items: runOptions.items,
			continueOnFail: runOptions.continueOnFail,
		});
	}

	/** Calls a load-options or list-search method the way the editor does, with the node's current parameters. */
	async function callMethod<T>(
		parameters: INodeParameters,
		method: (this: ILoadOptionsFunctions, ...args: never[]) => Promise<T>,
		args: unknown[] = [],
		path = 'parameters.x',
	): Promise<T> {
		const {
			workflow,
			node: nodeData,
			additionalData,
		} = buildWorkflow({ nodeType: node, parameters, credentials: credentials() });
		(additionalData as unknown as IDataObject).currentNodeParameters = parameters as IDataObject;
		const context = new LoadOptionsContext(workflow, nodeData, additionalData, path);
		return await (method as (this: ILoadOptionsFunctions, ...rest: unknown[]) => Promise<T>).call(
			context,
			...args,
		);
	}

	async function poll(
		parameters: INodeParameters,
		staticData: IDataObject,
		mode: 'trigger' | 'manual' = 'trigger',
	) {
		return await runPoll(
			{ nodeType: trigger, parameters, credentials: credentials(), staticData },
			{ mode },
		);
	}

	return { fake, run, callMethod, poll, credentials };
}

export function byProtocol(value: string | number) {
	return { __rl: true, mode: 'protocol', value: String(value) };
}

/** All text fields of a multipart request, for whole-body assertions. */
export function formFields(request: RecordedRequest): Record<string, string> {
	const fields: Record<string, string> = {};
	for (const name of Object.keys(request.form ?? {})) {
		const value = formText(request, name);
		if (value !== undefined) fields[name] = value;
	}
	return fields;
}
