import * as fs from 'fs';
import * as path from 'path';

import * as pkgExports from '../index';

const root = path.resolve(__dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
	dependencies?: Record<string, string>;
	peerDependencies?: Record<string, string>;
	n8n: { nodes: string[]; credentials: string[] };
};

const source = (distPath: string) =>
	path.join(root, distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts'));

describe('package', () => {
	it('has no runtime dependencies and n8n-workflow only as a peer', () => {
		expect(pkg.dependencies ?? {}).toEqual({});
		expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
	});

	it('registers every node and credential, each with a source file and exported from index.ts', () => {
		const exported = Object.values(pkgExports).map(
			(Class) => new (Class as new () => { name?: string; description?: { name: string } })(),
		);
		const nodeNames = exported
			.filter((e) => e.description)
			.map((e) => e.description!.name)
			.sort();
		const credentialNames = exported
			.filter((e) => !e.description)
			.map((e) => e.name)
			.sort();
		expect(nodeNames).toEqual([
			'digisac',
			'digisacTrigger',
			'plugChat',
			'plugChatTrigger',
			'tomTicket',
			'tomTicketTrigger',
		]);
		expect(credentialNames).toEqual(['digisacApi', 'plugChatApi', 'tomTicketApi']);
		for (const file of [...pkg.n8n.nodes, ...pkg.n8n.credentials])
			expect(fs.existsSync(source(file))).toBe(true);
		expect(pkg.n8n.nodes).toHaveLength(6);
		expect(pkg.n8n.credentials).toHaveLength(3);
	});

	it('gives every node a codex file with categories and Portuguese aliases, and light and dark icons', () => {
		for (const file of pkg.n8n.nodes) {
			const codexPath = source(file).replace(/\.ts$/, '.json');
			const codex = JSON.parse(fs.readFileSync(codexPath, 'utf8')) as {
				node: string;
				categories: string[];
				alias: string[];
			};
			expect(codex.node).toMatch(/^n8n-nodes-atendimento\.\w+$/);
			expect(codex.categories.length).toBeGreaterThan(0);
			expect(codex.alias.length).toBeGreaterThan(0);
		}
		for (const service of ['plugchat', 'tomticket', 'digisac']) {
			expect(fs.existsSync(path.join(root, 'icons', `${service}.svg`))).toBe(true);
			expect(fs.existsSync(path.join(root, 'icons', `${service}.dark.svg`))).toBe(true);
		}
	});
});
