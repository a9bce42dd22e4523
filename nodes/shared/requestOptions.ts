import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { RequestContext } from './transport';

const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Options every action node offers last: a timeout, and batching like n8n's HTTP Request node
 * (items of a batch are sent concurrently; an interval separates batches).
 */
export const requestOptionsProperty: INodeProperties = {
	displayName: 'Request Options',
	name: 'requestOptions',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: [
		{
			displayName: 'Batching',
			name: 'batching',
			placeholder: 'Add Batching',
			type: 'fixedCollection',
			typeOptions: { multipleValues: false },
			default: { batch: {} },
			options: [
				{
					displayName: 'Batching',
					name: 'batch',
					values: [
						{
							displayName: 'Items per Batch',
							name: 'batchSize',
							type: 'number',
							typeOptions: { minValue: 1 },
							default: 10,
							description:
								'How many items are sent at the same time. 1 sends them one after another. Without an interval, a new item starts as soon as one finishes.',
						},
						{
							displayName: 'Batch Interval (Ms)',
							name: 'batchInterval',
							type: 'number',
							typeOptions: { minValue: 0 },
							default: 0,
							description: 'Time to wait between batches, in milliseconds. 0 for no pause.',
						},
					],
				},
			],
		},
		{
			displayName: 'Timeout',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 30000,
			description:
				'Time in milliseconds to wait for the platform to answer before failing the item',
		},
	],
};

interface RequestSettings {
	timeoutMs: number;
	batchSize: number;
	batchInterval: number;
}

interface RequestOptionsParameter {
	timeout?: number;
	batching?: { batch?: { batchSize?: number; batchInterval?: number } };
}

/** The node's Request Options as numbers the item loop and the transport can use. */
export function readRequestOptions(context: IExecuteFunctions): RequestSettings {
	const options = (context.getNodeParameter('requestOptions', 0, {}) ??
		{}) as RequestOptionsParameter;
	return {
		timeoutMs: options.timeout ?? DEFAULT_TIMEOUT_MS,
		batchSize: Math.max(1, Math.floor(options.batching?.batch?.batchSize ?? 1)),
		batchInterval: Math.max(0, options.batching?.batch?.batchInterval ?? 0),
	};
}

/**
 * The timeout for a request sent from this context: an action node's Request Options (read each
 * time, so an operation that handles all items at once cannot miss it); elsewhere (triggers,
 * dropdowns in the editor) the default.
 */
export function requestTimeout(context: RequestContext): number {
	if (!('getInputData' in context)) return DEFAULT_TIMEOUT_MS;
	return readRequestOptions(context).timeoutMs;
}
