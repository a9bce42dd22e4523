import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { alphabetical, updateDisplayOptions } from './descriptions';
import { runForEachItem } from './items';
import { requestOptionsProperty } from './requestOptions';

/** An operation's entry in its resource's Operation dropdown. */
interface OperationOption {
	name: string;
	/** The operation's parameter value: also its export name in the resource file. */
	value: string;
	action: string;
	description?: string;
}

/**
 * One operation file: its dropdown entry, its fields (the resource shows them for this operation
 * only), and either what it does for one item (`execute`) or, for an operation that handles all
 * input items at once (a bulk create sending items in groups), `executeAll`, which must still
 * pair every output with its input items.
 */
export type Operation = {
	option: OperationOption;
	/** The operation's fields; none when it takes no input. */
	properties?: INodeProperties[];
} & (
	| {
			execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]>;
			executeAll?: undefined;
	  }
	| { executeAll(this: IExecuteFunctions): Promise<INodeExecutionData[][]>; execute?: undefined }
);

/**
 * A resource file's exports: its operations by parameter value, one
 * `export * as <value> from './<value>.operation'` line each.
 */
export type Operations = Record<string, Operation>;

export interface Resource {
	/** Its entry in the Resource dropdown. */
	name: string;
	description: string;
	/** The operation the Operation dropdown starts on. */
	defaultOperation: string;
	operations: Operations;
}

/**
 * A resource of a node: its Resource dropdown entry and its operations (the namespace of its
 * resource file). Checks at compile time that every export is an operation and that the default
 * operation is one of them.
 */
export function resource<O extends Operations>(
	operations: O,
	entry: { name: string; description: string; defaultOperation: keyof O & string },
): { name: string; description: string; defaultOperation: keyof O & string; operations: O } {
	return { ...entry, operations };
}

/** A node's resources by parameter value, in the order their fields are listed. */
export type Resources = Record<string, Resource>;

/** A resource's Operation dropdown, then every operation's fields, shown for that operation. */
function resourceProperties(value: string, entry: Resource): INodeProperties[] {
	const operations = Object.values(entry.operations);
	const { defaultOperation } = entry;
	return [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [value] } },
			options: alphabetical(
				operations.map((operation) => operation.option),
				(option) => option.name,
			),
			default: defaultOperation,
		},
		...operations.flatMap((operation) =>
			updateDisplayOptions(
				{ show: { resource: [value], operation: [operation.option.value] } },
				operation.properties ?? [],
			),
		),
	];
}

/**
 * Every parameter of an action node, derived from its resources: the Resource dropdown, each
 * resource's Operation dropdown and fields, and the Request Options every action node ends with.
 */
export function nodeProperties(resources: Resources, defaultResource: string): INodeProperties[] {
	const entries: INodePropertyOptions[] = Object.entries(resources).map(([value, entry]) => ({
		name: entry.name,
		value,
		description: entry.description,
	}));
	return [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: alphabetical(entries, (entry) => entry.name),
			default: defaultResource,
		},
		...Object.entries(resources).flatMap(([value, entry]) => resourceProperties(value, entry)),
		requestOptionsProperty,
	];
}

/**
 * The node's subtitle on the canvas, in words: "Send Text: Message" rather than the parameter
 * values ("sendText: message"). n8n evaluates it as an expression with `$parameter`; the lookup
 * table is built from the same operation entries the dropdowns show.
 */
export function subtitle(resources: Resources): string {
	const words: Record<string, string> = {};
	for (const [value, entry] of Object.entries(resources)) {
		for (const operation of Object.values(entry.operations))
			words[`${value}.${operation.option.value}`] = `${operation.option.name}: ${entry.name}`;
	}
	// Parenthesised: an expression starting with "{" would read as a block.
	return `={{ (${JSON.stringify(words)})[$parameter["resource"] + "." + $parameter["operation"]] || $parameter["operation"] }}`;
}

/**
 * The value n8n gives the "Custom API Call" entry it adds to the Resource and Operation lists of a
 * node whose credential has `authenticate` (n8n-io/n8n packages/cli/src/constants.ts
 * CUSTOM_API_CALL_KEY; load-nodes-and-credentials.ts injectCustomApiCallOptions). The editor then
 * points the user to the HTTP Request node; a workflow run with it left selected lands here.
 */
const CUSTOM_API_CALL = '__CUSTOM_API_CALL__';

function own<T>(record: Record<string, T>, key: string): T | undefined {
	return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/**
 * Dispatches every input item to its operation, straight from the resources the description is
 * derived from. Resource and operation cannot be expressions (noDataExpression), so they are read
 * once, not per item.
 */
export async function routeItems(
	this: IExecuteFunctions,
	resources: Resources,
): Promise<INodeExecutionData[][]> {
	const resourceName = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	if (resourceName === CUSTOM_API_CALL || operationName === CUSTOM_API_CALL) {
		const credential = Object.values(this.getNode().credentials ?? {})[0]?.name;
		throw new NodeOperationError(
			this.getNode(),
			'Custom API Call runs in an HTTP Request node, not in this one',
			{
				description: `Add an HTTP Request node and set Authentication → Predefined Credential Type → this node's credential type${credential ? ` and the credential "${credential}"` : ''}; it sends the token for you to the URL you give it.`,
			},
		);
	}
	const entry = own(resources, resourceName);
	const operation = entry && own(entry.operations, operationName);
	if (!operation) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operationName}" is not known for resource "${resourceName}"`,
			{
				description:
					'The workflow may come from a newer version of this node. Update the n8n-nodes-atendimento package.',
			},
		);
	}
	if (operation.executeAll) return await operation.executeAll.call(this);
	return await runForEachItem.call(this, operation.execute);
}
