import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { DigisacTrigger } from '../../nodes/Digisac/DigisacTrigger.node';
import type { TriggerState } from '../../nodes/Digisac/trigger/registration';
import type { DigisacFake, Row } from '../fakes/digisac';
import type { NodeSetup } from '../harness';

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
