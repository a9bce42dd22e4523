/**
 * The package supports n8n from the oldest version e2e/n8n-versions.json names (README states
 * it). What the nodes take from n8n-workflow must exist in the n8n-workflow that n8n version
 * ships: the devDependency `n8n-workflow-oldest-supported` is that release under another name.
 *
 * Types and context helpers (this.helpers.*, this.getNodeParameter, …) are checked by
 * `npm run typecheck`, which compiles nodes/ and credentials/ against it (tsconfig.compat.json).
 * This file checks what exists at run time: every value imported from n8n-workflow, and the old
 * version's own handling of our node descriptions. The real n8n of that line runs the package in
 * the e2e suite (`npm run test:e2e -- --n8n all`).
 */
import * as fs from 'fs';
import * as path from 'path';

import * as ts from 'typescript';

const root = path.resolve(__dirname, '..', '..');
const versions = JSON.parse(
	fs.readFileSync(path.join(root, 'e2e', 'n8n-versions.json'), 'utf8'),
) as { supported: { oldestN8n: string; oldestN8nWorkflow: string } };
const ALIAS = 'n8n-workflow-oldest-supported';
const oldest = jest.requireActual<Record<string, unknown>>(ALIAS);

// The nodes, loaded below, get the old n8n-workflow instead of the current one.
jest.mock('n8n-workflow', () => jest.requireActual('n8n-workflow-oldest-supported'));

function sourceFiles(dir: string): string[] {
	return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
		const relative = path.join(dir, entry.name);
		if (entry.isDirectory()) return sourceFiles(relative);
		return entry.name.endsWith('.ts') ? [relative] : [];
	});
}

/** Every name a shipped file imports from n8n-workflow as a value (not `import type`). */
function valueImports(): Map<string, string[]> {
	const found = new Map<string, string[]>();
	for (const file of [...sourceFiles('nodes'), ...sourceFiles('credentials'), 'index.ts']) {
		const text = fs.readFileSync(path.join(root, file), 'utf8');
		const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022);
		for (const statement of source.statements) {
			if (!ts.isImportDeclaration(statement)) continue;
			if ((statement.moduleSpecifier as ts.StringLiteral).text !== 'n8n-workflow') continue;
			const clause = statement.importClause;
			if (!clause || clause.isTypeOnly) continue;
			const bindings = clause.namedBindings;
			if (!bindings || !ts.isNamedImports(bindings)) {
				found.set('* (namespace or default import)', [file]);
				continue;
			}
			for (const element of bindings.elements) {
				if (element.isTypeOnly) continue;
				const name = (element.propertyName ?? element.name).text;
				found.set(name, [...(found.get(name) ?? []), file]);
			}
		}
	}
	return found;
}

describe(`n8n-workflow of the oldest supported n8n (${versions.supported.oldestN8n})`, () => {
	it('is the release that n8n version ships, installed under the alias', () => {
		const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
			devDependencies: Record<string, string>;
		};
		expect(pkg.devDependencies[ALIAS]).toBe(
			`npm:n8n-workflow@${versions.supported.oldestN8nWorkflow}`,
		);
		const installed = JSON.parse(
			fs.readFileSync(path.join(root, 'node_modules', ALIAS, 'package.json'), 'utf8'),
		) as { name: string; version: string };
		expect(installed).toMatchObject({
			name: 'n8n-workflow',
			version: versions.supported.oldestN8nWorkflow,
		});
	});

	it('is what `npm run typecheck` compiles nodes/ and credentials/ against', () => {
		const config = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.compat.json'), 'utf8')) as {
			compilerOptions: { paths: Record<string, string[]> };
		};
		expect(config.compilerOptions.paths['n8n-workflow']).toEqual([`node_modules/${ALIAS}`]);
		const scripts = (
			JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
				scripts: Record<string, string>;
			}
		).scripts;
		expect(scripts.typecheck).toContain('tsc -p tsconfig.compat.json');
	});

	it('exports every value the nodes and credentials import from n8n-workflow', () => {
		const imports = valueImports();
		// The scan must see the imports the nodes are known to use, or it proves nothing.
		expect([...imports.keys()]).toEqual(expect.arrayContaining(['NodeOperationError', 'sleep']));
		const missing = [...imports.entries()]
			.filter(([name]) => !(name in oldest))
			.map(([name, files]) => `${name} (imported by ${files.join(', ')})`);
		expect(missing).toEqual([]);
	});

	it('loads every node and credential, and computes each node’s default parameters', () => {
		// Loaded here so the jest.mock above applies to them.

		const exported = require('../../index') as Record<string, new () => Record<string, unknown>>;
		const helpers = oldest.NodeHelpers as {
			getNodeParameters(
				properties: unknown[],
				values: Record<string, unknown>,
				returnDefaults: boolean,
				returnNoneDisplayed: boolean,
				node: { typeVersion: number } | null,
				description: unknown,
			): Record<string, unknown> | null;
		};
		const loaded: string[] = [];
		for (const Class of Object.values(exported)) {
			const instance = new Class();
			const description = instance.description as
				| { name: string; properties: unknown[]; version: number; outputs: unknown[] }
				| undefined;
			if (!description) {
				loaded.push(String(instance.name));
				continue;
			}
			loaded.push(description.name);
			// NodeConnectionTypes.Main is the plain string n8n 1.x expects.
			expect(description.outputs).toEqual(['main']);
			const defaults = helpers.getNodeParameters(
				description.properties,
				{},
				true,
				false,
				{ typeVersion: description.version },
				description,
			);
			expect(defaults).not.toBeNull();
		}
		expect(loaded.sort()).toEqual([
			'digisac',
			'digisacApi',
			'digisacTrigger',
			'plugChat',
			'plugChatApi',
			'plugChatTrigger',
			'tomTicket',
			'tomTicketApi',
			'tomTicketTrigger',
		]);
	});
});
