import { ESLint } from 'eslint';
import type { INodeProperties, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';
import tseslint from 'typescript-eslint';

import type { Resources } from '../../nodes/shared/router';

// The plugin ships no type declarations.
const n8nNodesBase = require('eslint-plugin-n8n-nodes-base') as {
	configs: { nodes: { rules: Record<string, unknown> } };
};

/** The Operation dropdown of one resource. */
function operationProperty(
	description: INodeTypeDescription,
	resource: string,
): INodeProperties | undefined {
	return description.properties.find(
		(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource),
	);
}

function values(property: INodeProperties | undefined): string[] {
	return ((property?.options ?? []) as INodePropertyOptions[]).map((o) => String(o.value));
}

/**
 * Every resource and operation the description offers is routed to an operation module (the
 * same object the router dispatches through) that can run it, and every module is offered: a
 * resource file line without its operation, or an operation file whose `option.value` is not its
 * export name, fails here instead of at run time.
 */
export function expectEveryOperationRouted(
	description: INodeTypeDescription,
	resources: Resources,
): void {
	const resourceProperty = description.properties.find((p) => p.name === 'resource');
	expect(values(resourceProperty).sort()).toEqual(Object.keys(resources).sort());
	for (const [resource, entry] of Object.entries(resources)) {
		const offered = values(operationProperty(description, resource));
		expect([resource, offered.sort()]).toEqual([resource, Object.keys(entry.operations).sort()]);
		for (const [name, operation] of Object.entries(entry.operations)) {
			const runs =
				typeof operation.execute === 'function' || typeof operation.executeAll === 'function';
			expect([resource, name, operation.option.value, runs]).toEqual([resource, name, name, true]);
		}
	}
}

/** The operations of the description that the given contract names (added ones may follow). */
export function expectContractOffered(
	description: INodeTypeDescription,
	contract: Record<string, string[]>,
): void {
	const resources = values(description.properties.find((p) => p.name === 'resource'));
	expect(resources).toEqual(expect.arrayContaining(Object.keys(contract)));
	for (const [resource, operations] of Object.entries(contract)) {
		const offered = values(operationProperty(description, resource));
		expect([resource, offered]).toEqual([resource, expect.arrayContaining(operations)]);
	}
}

/** A JavaScript literal with bare keys, as n8n's lint rules expect to find node parameters. */
function literal(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
	if (value && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>).map(
			([key, v]) => `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key)}: ${literal(v)}`,
		);
		return `{ ${entries.join(', ')} }`;
	}
	return JSON.stringify(value);
}

/**
 * Runs n8n's node-parameter lint rules (the ones `npm run lint` applies to nodes/) on parameters
 * that are built in code, so never appear as a literal the linter could read (the dropdowns
 * derived from the resource files, everything the shared builders make). Returns the findings,
 * one line each.
 */
export async function lintDerivedProperties(properties: INodeProperties[]): Promise<string[]> {
	const eslint = new ESLint({
		overrideConfigFile: true,
		overrideConfig: [
			{
				files: ['**/*.ts'],
				languageOptions: { parser: tseslint.parser as never },
				plugins: { 'n8n-nodes-base': n8nNodesBase as never },
				rules: n8nNodesBase.configs.nodes.rules as never,
			},
		],
	});
	const source = `export const properties = [\n${properties.map(literal).join(',\n')},\n];\n`;
	const [result] = await eslint.lintText(source, { filePath: 'nodes/Derived/derived.ts' });
	return result.messages.map(
		(m) => `${m.ruleId}: ${m.message} (${source.split('\n')[m.line - 1]?.slice(0, 120)})`,
	);
}

/** The Resource and Operation dropdowns of a node description. */
export function dropdowns(description: INodeTypeDescription): INodeProperties[] {
	return description.properties.filter((p) => p.name === 'resource' || p.name === 'operation');
}
