import {
	chmodSync,
	chownSync,
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	statSync,
} from 'fs';
import { createServer, request as httpRequest } from 'http';
import type { Server } from 'http';
import { connect } from 'net';
import { dirname, join } from 'path';

import { compareVersions } from '../lib/hosts';
import { log } from '../lib/log';
import { waitFor } from '../lib/net';
import type { ManagedProcess } from '../lib/processes';
import { runCommand, spawnManaged, stopProcess } from '../lib/processes';

/**
 * What queue mode needs besides n8n, started by the suite on 127.0.0.1 and stopped with it:
 * PostgreSQL and Redis from Debian's packages (installed with apt-get when missing, as CI does:
 * it runs as root on Debian), and a round-robin HTTP balancer in front of the webhook processors.
 */

const APT_ENV = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
let aptUpdated = false;

async function aptInstall(what: string, packages: string[], logFile: string): Promise<void> {
	if (process.getuid?.() !== 0) {
		throw new Error(
			`${what} is not installed and this is not root, so the suite cannot install it: run \`sudo apt-get install -y ${packages.join(' ')}\``,
		);
	}
	log(`Installing Debian's ${packages.join(', ')} with apt-get (once)`);
	if (!aptUpdated) {
		await runCommand('apt-get update', 'apt-get', ['update'], {
			env: APT_ENV,
			logFile,
			timeoutMs: 300_000,
		});
		aptUpdated = true;
	}
	await runCommand(
		'apt-get install',
		'apt-get',
		['install', '-y', '--no-install-recommends', ...packages],
		{ env: APT_ENV, logFile, timeoutMs: 600_000 },
	);
}

/** Debian puts each major version's server binaries under /usr/lib/postgresql/<major>/bin. */
function findPostgresBin(): string | undefined {
	const base = '/usr/lib/postgresql';
	if (!existsSync(base)) return undefined;
	const majors = readdirSync(base)
		.filter((major) => existsSync(join(base, major, 'bin', 'postgres')))
		.sort(compareVersions);
	const newest = majors.at(-1);
	return newest ? join(base, newest, 'bin') : undefined;
}

function onPath(name: string): string | undefined {
	return (process.env.PATH ?? '/usr/bin:/usr/sbin')
		.split(':')
		.filter(Boolean)
		.map((dir) => join(dir, name))
		.find((path) => existsSync(path));
}

export interface Postgres {
	port: number;
	database: string;
	user: string;
	process: ManagedProcess;
	/** Runs one SQL statement with psql and returns its rows, tab-separated. */
	query(sql: string): Promise<string[][]>;
}

/**
 * PostgreSQL in `dataDir` (created here) on `port`, trust authentication on loopback, no
 * durability (a throw-away test database). PostgreSQL refuses to run as root: as root the server
 * runs as the `postgres` user the Debian package creates.
 */
export async function startPostgres(
	dataDir: string,
	port: number,
	logFile: string,
): Promise<Postgres> {
	let bin = findPostgresBin();
	if (!bin || !onPath('psql')) {
		await aptInstall('PostgreSQL', ['postgresql'], logFile);
		bin = findPostgresBin();
		if (!bin)
			throw new Error(
				'apt-get installed postgresql but /usr/lib/postgresql/*/bin/postgres is missing',
			);
	}
	const asRoot = process.getuid?.() === 0;
	mkdirSync(dataDir, { recursive: true });
	// setpriv execs the server in place (no parent left behind), so stopping its group stops it.
	const runAs = (command: string, args: string[]): [string, string[]] =>
		asRoot
			? [
					'setpriv',
					['--reuid=postgres', '--regid=postgres', '--init-groups', '--', command, ...args],
				]
			: [command, args];
	if (asRoot) {
		chownSync(dataDir, uidOf('postgres'), gidOf('postgres'));
		// The suite's temporary folder is private (0700): let the postgres user through it.
		const parent = dirname(dataDir);
		chmodSync(parent, statSync(parent).mode | 0o011);
	}
	const user = 'n8n';
	const database = 'n8n';
	await runCommand(
		'initdb',
		...runAs(join(bin, 'initdb'), [
			'-D',
			dataDir,
			'-U',
			user,
			'-A',
			'trust',
			'-E',
			'UTF8',
			'--locale=C',
			'--no-sync',
		]),
		{ logFile, timeoutMs: 120_000 },
	);
	const [command, args] = runAs(join(bin, 'postgres'), [
		'-D',
		dataDir,
		'-p',
		String(port),
		'-c',
		'listen_addresses=127.0.0.1',
		'-c',
		`unix_socket_directories=${dataDir}`,
		'-c',
		'max_connections=200',
		// A test database: nothing needs to survive a crash.
		'-c',
		'fsync=off',
		'-c',
		'synchronous_commit=off',
		'-c',
		'full_page_writes=off',
	]);
	const server = spawnManaged('postgres', command, args, { logFile });
	const psql = onPath('psql') ?? join(bin, 'psql');
	const base = ['-h', '127.0.0.1', '-p', String(port), '-U', user, '-v', 'ON_ERROR_STOP=1'];
	await waitFor(
		`PostgreSQL on 127.0.0.1:${port}`,
		async () => {
			if (!server.child.pid || server.child.exitCode !== null)
				throw new Error(`postgres exited while starting:\n${server.output()}`);
			await runCommand('psql', psql, [...base, '-d', 'postgres', '-c', 'select 1'], {
				timeoutMs: 10_000,
			});
			return true;
		},
		{ timeoutMs: 60_000, intervalMs: 500 },
	);
	await runCommand(
		'createdb',
		psql,
		[...base, '-d', 'postgres', '-c', `create database ${database}`],
		{
			logFile,
		},
	);
	return {
		port,
		database,
		user,
		process: server,
		async query(sql: string) {
			const out = await runCommand(
				'psql',
				psql,
				[...base, '-d', database, '-AtF', '\t', '-c', sql],
				{
					timeoutMs: 60_000,
					keepChars: 20_000_000,
				},
			);
			return out
				.split('\n')
				.filter((line) => line !== '')
				.map((line) => line.split('\t'));
		},
	};
}

