import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { runForEachItem } from './items';

/**
 * One operation file: its parameters, and either what it does for one item (`execute`) or, for an
 * operation that handles all input items at once (a bulk create sending items in groups),
 * `executeAll`, which must still pair every output with its input items.
 */
export type OperationModule = { description: INodeProperties[] } & (
	| {
			execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]>;
			executeAll?: undefined;
	  }
	| { executeAll(this: IExecuteFunctions): Promise<INodeExecutionData[][]>; execute?: undefined }
);

/** resource → operation → module, e.g. { ticket: { create, get, … } }. */
export type OperationMap = Record<string, Record<string, OperationModule>>;

/**
 * Dispatches every input item to its operation. Resource and operation cannot be expressions
 * (noDataExpression), so they are read once, not per item.
 */
export async function routeItems(
	this: IExecuteFunctions,
	operations: OperationMap,
): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const module = operations[resource]?.[operation];
	if (!module) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" is not known for resource "${resource}"`,
			{
				description:
					'The workflow may come from a newer version of this node. Update the n8n-nodes-atendimento package.',
			},
		);
	}
	if (module.executeAll) return await module.executeAll.call(this);
	return await runForEachItem.call(this, module.execute);
}
