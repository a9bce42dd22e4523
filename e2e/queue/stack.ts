import { cpSync, mkdirSync } from 'fs';
import { join } from 'path';

import type { Fakes } from '../lib/fakes';
import { credentialsFor, startFakes, stopFakes } from '../lib/fakes';
import type { N8nHost } from '../lib/hosts';
import type { N8n } from '../lib/n8n';
import { portNear } from '../lib/net';
import { stopAll } from '../lib/processes';
import type { Stage } from '../lib/stack';
import { installPackage, logStage, newN8n, prepareHost, preparePackage } from '../lib/stack';

import type { Postgres, Redis } from './services';
import { Balancer, startPostgres, startRedis, stopService } from './services';

/**
 * n8n in queue mode, as teams that outgrow one process run it
 * (https://docs.n8n.io/hosting/scaling/queue-mode/): PostgreSQL and Redis shared by one main
 * process (editor, REST API, trigger activation, polling; production webhooks off), two workers
 * (every execution, manual ones included) and two webhook processors (production webhooks) behind
 * a round-robin balancer. Each process has its own user folder with our package installed in its
 * community-nodes folder, as separate containers would; all share the encryption key.
 */
export interface QueueStack {
	host: N8nHost;
	installSeconds: number;
	fakes: Fakes;
	postgres: Postgres;
	redis: Redis;
	main: N8n;
	workers: N8n[];
	webhooks: N8n[];
	balancer: Balancer;
	scratchDir: string;
	logDir: string;
	/** Every n8n process, main first. */
	all(): N8n[];
}

export interface QueueStackOptions {
	version: string;
	workDir: string;
	logDir: string;
	stage?: Stage;
	onPackageProblem?: (title: string, details: string) => Promise<unknown>;
}

/** The environment every process of the stack shares (the README's "Running in queue mode"). */
export function queueEnv(postgres: Postgres, redis: Redis, webhookUrl: string): NodeJS.ProcessEnv {
	return {
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: '',
		// n8n's default pool (2 connections per process) makes the webhook processors answer
		// "503 Database is not ready!" under 50 concurrent deliveries; 10 each stays far below
		// PostgreSQL's max_connections for five processes.
		DB_POSTGRESDB_POOL_SIZE: '10',
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		// n8n 2.x's default in queue mode, said on purpose: the webhook processor stores a
		// downloaded file where the worker can read it (filesystem mode is per machine).
		N8N_DEFAULT_BINARY_DATA_MODE: 'database',
		// Manual runs (the editor's "Execute workflow") go to the workers too (n8n 3 always does).
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
		// The URL n8n registers at the platforms: the balancer, not a process.
		WEBHOOK_URL: `${webhookUrl}/`,
		N8N_LOG_LEVEL: 'info',
	};
}