function idFromFile(file: string, name: string): number {
	// /etc/passwd and /etc/group: name:x:id:...
	const text = readFileSync(file, 'utf8');
	const line = text.split('\n').find((l) => l.startsWith(`${name}:`));
	if (!line) throw new Error(`no ${name} in ${file} (the postgresql package creates that user)`);
	return Number(line.split(':')[2]);
}
const uidOf = (name: string) => idFromFile('/etc/passwd', name);
const gidOf = (name: string) => idFromFile('/etc/group', name);

export interface Redis {
	port: number;
	process: ManagedProcess;
}

/** Redis on 127.0.0.1:`port`, nothing persisted (no RDB snapshots, no AOF). */
export async function startRedis(dir: string, port: number, logFile: string): Promise<Redis> {
	let bin =
		onPath('redis-server') ??
		(existsSync('/usr/bin/redis-server') ? '/usr/bin/redis-server' : undefined);
	if (!bin) {
		await aptInstall('redis-server', ['redis-server'], logFile);
		bin = '/usr/bin/redis-server';
	}
	mkdirSync(dir, { recursive: true });
	const server = spawnManaged(
		'redis-server',
		bin,
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--save',
			'',
			'--appendonly',
			'no',
			'--dir',
			dir,
		],
		{ logFile },
	);
	await waitFor(
		`Redis on 127.0.0.1:${port}`,
		async () => {
			if (server.child.exitCode !== null)
				throw new Error(`redis-server exited:\n${server.output()}`);
			return (await redisPing(port)) ? true : undefined;
		},
		{ timeoutMs: 30_000, intervalMs: 250 },
	);
	return { port, process: server };
}

function redisPing(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = connect(port, '127.0.0.1');
		let answer = '';
		socket.on('connect', () => socket.write('PING\r\n'));
		socket.on('data', (chunk) => {
			answer += chunk.toString();
			if (answer.includes('\r\n')) {
				socket.destroy();
				resolve(answer.startsWith('+PONG'));
			}
		});
		socket.on('error', () => resolve(false));
	});
}

export async function stopService(service: { process: ManagedProcess } | undefined): Promise<void> {
	if (service) await stopProcess(service.process, 15_000);
}

/**
 * What a load balancer in front of the webhook processors does: each request goes to the next
 * target in turn (round robin), body and answer passed through unchanged. Counts per target.
 */
export class Balancer {
	readonly served: number[];
	/**
	 * Every request: its path, the webhook processor (0-based) it went to, the answer's status, and
	 * the suite's own `x-e2e-delivery` header when it sent one (which delivery it was).
	 */
	readonly log: Array<{ path: string; target: number; status?: number; delivery?: string }> = [];
	private next = 0;
	private server?: Server;

	constructor(
		readonly port: number,
		readonly targets: number[],
	) {
		this.served = targets.map(() => 0);
	}

	get url(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	async start(): Promise<void> {
		this.server = createServer((req, res) => {
			const index = this.next;
			this.next = (this.next + 1) % this.targets.length;
			this.served[index]++;
			const delivery = req.headers['x-e2e-delivery'];
			const entry: { path: string; target: number; status?: number; delivery?: string } = {
				path: req.url ?? '',
				target: index,
				...(typeof delivery === 'string' ? { delivery } : {}),
			};
			this.log.push(entry);
			const upstream = httpRequest(
				{
					host: '127.0.0.1',
					port: this.targets[index],
					method: req.method,
					path: req.url,
					headers: { ...req.headers, 'x-forwarded-for': req.socket.remoteAddress ?? '' },
				},
				(answer) => {
					entry.status = answer.statusCode;
					res.writeHead(answer.statusCode ?? 502, answer.headers);
					answer.pipe(res);
				},
			);
			upstream.on('error', (error) => {
				if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
				res.end(`balancer: webhook processor ${index + 1} failed: ${error.message}`);
			});
			req.pipe(upstream);
		});
		this.server.keepAliveTimeout = 5_000;
		await new Promise<void>((resolve, reject) => {
			this.server?.once('error', reject);
			this.server?.listen(this.port, '127.0.0.1', () => resolve());
		});
	}

	resetCounts(): void {
		this.served.fill(0);
		this.log.length = 0;
	}

	async stop(): Promise<void> {
		const server = this.server;
		this.server = undefined;
		if (!server) return;
		server.closeAllConnections();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	}
}
