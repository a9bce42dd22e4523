import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { asJson } from './json';
import { readRequestOptions } from './requestOptions';

type ItemHandler = (this: IExecuteFunctions, itemIndex: number) => Promise<INodeExecutionData[]>;

/** Wraps API answers as output items; bare answers (`true`, a string) still become an item. */
export function toItems(data: unknown): INodeExecutionData[] {
	if (Array.isArray(data)) return data.map((json) => ({ json: asJson(json) }));
	return [{ json: asJson(data) }];
}

/** Any failure as the n8n error it should be, tied to its item. */
export function asNodeError(
	context: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	// Anything else is a bug of ours; still report it against the item rather than crash.
	return new NodeOperationError(context.getNode(), error as Error, { itemIndex });
}

/** The output item that stands for a failed input item under Continue On Fail. */
export function errorItem(
	error: NodeApiError | NodeOperationError,
	itemIndex: number,
): INodeExecutionData {
	const json: IDataObject = { error: error.message };
	if (error.description) json.description = error.description;
	if (error instanceof NodeApiError && error.httpCode) json.httpCode = error.httpCode;
	return { json, pairedItem: { item: itemIndex } };
}

/**
 * Runs one handler per input item. Adds pairedItem to every output, turns failures into error
 * items under "Continue On Fail", and applies the batching of the node's Request Options (that
 * many items run at the same time, output order is kept; with an interval, items go in batches
 * separated by it, without one a new item starts as soon as another finishes). The timeout of the
 * same options is read by the transport itself, for every request.
 */
export async function runForEachItem(
	this: IExecuteFunctions,
	handler: ItemHandler,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const { batchSize, batchInterval } = readRequestOptions(this);
	const continueOnFail = this.continueOnFail();

	const runOne = async (itemIndex: number): Promise<INodeExecutionData[]> => {
		try {
			const produced = await handler.call(this, itemIndex);
			for (const item of produced) item.pairedItem ??= { item: itemIndex };
			return produced;
		} catch (error) {
			const nodeError = asNodeError(this, error, itemIndex);
			if (continueOnFail) return [errorItem(nodeError, itemIndex)];
			throw nodeError;
		}
	};

	const output: INodeExecutionData[] = [];
	if (batchSize === 1) {
		for (let i = 0; i < items.length; i++) {
			if (i > 0 && batchInterval > 0) await sleep(batchInterval);
			output.push(...(await runOne(i)));
		}
		return [output];
	}

	if (batchInterval === 0) {
		const results = await runWindow(items.length, batchSize, runOne);
		for (const produced of results) output.push(...produced);
		return [output];
	}

	for (let start = 0; start < items.length; start += batchSize) {
		if (start > 0) await sleep(batchInterval);
		const indexes = Array.from(
			{ length: Math.min(batchSize, items.length - start) },
			(_, k) => start + k,
		);
		const settled = await Promise.allSettled(indexes.map(runOne));
		for (const result of settled) {
			// Without Continue On Fail the first failing item (in input order) stops the node.
			if (result.status === 'rejected') throw result.reason;
			output.push(...result.value);
		}
	}
	return [output];
}

/**
 * Keeps `width` items in flight: as soon as one finishes the next starts, so no item waits for the
 * slowest of a batch (used when batching has no interval). Results come back in input order. On a
 * failure no further item starts; those in flight finish, then the first failure in input order is
 * thrown.
 */
async function runWindow<T>(
	count: number,
	width: number,
	run: (index: number) => Promise<T>,
): Promise<T[]> {
	const results = new Array<T>(count);
	const failures = new Map<number, unknown>();
	let next = 0;
	const lane = async () => {
		while (next < count && failures.size === 0) {
			const index = next++;
			try {
				results[index] = await run(index);
			} catch (error) {
				failures.set(index, error);
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(width, count) }, lane));
	if (failures.size) throw failures.get(Math.min(...failures.keys()));
	return results;
}
