/**
 * e2e/n8n-versions.json is the one place the n8n versions are pinned. These checks keep what
 * depends on it in step: each version's committed lock, the n8n-workflow alias of the oldest
 * supported version, and the range README states.
 */
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..');
const versions = JSON.parse(
	fs.readFileSync(path.join(root, 'e2e', 'n8n-versions.json'), 'utf8'),
) as {
	default: string;
	matrix: string[];
	supported: { oldestN8n: string; oldestN8nWorkflow: string };
	hosts: Record<string, { node: string; overrides: Record<string, string> }>;
};

interface Lock {
	packages: Record<string, { version?: string; dependencies?: Record<string, string> }>;
}

function lockOf(version: string): Lock {
	const file = path.join(root, 'e2e', 'hosts', `n8n-${version}.package-lock.json`);
	return JSON.parse(fs.readFileSync(file, 'utf8')) as Lock;
}

describe('e2e/n8n-versions.json', () => {
	it('lists a host for the default and every matrix version, each on a pinned Node', () => {
		for (const version of [versions.default, ...versions.matrix]) {
			expect(versions.hosts[version]).toBeDefined();
			expect(versions.hosts[version].node).toMatch(/^\d+\.\d+\.\d+$/);
		}
		expect(versions.matrix).toContain(versions.default);
		// One version of each line: the oldest line users run and the newest.
		expect(new Set(versions.matrix.map((v) => v.split('.')[0]))).toEqual(new Set(['1', '2']));
	});

	it.each(Object.keys(versions.hosts))('has the committed lock of n8n %s', (version) => {
		const lock = lockOf(version);
		expect(lock.packages[''].dependencies).toEqual({ n8n: version });
		expect(lock.packages['node_modules/n8n'].version).toBe(version);
	});

	it('names as oldest n8n-workflow the release line the tested 1.x ships', () => {
		const oldLine = versions.matrix.find((v) => v.startsWith('1.'))!;
		expect(oldLine.split('.').slice(0, 2)).toEqual(
			versions.supported.oldestN8n.split('.').slice(0, 2),
		);
		const shipped = lockOf(oldLine).packages['node_modules/n8n-workflow'].version!;
		// Same minor: the tested 1.123.x carries a later patch of the n8n-workflow 1.123.0 ships.
		expect(shipped.split('.').slice(0, 2)).toEqual(
			versions.supported.oldestN8nWorkflow.split('.').slice(0, 2),
		);
	});

	it('is what README states in its install section', () => {
		const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
		const install = readme.slice(readme.indexOf('## Install in n8n'));
		const section = install.slice(0, install.indexOf('\n## ', 5));
		expect(section).toContain(`${versions.supported.oldestN8n} and later 1.x`);
		expect(section).toContain(`n8n-workflow ${versions.supported.oldestN8nWorkflow}`);
		for (const version of versions.matrix) expect(section).toContain(`n8n ${version}`);
	});
});
