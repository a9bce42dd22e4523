import { LoadOptionsContext } from 'n8n-core';
import type { ILoadOptionsFunctions, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { PlugChat } from '../../nodes/PlugChat/PlugChat.node';
import { PlugChatFake } from '../fakes/plugchat';
import type { NodeRun } from '../harness';
import { buildWorkflow, runNode } from '../harness';

export const plugChatNode = new PlugChat();

/**
 * A PlugChat fake for one test file (started before the tests, back to the seeded account before
 * each one), and the PlugChat node run against it through n8n-core's WorkflowExecute.
 */
export function usePlugChat() {
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

	const credentials = (extra: Record<string, string> = {}) => ({
		plugChatApi: { apiToken: fake.token, baseUrl: fake.url, ...extra },
	});

	async function run(
		parameters: INodeParameters,
		options: {
			items?: INodeExecutionData[];
			continueOnFail?: boolean;
			credentials?: Record<string, string>;
			timezone?: string;
		} = {},
	): Promise<NodeRun> {
		return await runNode({
			nodeType: plugChatNode,
			parameters,
			credentials: credentials(options.credentials),
			items: options.items,
			continueOnFail: options.continueOnFail,
			timezone: options.timezone,
		});
	}

	/** Calls a loadOptions / listSearch method through n8n-core's LoadOptionsContext. */
	async function withLoadOptions<T>(
		call: (context: ILoadOptionsFunctions) => Promise<T>,
		parameters: INodeParameters = {},
	): Promise<T> {
		const { workflow, node, additionalData } = buildWorkflow({
			nodeType: plugChatNode,
			parameters,
			credentials: credentials(),
		});
		const context = new LoadOptionsContext(workflow, node, additionalData, 'parameters.phone');
		return await call(context as unknown as ILoadOptionsFunctions);
	}

	return { fake, run, withLoadOptions, credentials };
}
