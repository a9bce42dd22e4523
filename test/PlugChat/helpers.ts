import { LoadOptionsContext } from 'n8n-core';
import type { ILoadOptionsFunctions, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { PlugChat } from '../../nodes/PlugChat/PlugChat.node';
import { PlugChatFake } from '../fakes/plugchat';
import type { NodeRun } from '../harness';
import { buildWorkflow, runNode } from '../harness';

/**
 * One PlugChat fake per test file: started before the tests, reset to the seeded account before
 * each one, with short retry waits.
 */
export function usePlugChatFake(): PlugChatFake {
	const fake = new PlugChatFake();
	beforeAll(async () => {
		await fake.start();
	});
	afterAll(async () => {
		await fake.stop();
	});
	beforeEach(() => {
		fake.reset();
		fake.resetState();
	});
	return fake;
}

export function credentialsFor(fake: PlugChatFake, extra: Record<string, string> = {}) {
	return { plugChatApi: { apiToken: fake.token, baseUrl: fake.url, ...extra } };
}

/** Runs the PlugChat node through n8n's WorkflowExecute against the fake. */
export async function runPlugChat(
	fake: PlugChatFake,
	parameters: INodeParameters,
	options: {
		items?: INodeExecutionData[];
		continueOnFail?: boolean;
		credentials?: Record<string, string>;
	} = {},
): Promise<NodeRun> {
	return await runNode({
		nodeType: new PlugChat(),
		parameters,
		credentials: credentialsFor(fake, options.credentials),
		items: options.items,
		continueOnFail: options.continueOnFail,
	});
}

/** A phone parameter as the editor stores a resource locator typed "By Number". */
export function byNumber(value: string) {
	return { __rl: true, mode: 'id', value };
}

/** Calls a loadOptions / listSearch method through n8n-core's LoadOptionsContext. */
export async function withLoadOptions<T>(
	fake: PlugChatFake,
	call: (context: ILoadOptionsFunctions) => Promise<T>,
	parameters: INodeParameters = {},
): Promise<T> {
	const { workflow, node, additionalData } = buildWorkflow({
		nodeType: new PlugChat(),
		parameters,
		credentials: credentialsFor(fake),
	});
	const context = new LoadOptionsContext(workflow, node, additionalData, 'parameters.phone');
	return await call(context as unknown as ILoadOptionsFunctions);
}