export async function startQueueStack(options: QueueStackOptions): Promise<QueueStack> {
	const stage = options.stage ?? logStage;
	const scratchDir = join(options.workDir, 'scratch');
	mkdirSync(scratchDir, { recursive: true });
	mkdirSync(options.logDir, { recursive: true });
	const logFile = (name: string) => join(options.logDir, `${name}.log`);
	const userFolder = (name: string) => join(options.workDir, name);
	const partial: Partial<QueueStack> = { scratchDir, logDir: options.logDir };
	try {
		const { host, installSeconds } = await prepareHost(options.version, options.logDir, stage);
		Object.assign(partial, { host, installSeconds });
		const tarball = await preparePackage({ ...options, scratchDir, stage });
		const processes = ['main', 'worker-1', 'worker-2', 'webhook-1', 'webhook-2'];
		await stage(`Install it into the community-nodes folder of each n8n process`, async () => {
			await installPackage(tarball, userFolder('main'), host, logFile('build'));
			for (const name of processes.slice(1))
				cpSync(join(userFolder('main'), '.n8n', 'nodes'), join(userFolder(name), '.n8n', 'nodes'), {
					recursive: true,
				});
		});

		const taken = new Set<number>();
		const postgres = await stage('Start PostgreSQL (Debian package) on 127.0.0.1', async () =>
			startPostgres(
				join(options.workDir, 'postgres'),
				await portNear(undefined, taken),
				logFile('postgres'),
			),
		);
		partial.postgres = postgres;
		const redis = await stage(
			'Start Redis (Debian redis-server, no persistence) on 127.0.0.1',
			async () =>
				startRedis(
					join(options.workDir, 'redis'),
					await portNear(undefined, taken),
					logFile('redis'),
				),
		);
		partial.redis = redis;
		const fakes = await stage('Start the fake PlugChat, TomTicket and Digisac on 127.0.0.1', () =>
			startFakes(),
		);
		partial.fakes = fakes;

		const webhookPorts = [await portNear(undefined, taken), await portNear(undefined, taken)];
		const balancer = new Balancer(await portNear(undefined, taken), webhookPorts);
		await stage('Start the round-robin balancer in front of the webhook processors', () =>
			balancer.start(),
		);
		partial.balancer = balancer;
		const shared = queueEnv(postgres, redis, balancer.url);

		const main = await newN8n({
			host,
			userFolder: userFolder('main'),
			logFile: logFile('n8n-main'),
			taken,
			name: 'n8n main',
			env: { ...shared, N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true' },
		});
		partial.main = main;
		await stage('Credentials pointing at the fakes (n8n import:credentials into PostgreSQL)', () =>
			main.importCredentials(credentialsFor(fakes), scratchDir),
		);
		await stage(`Start the main process (n8n ${host.version} start) on ${main.url}`, () =>
			main.start(),
		);
		await stage('Owner account and login', () => main.ensureOwner());

		const workers: N8n[] = [];
		partial.workers = workers;
		for (const index of [1, 2]) {
			const port = await portNear(undefined, taken);
			taken.delete(port);
			const worker = await newN8n({
				host,
				userFolder: userFolder(`worker-${index}`),
				logFile: logFile(`n8n-worker-${index}`),
				taken,
				preferredPort: port,
				command: 'worker',
				name: `n8n worker ${index}`,
				env: {
					...shared,
					// The worker's health server is what tells it is ready.
					QUEUE_HEALTH_CHECK_ACTIVE: 'true',
					QUEUE_HEALTH_CHECK_PORT: String(port),
					N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
				},
			});
			workers.push(worker);
		}
		const webhooks: N8n[] = [];
		partial.webhooks = webhooks;
		for (const [i, port] of webhookPorts.entries()) {
			taken.delete(port);
			webhooks.push(
				await newN8n({
					host,
					userFolder: userFolder(`webhook-${i + 1}`),
					logFile: logFile(`n8n-webhook-${i + 1}`),
					taken,
					preferredPort: port,
					command: 'webhook',
					name: `n8n webhook ${i + 1}`,
					env: shared,
				}),
			);
		}
		await stage('Start two workers (n8n worker) and two webhook processors (n8n webhook)', () =>
			Promise.all([...workers, ...webhooks].map((n8n) => n8n.start({ timeoutMs: 180_000 }))),
		);
		return {
			...(partial as QueueStack),
			all: () => [main, ...workers, ...webhooks],
		};
	} catch (error) {
		await stopQueueStack(partial);
		throw error;
	}
}

/** Stops everything in reverse order of start; safe on a half-started stack. */
export async function stopQueueStack(stack: Partial<QueueStack> | undefined): Promise<void> {
	if (!stack) return;
	const n8ns = [
		...(stack.webhooks ?? []),
		...(stack.workers ?? []),
		...(stack.main ? [stack.main] : []),
	];
	await Promise.all(n8ns.map((n8n) => n8n.stop()));
	await stack.balancer?.stop();
	await stopFakes(stack.fakes);
	await stopService(stack.redis);
	await stopService(stack.postgres);
	await stopAll();
}
