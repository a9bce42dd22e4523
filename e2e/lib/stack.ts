import { mkdirSync } from 'fs';
import { join } from 'path';

import type { Fakes } from './fakes';
import { credentialsFor, startFakes, stopFakes } from './fakes';
import type { SeedTargets } from './fixtures';
import type { HostInstall, N8nHost } from './hosts';
import { ensureHost } from './hosts';
import { errorText, log, warn } from './log';
import { N8n } from './n8n';
import { portNear } from './net';
import {
	buildPackage,
	finishFailedBuild,
	inspectBuiltFiles,
	installIntoNodesFolder,
	packPackage,
} from './pkg';
import { stopAll } from './processes';

/**
 * The building blocks the dev playground, the e2e suite (and any other stack: queue mode,
 * benchmarks) share: an n8n version installed in its host folder, our package built, packed and
 * installed like a community package, n8n processes started with given env and ports, the fake
 * platforms with their fixtures. `startStack` puts them together for one n8n with SQLite.
 */
export interface Stack {
	n8n: N8n;
	fakes: Fakes;
	host: N8nHost;
	/** Seconds spent installing n8n (0 when the host was already installed). */
	installSeconds: number;
	/** Scratch files (credentials and workflows to import, the tarball). */
	scratchDir: string;
	logDir: string;
}

/** Runs a named stage; a failure is reported under that name (the e2e Report does so). */
export type Stage = <T>(name: string, run: () => Promise<T>) => Promise<T>;

export interface StackOptions {
	/** The n8n version (a key of e2e/n8n-versions.json, or another release to try). */
	version: string;
	/** n8n's user folder (its `.n8n` holds the database and the community nodes). */
	userFolder: string;
	scratchDir: string;
	logDir: string;
	/** Preferred n8n port (dev: a stable URL); any free port when taken or absent. */
	preferredPort?: number;
	/** Called with a step name before each stage, so failures can name the stage. */
	stage?: Stage;
	/**
	 * Called when the build fails (type errors: tsc still emits JavaScript, so the rest goes on)
	 * and when files of the package's n8n section are missing or do not load (n8n would refuse
	 * the whole package, so they are left out of what gets installed). Default: a warning.
	 */
	onPackageProblem?: (title: string, details: string) => Promise<unknown>;
	/** More data for the fakes on top of the fixtures. */
	seed?: (fakes: SeedTargets) => void;
}

export const logStage: Stage = async (name, run) => {
	log(name);
	return await run();
};

/** Node and n8n of `version` in their host folders (installed on first use). */
export async function prepareHost(
	version: string,
	logDir: string,
	stage: Stage = logStage,
): Promise<HostInstall> {
	return await stage(`Node and n8n ${version} (e2e/.hosts/n8n-${version})`, () =>
		ensureHost(version, logDir),
	);
}

/**
 * `npm run build`, a loading check of every file of the package's n8n section, `npm pack`.
 * Returns the tarball.
 */
export async function preparePackage(
	options: Pick<StackOptions, 'scratchDir' | 'logDir' | 'stage' | 'onPackageProblem'>,
): Promise<string> {
	const stage = options.stage ?? logStage;
	const buildLog = join(options.logDir, 'build.log');
	const problem =
		options.onPackageProblem ??
		(async (title: string, details: string) => warn(`${title}\n${details}`));
	await stage('Build our package (npm run build)', async () => {
		try {
			await buildPackage(buildLog);
		} catch (error) {
			await problem('Build our package: npm run build succeeds', errorText(error));
			await finishFailedBuild(buildLog);
		}
	});
	const broken = (await inspectBuiltFiles()).filter((f) => f.problem);
	if (broken.length) {
		await problem(
			'1. Every node and credential file of the package exists and loads',
			`n8n refuses a package with a missing or broken file; these are left out so the rest can be checked:\n${broken
				.map((f) => `${f.file}: ${f.problem}`)
				.join('\n')}`,
		);
	}
	return await stage('Pack it (npm pack)', () =>
		packPackage(
			options.scratchDir,
			buildLog,
			broken.map((f) => f.file),
		),
	);
}

/** Installs the tarball into `<userFolder>/.n8n/nodes` as n8n's community-package installer does. */
export async function installPackage(
	tarball: string,
	userFolder: string,
	host: N8nHost,
	logFile: string,
): Promise<string> {
	return await installIntoNodesFolder(tarball, join(userFolder, '.n8n', 'nodes'), logFile, host);
}

export interface N8nProcessOptions {
	host: N8nHost;
	userFolder: string;
	logFile: string;
	/** Ports already handed out in this stack (several n8n processes), updated. */
	taken?: Set<number>;
	preferredPort?: number;
	env?: NodeJS.ProcessEnv;
	command?: string;
	name?: string;
}

/** An n8n process (not started yet) on free ports: its HTTP port and two task-broker ports. */
export async function newN8n(options: N8nProcessOptions): Promise<N8n> {
	const taken = options.taken ?? new Set<number>();
	return new N8n({
		host: options.host,
		userFolder: options.userFolder,
		logFile: options.logFile,
		env: options.env,
		command: options.command,
		name: options.name,
		port: await portNear(options.preferredPort, taken),
		brokerPort: await portNear(undefined, taken),
		cliBrokerPort: await portNear(undefined, taken),
	});
}

/** One n8n (SQLite) with our package, an owner, credentials pointing at the fakes. */
export async function startStack(options: StackOptions): Promise<Stack> {
	const stage = options.stage ?? logStage;
	mkdirSync(options.scratchDir, { recursive: true });
	mkdirSync(options.logDir, { recursive: true });
	const buildLog = join(options.logDir, 'build.log');

	const { host, installSeconds } = await prepareHost(options.version, options.logDir, stage);
	const tarball = await preparePackage(options);
	await stage(`Install it into n8n ${host.version}'s community-nodes folder`, () =>
		installPackage(tarball, options.userFolder, host, buildLog),
	);

	const fakes = await stage('Start the fake PlugChat, TomTicket and Digisac on 127.0.0.1', () =>
		startFakes(options.seed),
	);
	let n8n: N8n | undefined;
	let started = false;
	try {
		n8n = await newN8n({
			host,
			userFolder: options.userFolder,
			logFile: join(options.logDir, 'n8n.log'),
			preferredPort: options.preferredPort,
		});
		const server = n8n;
		// Before the server starts, so that workflows it re-activates on start already reach
		// this run's fakes (their ports change from run to run).
		await stage('Credentials pointing at the fakes (n8n import:credentials)', () =>
			server.importCredentials(credentialsFor(fakes), options.scratchDir),
		);
		await stage(`Start n8n ${host.version} on ${server.url}`, () => server.start());
		await stage('Owner account and login', () => server.ensureOwner());
		started = true;
		return {
			n8n: server,
			fakes,
			host,
			installSeconds,
			scratchDir: options.scratchDir,
			logDir: options.logDir,
		};
	} finally {
		if (!started) {
			await n8n?.stop();
			await stopFakes(fakes);
		}
	}
}

export async function stopStack(stack: Partial<Stack> | undefined): Promise<void> {
	await stack?.n8n?.stop();
	await stopFakes(stack?.fakes);
	await stopAll();
}
