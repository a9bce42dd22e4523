import { mkdirSync } from 'fs';
import { join } from 'path';

import type { Fakes } from './fakes';
import { credentialsFor, startFakes, stopFakes } from './fakes';
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
import { ensureHost } from './toolchain';

/**
 * What `npm run dev` and `npm run test:e2e` share: n8n installed on Node 24, our package built,
 * packed and installed like a community package, the fake platforms with demo data, n8n
 * running with an owner and credentials pointing at the fakes.
 */
export interface Stack {
	n8n: N8n;
	fakes: Fakes;
	/** Scratch files (credentials and workflows to import, the tarball). */
	scratchDir: string;
	logDir: string;
}

export interface StackOptions {
	/** n8n's user folder (its `.n8n` holds the database and the community nodes). */
	userFolder: string;
	scratchDir: string;
	logDir: string;
	/** Preferred n8n port (dev: a stable URL); any free port when taken or absent. */
	preferredPort?: number;
	/** Called with a step name before each stage, so failures can name the stage. */
	stage?: <T>(name: string, run: () => Promise<T>) => Promise<T>;
	/**
	 * Called when the build fails (type errors: tsc still emits JavaScript, so the rest goes on)
	 * and when files of the package's n8n section are missing or do not load (n8n would refuse
	 * the whole package, so they are left out of what gets installed). Default: a warning.
	 */
	onPackageProblem?: (title: string, details: string) => Promise<unknown>;
}

const direct = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
	log(name);
	return await run();
};

export async function startStack(options: StackOptions): Promise<Stack> {
	const stage = options.stage ?? direct;
	mkdirSync(options.scratchDir, { recursive: true });
	mkdirSync(options.logDir, { recursive: true });
	const buildLog = join(options.logDir, 'build.log');

	await stage('Node 24 and the n8n host (e2e/n8n-host)', () => ensureHost());
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
	await stage("Pack it (npm pack) and install it into n8n's community-nodes folder", async () => {
		const tarball = await packPackage(
			options.scratchDir,
			buildLog,
			broken.map((f) => f.file),
		);
		await installIntoNodesFolder(tarball, join(options.userFolder, '.n8n', 'nodes'), buildLog);
	});

	const fakes = await stage('Start the fake PlugChat, TomTicket and Digisac on 127.0.0.1', () =>
		startFakes(),
	);
	let n8n: N8n | undefined;
	let started = false;
	try {
		const taken = new Set<number>();
		n8n = new N8n({
			userFolder: options.userFolder,
			port: await portNear(options.preferredPort, taken),
			brokerPort: await portNear(undefined, taken),
			cliBrokerPort: await portNear(undefined, taken),
			logFile: join(options.logDir, 'n8n.log'),
		});
		const server = n8n;
		// Before the server starts, so that workflows it re-activates on start already reach
		// this run's fakes (their ports change from run to run).
		await stage('Credentials pointing at the fakes (n8n import:credentials)', () =>
			server.importCredentials(credentialsFor(fakes), options.scratchDir),
		);
		await stage(`Start n8n on ${server.url}`, () => server.start());
		await stage('Owner account and login', () => server.ensureOwner());
		started = true;
		return { n8n: server, fakes, scratchDir: options.scratchDir, logDir: options.logDir };
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
