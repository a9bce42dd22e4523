import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';

import type { N8nHost } from './hosts';
import { ROOT } from './hosts';
import { runCommand } from './processes';

export interface PackageInfo {
	name: string;
	version: string;
	n8n: { nodes: string[]; credentials: string[] };
	[key: string]: unknown;
}

export function ourPackage(): PackageInfo {
	return JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageInfo;
}

/** `npm run build` of our package (Node 20, the repository's own toolchain). */
export async function buildPackage(logFile: string): Promise<void> {
	await runCommand('npm run build', 'npm', ['run', 'build'], {
		cwd: ROOT,
		logFile,
		timeoutMs: 600_000,
	});
}

/**
 * After `npm run build` failed on type errors: tsc has still written the JavaScript, but the
 * build stopped before copying the icons. Copies them so the files that do work can be tried.
 */
export async function finishFailedBuild(logFile: string): Promise<void> {
	await runCommand('gulp build:icons', 'npx', ['--no-install', 'gulp', 'build:icons'], {
		cwd: ROOT,
		logFile,
		timeoutMs: 120_000,
	});
}

export interface BuiltFile {
	/** As listed in package.json's n8n section, e.g. dist/nodes/Digisac/Digisac.node.js. */
	file: string;
	kind: 'node' | 'credential';
	/** The type name the file declares (description.name / name), when it loads. */
	typeName?: string;
	/** Why n8n could not load it: missing, throws on load, no class, no name. */
	problem?: string;
}

/**
 * Loads every file package.json's n8n section lists, as n8n's loader would (one class per file,
 * instantiated). n8n refuses the whole package when one of them is missing or throws, so the
 * e2e suite finds the culprits first and names them.
 */
export async function inspectBuiltFiles(): Promise<BuiltFile[]> {
	const { n8n } = ourPackage();
	const listed: Array<[string, BuiltFile['kind']]> = [
		...n8n.nodes.map((file): [string, BuiltFile['kind']] => [file, 'node']),
		...n8n.credentials.map((file): [string, BuiltFile['kind']] => [file, 'credential']),
	];
	return await Promise.all(
		listed.map(async ([file, kind]): Promise<BuiltFile> => {
			const path = join(ROOT, file);
			if (!existsSync(path))
				return { file, kind, problem: 'not built (no source, or the build skipped it)' };
			try {
				const exported = (await import(path)) as Record<string, unknown>;
				const Class = Object.values(exported).find((value) => typeof value === 'function') as
					| (new () => Record<string, unknown>)
					| undefined;
				if (!Class) return { file, kind, problem: 'exports no class' };
				const instance = new Class();
				const typeName =
					kind === 'node'
						? (instance.description as { name?: string } | undefined)?.name
						: (instance.name as string | undefined);
				if (!typeName)
					return {
						file,
						kind,
						problem: kind === 'node' ? 'has no description.name' : 'has no name',
					};
				return { file, kind, typeName };
			} catch (error) {
				return { file, kind, problem: `throws when loaded: ${(error as Error).message}` };
			}
		}),
	);
}

/**
 * `npm pack` into `destination`; returns the tarball's path. With `exclude`, packs a staged copy
 * whose package.json leaves those files out of the n8n section, so that n8n can still load the
 * rest of the package while a node is missing or broken (the suite reports that node as failed).
 */
export async function packPackage(
	destination: string,
	logFile: string,
	exclude: string[] = [],
): Promise<string> {
	mkdirSync(destination, { recursive: true });
	let cwd = ROOT;
	if (exclude.length) {
		cwd = join(destination, 'staged-package');
		rmSync(cwd, { recursive: true, force: true });
		mkdirSync(cwd, { recursive: true });
		const manifest = ourPackage();
		manifest.n8n.nodes = manifest.n8n.nodes.filter((file) => !exclude.includes(file));
		manifest.n8n.credentials = manifest.n8n.credentials.filter((file) => !exclude.includes(file));
		writeFileSync(join(cwd, 'package.json'), JSON.stringify(manifest, null, 2));
		for (const entry of ['dist', 'README.md', 'LICENSE.md']) {
			if (existsSync(join(ROOT, entry)))
				cpSync(join(ROOT, entry), join(cwd, entry), { recursive: true });
		}
	}
	const output = await runCommand(
		'npm pack',
		'npm',
		['pack', '--ignore-scripts', '--json', `--pack-destination=${destination}`],
		{ cwd, logFile, timeoutMs: 120_000 },
	);
	const start = output.indexOf('[');
	const packed = JSON.parse(output.slice(start)) as Array<{ filename: string }>;
	const tarball = join(destination, packed[0].filename);
	if (!existsSync(tarball))
		throw new Error(`npm pack reported ${packed[0].filename} but ${tarball} does not exist`);
	return tarball;
}

/**
 * Installs a packed tarball into n8n's community-nodes folder exactly as Settings → Community
 * Nodes does (the same in n8n 1.123 and 2.40) after `npm pack <name>@<version>` from the registry
 * (n8n/dist/modules/community-packages/community-packages.service.js, downloadPackage()):
 * unpack into `<nodes>/node_modules/<name>`, drop dev/peer/optional dependencies from its
 * package.json, `npm install` its runtime dependencies in place with n8n's flags, and record the
 * version in `<nodes>/package.json`. n8n then finds it by scanning that folder on start.
 */
export async function installIntoNodesFolder(
	tarball: string,
	nodesFolder: string,
	logFile: string,
	host: N8nHost,
): Promise<string> {
	const { name } = ourPackage();
	const packageDirectory = join(nodesFolder, 'node_modules', name);
	const ledgerPath = join(nodesFolder, 'package.json');
	mkdirSync(nodesFolder, { recursive: true });
	rmSync(packageDirectory, { recursive: true, force: true });
	mkdirSync(packageDirectory, { recursive: true });
	await runCommand(
		'tar',
		'tar',
		['-xzf', tarball, '-C', packageDirectory, '--strip-components=1'],
		{ logFile },
	);

	const manifestPath = join(packageDirectory, 'package.json');
	const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown> & {
		version: string;
	};
	delete manifest.devDependencies;
	delete manifest.peerDependencies;
	delete manifest.optionalDependencies;
	writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
	await runCommand(
		'npm install (community package)',
		'npm',
		[
			'install',
			'--audit=false',
			'--fund=false',
			'--bin-links=false',
			'--install-strategy=shallow',
			'--ignore-scripts=true',
			'--package-lock=false',
		],
		{ cwd: packageDirectory, env: host.env(), logFile, timeoutMs: 300_000 },
	);

	const ledger = existsSync(ledgerPath)
		? (JSON.parse(readFileSync(ledgerPath, 'utf8')) as { dependencies?: Record<string, string> })
		: { name: 'installed-nodes', private: true, dependencies: {} };
	ledger.dependencies = { ...(ledger.dependencies ?? {}), [name]: manifest.version };
	writeFileSync(ledgerPath, JSON.stringify(ledger, null, 2));
	return packageDirectory;
}
