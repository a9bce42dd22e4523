/**
 * What every node shows in the editor, across the three platforms, as n8n receives it: the
 * parameters built by the shared builders (nodes/shared/descriptions.ts) and derived from the
 * resource files (nodes/shared/router.ts) pass n8n's lint rules and read as sentences.
 */
import type { INodeProperties, INodeType } from 'n8n-workflow';

import * as pkgExports from '../index';

import { lintDerivedProperties } from './harness/descriptions';

const nodes = Object.values(pkgExports)
	.map((Class) => new (Class as new () => Partial<INodeType>)())
	.filter((instance): instance is INodeType => instance.description !== undefined);

/** Every parameter of a node, nested ones (collection options, fixedCollection values) included. */
function allProperties(properties: INodeProperties[]): INodeProperties[] {
	return properties.flatMap((property) => [
		property,
		...allProperties(
			((property.options ?? []) as Array<INodeProperties & { values?: INodeProperties[] }>)
				.flatMap((option) => [option, ...(option.values ?? [])])
				.filter((option) => typeof option === 'object' && 'displayName' in option),
		),
	]);
}

describe.each(nodes.map((node) => [node.description.name, node] as const))('%s', (_name, node) => {
	const properties = allProperties(node.description.properties);

	// Most parameters are built by shared builders and derived from the resource files, so the
	// linter never sees them as literals: run n8n's node-parameter rules on what n8n receives.
	it("passes n8n's node-parameter lint rules as n8n receives it", async () => {
		expect(await lintDerivedProperties(node.description.properties)).toEqual([]);
	}, 30_000);

	it('has no description with a doubled full stop', () => {
		const doubled = properties
			.map((property) => property.description ?? '')
			.filter((text) => /[^.]\.\.(?!\.)/.test(text));
		expect(doubled).toEqual([]);
	});

	it("ends every dropdown fed by the API with n8n's hint", () => {
		for (const property of properties.filter((p) => p.typeOptions?.loadOptionsMethod)) {
			const many = property.type === 'multiOptions';
			expect([
				property.name,
				property.displayName.endsWith(many ? 'Names or IDs' : 'Name or ID'),
			]).toEqual([property.name, true]);
			expect([property.name, property.description]).toEqual([
				property.name,
				expect.stringMatching(
					many
						? /(^|\. )Choose from the list, or specify IDs using an <a href="https:\/\/docs\.n8n\.io\/code\/expressions\/">expression<\/a>\.?$/
						: /(^|\. )Choose from the list, or specify an ID using an <a href="https:\/\/docs\.n8n\.io\/code\/expressions\/">expression<\/a>\.?$/,
				),
			]);
		}
	});
});
