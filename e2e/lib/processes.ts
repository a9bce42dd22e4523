import { spawn } from 'child_process';
import type { ChildProcess } from 'child_process';
import { createWriteStream, mkdirSync } from 'fs';
import type { WriteStream } from 'fs';
import { dirname } from 'path';

import { log } from './log';

/**
 * Every child process the dev and e2e stacks start, so that all of them (and their children:
 * n8n starts a task runner) stop on exit, on Ctrl-C and on failure. Each child gets its own
 * process group, which is signalled as a whole.
 */
export interface ManagedProcess {
	name: string;
	child: ChildProcess;
	/** Resolves with the exit code (or the signal name) when the process ends. */
	exited: Promise<number | string>;
	/** Everything the process printed (stdout and stderr), for failure messages. */
	output(): string;
	/** Its standard output alone (machine-readable answers). */
	stdout(): string;
	logFile?: string;
}

export interface SpawnOptions {
	cwd?: string;
	env?: NodeJS.ProcessEnv;
	/** Appends stdout and stderr here. */
	logFile?: string;
	/** Keeps at most this many characters of output in memory (default 200 000). */
	keepChars?: number;
}

const running = new Set<ManagedProcess>();

function openLog(file: string | undefined): WriteStream | undefined {
	if (!file) return undefined;
	mkdirSync(dirname(file), { recursive: true });
	return createWriteStream(file, { flags: 'a' });
}

export function spawnManaged(
	name: string,
	command: string,
	args: string[],
	options: SpawnOptions = {},
): ManagedProcess {
	// Starting processes (npm, n8n, Chromium) is what this tooling is for; it never ships.
	const child = spawn(command, args, {
		cwd: options.cwd,
		env: options.env ?? process.env,
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	const logStream = openLog(options.logFile);
	const keep = options.keepChars ?? 200_000;
	let buffer = '';
	let stdout = '';
	const collect = (fromStdout: boolean) => (chunk: Buffer) => {
		const text = chunk.toString('utf8');
		buffer = (buffer + text).slice(-keep);
		if (fromStdout) stdout = (stdout + text).slice(-keep);
		logStream?.write(chunk);
	};
	child.stdout?.on('data', collect(true));
	child.stderr?.on('data', collect(false));
	const managed: ManagedProcess = {
		name,
		child,
		logFile: options.logFile,
		output: () => buffer,
		stdout: () => stdout,
		exited: new Promise((resolve) => {
			child.on('error', (error) => {
				buffer += `\n${String(error)}`;
				running.delete(managed);
				logStream?.end();
				resolve('spawn-error');
			});
			child.on('exit', (code, signal) => {
				// Whatever the process left behind in its group (n8n's task runner) goes with it.
				signalGroup(managed, 'SIGKILL');
				running.delete(managed);
				logStream?.end();
				resolve(code ?? signal ?? 'unknown');
			});
		}),
	};
	running.add(managed);
	return managed;
}

function signalGroup(managed: ManagedProcess, signal: NodeJS.Signals): void {
	const pid = managed.child.pid;
	if (!pid) return;
	try {
		process.kill(-pid, signal);
	} catch {
		// Already gone.
	}
}

/** SIGTERM to the process group, then SIGKILL if it is still there after `graceMs`. */
export async function stopProcess(managed: ManagedProcess, graceMs = 10_000): Promise<void> {
	if (!running.has(managed)) return;
	signalGroup(managed, 'SIGTERM');
	const timedOut = await Promise.race([
		managed.exited.then(() => false),
		new Promise<boolean>((resolve) => setTimeout(() => resolve(true), graceMs).unref()),
	]);
	if (timedOut) {
		log(`${managed.name} did not stop within ${graceMs / 1000}s: killing it`);
		signalGroup(managed, 'SIGKILL');
		await managed.exited;
	}
}

export async function stopAll(): Promise<void> {
	await Promise.all([...running].reverse().map((managed) => stopProcess(managed)));
}

export class CommandError extends Error {
	constructor(
		readonly command: string,
		readonly exitCode: number | string,
		readonly output: string,
	) {
		super(
			`\`${command}\` failed (exit ${exitCode}). Last output:\n${tail(withoutNpmNoise(output), 40)}`,
		);
	}
}

/** npm's warning about the machine's `nodedir` setting, repeated by every npm call. */
function withoutNpmNoise(text: string): string {
	return text
		.split('\n')
		.filter((line) => !/^npm warn Unknown (env|user) config "nodedir"/.test(line))
		.join('\n');
}

export function tail(text: string, lines: number): string {
	return text.trimEnd().split('\n').slice(-lines).join('\n');
}

/** Runs a command to completion and returns its stdout; rejects with its output when it fails. */
export async function runCommand(
	name: string,
	command: string,
	args: string[],
	options: SpawnOptions & { timeoutMs?: number } = {},
): Promise<string> {
	const managed = spawnManaged(name, command, args, options);
	let timer: NodeJS.Timeout | undefined;
	if (options.timeoutMs) {
		timer = setTimeout(() => signalGroup(managed, 'SIGKILL'), options.timeoutMs);
		timer.unref();
	}
	const code = await managed.exited;
	if (timer) clearTimeout(timer);
	const printable = [command, ...args].join(' ');
	if (code !== 0) {
		const reason =
			code === 'SIGKILL' && options.timeoutMs
				? `timed out after ${options.timeoutMs / 1000}s`
				: code;
		throw new CommandError(printable, reason, managed.output());
	}
	return managed.stdout();
}

let exiting = false;

/**
 * Ctrl-C, SIGTERM and a crash stop every child before the process exits. `onStop` runs first
 * (e.g. to stop the fake servers). A second Ctrl-C kills at once.
 */
export function stopEverythingOnExit(onStop: () => Promise<void> = async () => {}): void {
	const shutdown = async (reason: string, code: number) => {
		if (exiting) {
			for (const managed of running) signalGroup(managed, 'SIGKILL');
			process.exit(code);
		}
		exiting = true;
		log(`${reason}: stopping everything that was started`);
		try {
			await onStop();
		} finally {
			await stopAll();
			process.exit(code);
		}
	};
	process.on('SIGINT', () => void shutdown('Ctrl-C', 130));
	process.on('SIGTERM', () => void shutdown('SIGTERM', 143));
	process.on('SIGHUP', () => void shutdown('SIGHUP', 129));
	// Last resort when the process exits some other way: nothing may outlive it.
	process.on('exit', () => {
		for (const managed of running) signalGroup(managed, 'SIGKILL');
	});
}
