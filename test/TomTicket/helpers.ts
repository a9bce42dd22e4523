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
 * A TomTicket fake for one test file. By default the node's rate limit is lifted and the fake does
 * not enforce it, so tests run fast; the rate-limit tests turn both back on with their own token.
 */
export function useTomTicketFake(options: { realRateLimit?: boolean } = {}): TomTicketFake {
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
	return fake;
}

export function credentials(fake: TomTicketFake, token = fake.token) {
	return { tomTicketApi: { apiToken: token, baseUrl: fake.url } };
}

export async function run(
	fake: TomTicketFake,
	parameters: INodeParameters,
	options: { items?: INodeExecutionData[]; continueOnFail?: boolean; token?: string } = {},
) {
	return await runNode({
		nodeType: node,
		parameters: { requestOptions: {}, ...parameters },
		credentials: credentials(fake, options.token),
		items: options.items,
		continueOnFail: options.continueOnFail,
	});
}

export function byId(value: string) {
	return { __rl: true, mode: 'id', value };
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

/** Calls a load-options or list-search method the way the editor does, with the node's current parameters. */
export async function callMethod<T>(
	fake: TomTicketFake,
	parameters: INodeParameters,
	method: (this: ILoadOptionsFunctions, ...args: never[]) => Promise<T>,
	args: unknown[] = [],
	path = 'parameters.x',
): Promise<T> {
	const {
		workflow,
		node: nodeData,
		additionalData,
	} = buildWorkflow({ nodeType: node, parameters, credentials: credentials(fake) });
	(additionalData as unknown as IDataObject).currentNodeParameters = parameters as IDataObject;
	const context = new LoadOptionsContext(workflow, nodeData, additionalData, path);
	return await (method as (this: ILoadOptionsFunctions, ...rest: unknown[]) => Promise<T>).call(
		context,
		...args,
	);
}

export async function poll(
	fake: TomTicketFake,
	parameters: INodeParameters,
	staticData: IDataObject,
	mode: 'trigger' | 'manual' = 'trigger',
) {
	return await runPoll(
		{ nodeType: trigger, parameters, credentials: credentials(fake), staticData },
		{ mode },
	);
}
