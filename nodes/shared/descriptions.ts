import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

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

/** The standard Return All + Limit pair of a Get Many operation. */
export function returnAllOrLimit(): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			displayOptions: { show: { returnAll: [false] } },
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
		},
	];
}

/**
 * Shows properties only for the given resource/operation, like n8n-workflow's
 * updateDisplayOptions. That one deep-clones every property with lodash.merge, which took about a
 * third of the time n8n spends loading this package; a shallow copy with the `show`/`hide`
 * conditions merged gives the same descriptions.
 */
export function updateDisplayOptions(
	displayOptions: IDisplayOptions,
	properties: INodeProperties[],
): INodeProperties[] {
	return properties.map((property) => {
		const merged: IDisplayOptions = { ...property.displayOptions };
		if (displayOptions.show)
			merged.show = { ...property.displayOptions?.show, ...displayOptions.show };
		if (displayOptions.hide)
			merged.hide = { ...property.displayOptions?.hide, ...displayOptions.hide };
		return { ...property, displayOptions: merged };
	});
}
