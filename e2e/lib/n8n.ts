import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import { createRequire } from 'module';
import { join } from 'path';

import { waitFor } from './net';
import type { ManagedProcess } from './processes';
import { runCommand, spawnManaged, stopProcess, tail } from './processes';
import { HOST_DIR, N8N_BIN, NODE24, node24Env } from './toolchain';

export const OWNER = {
	email: 'owner@example.com',
	password: 'Atendimento1!',
	firstName: 'Demo',
	lastName: 'Owner',
};

/** n8n binds a login session to the `browser-id` header sent with it (the editor keeps it in localStorage). */
export const BROWSER_ID = 'e2e-driver';

/** Fixed so credentials imported and encrypted by one run stay readable by the next. */
const ENCRYPTION_KEY = 'n8n-nodes-atendimento-local-only-key';

export interface N8nOptions {
	/** N8N_USER_FOLDER: n8n keeps its SQLite DB, settings and community nodes in `<it>/.n8n`. */
	userFolder: string;
	port: number;
	/** The server's task-runner broker (its default, 5679, may clash). */
	brokerPort: number;
	/** A broker port for CLI commands that run workflows while the server is up. */
	cliBrokerPort: number;
	logFile: string;
}

export interface RunBinary {
	fileName?: string;
	mimeType?: string;
	fileSize?: string;
	/** Base64 content, or the storage mode ("filesystem-v2") when `id` points at a file. */
	data?: string;
	id?: string;
}

export interface RunItem {
	json: Record<string, unknown>;
	binary?: Record<string, RunBinary>;
}

export interface NodeRun {
	data?: { main?: Array<RunItem[] | null> };
	error?: { message?: string; description?: string };
}

/** What `n8n execute --rawOutput` prints (IRun). */
export interface WorkflowRun {
	status?: string;
	finished?: boolean;
	data: {
		resultData: {
			runData: Record<string, NodeRun[]>;
			error?: { message?: string; description?: string; node?: { name?: string } };
			lastNodeExecuted?: string;
		};
	};
}

/** A real n8n server (Node 24) plus the REST and CLI calls the stacks need. */
export class N8n {
	readonly url: string;
	private server?: ManagedProcess;
	private cookie = '';

	constructor(readonly options: N8nOptions) {
		this.url = `http://127.0.0.1:${options.port}`;
	}

	env(brokerPort = this.options.brokerPort): NodeJS.ProcessEnv {
		return node24Env({
			N8N_USER_FOLDER: this.options.userFolder,
			N8N_PORT: String(this.options.port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PROTOCOL: 'http',
			WEBHOOK_URL: `${this.url}/`,
			N8N_EDITOR_BASE_URL: `${this.url}/`,
			N8N_RUNNERS_BROKER_PORT: String(brokerPort),
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
			// mcp-registry fetches api.n8n.io at start; this machine (and CI) has no route there.
			N8N_DISABLED_MODULES: 'mcp-registry',
			N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
			// The fakes listen on 127.0.0.1; n8n 2.40's default already allows it, said here on purpose.
			N8N_SSRF_PROTECTION_ENABLED: 'false',
			N8N_LOG_LEVEL: 'info',
			N8N_LOG_OUTPUT: 'console',
			// Keep the settings file private without a warning on every start.
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
			DB_TYPE: 'sqlite',
		});
	}

	async start(timeoutMs = 120_000): Promise<void> {
		mkdirSync(this.options.userFolder, { recursive: true });
		this.server = spawnManaged('n8n', NODE24, [N8N_BIN, 'start'], {
			env: this.env(),
			cwd: this.options.userFolder,
			logFile: this.options.logFile,
		});
		const server = this.server;
		let exited: number | string | undefined;
		void server.exited.then((code) => (exited = code));
		await waitFor(
			'n8n /healthz/readiness',
			async () => {
				if (exited !== undefined) {
					throw new FatalStartError(
						`n8n exited (${exited}) while starting. Last output:\n${tail(server.output(), 30)}`,
					);
				}
				const response = await fetch(`${this.url}/healthz/readiness`);
				const body = (await response.json()) as { status?: string };
				return body.status === 'ok' ? true : undefined;
			},
			{ timeoutMs, intervalMs: 500, stopOn: (error) => error instanceof FatalStartError },
		);
	}

	async stop(): Promise<void> {
		if (this.server) await stopProcess(this.server, 15_000);
		this.server = undefined;
	}

	output(): string {
		return this.server?.output() ?? '';
	}

	/** The bytes of a binary output: inline base64, or n8n's file under `.n8n/storage`. */
	readBinary(binary: RunBinary): Buffer {
		if (binary.id?.startsWith('filesystem')) {
			const relative = binary.id.slice(binary.id.indexOf(':') + 1);
			return readFileSync(join(this.options.userFolder, '.n8n', 'storage', relative));
		}
		return Buffer.from(binary.data ?? '', 'base64');
	}

	/** Resolves when the server process ends (whatever the reason). */
	exited(): Promise<number | string> {
		return this.server?.exited ?? Promise.resolve('not started');
	}

	/** The owner account: created on a fresh database, logged into otherwise. */
	async ensureOwner(): Promise<void> {
		const settings = (await this.request('GET', '/rest/settings')) as {
			data?: { userManagement?: { showSetupOnFirstLoad?: boolean } };
		};
		if (settings.data?.userManagement?.showSetupOnFirstLoad !== false) {
			await this.request('POST', '/rest/owner/setup', OWNER);
		}
		await this.login();
	}

	async login(): Promise<void> {
		await this.request('POST', '/rest/login', {
			emailOrLdapLoginId: OWNER.email,
			password: OWNER.password,
		});
		if (!this.cookie) throw new Error('n8n accepted the login but set no n8n-auth cookie');
	}

	get authCookie(): string {
		return this.cookie.replace(/^n8n-auth=/, '');
	}

	/** Calls n8n's own REST API (the one the editor uses) with the login cookie. */
	async request(method: string, path: string, body?: unknown): Promise<unknown> {
		const response = await fetch(`${this.url}${path}`, {
			method,
			headers: {
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
				...(this.cookie ? { cookie: this.cookie } : {}),
				'browser-id': BROWSER_ID,
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = response.headers.getSetCookie?.() ?? [];
		for (const header of setCookie) {
			const match = /^n8n-auth=([^;]*)/.exec(header);
			if (match) this.cookie = `n8n-auth=${match[1]}`;
		}
		const text = await response.text();
		if (!response.ok)
			throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`);
		try {
			return JSON.parse(text) as unknown;
		} catch {
			return text;
		}
	}

	/** Runs an n8n CLI command against the same user folder (works while the server runs). */
	async cli(args: string[], timeoutMs = 180_000): Promise<string> {
		return await runCommand(`n8n ${args[0]}`, NODE24, [N8N_BIN, ...args], {
			env: this.env(this.options.cliBrokerPort),
			cwd: this.options.userFolder,
			logFile: this.options.logFile,
			timeoutMs,
			// Runs are printed whole, binary data included.
			keepChars: 50_000_000,
		});
	}

	async importCredentials(credentials: unknown[], scratchDir: string): Promise<void> {
		const file = join(scratchDir, 'credentials.json');
		writeFileSync(file, JSON.stringify(credentials, null, 2));
		await this.cli(['import:credentials', `--input=${file}`]);
	}

	async importWorkflows(
		workflows: unknown[],
		scratchDir: string,
		name = 'workflows',
	): Promise<void> {
		const file = join(scratchDir, `${name}.json`);
		writeFileSync(file, JSON.stringify(workflows, null, 2));
		await this.cli(['import:workflow', `--input=${file}`]);
	}

	/** `n8n execute --rawOutput`: runs a workflow from its manual trigger and returns the run. */
	async execute(workflowId: string): Promise<WorkflowRun> {
		let output = '';
		let failure: unknown;
		try {
			output = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput']);
		} catch (error) {
			failure = error;
		}
		if (failure) {
			// A failed execution exits non-zero but still prints the run; keep it when it is there.
			const failedRun = parseRun((failure as { output?: string }).output ?? '');
			if (failedRun) return failedRun;
			throw failure;
		}
		const run = parseRun(output);
		if (!run) throw new Error(`n8n execute printed no run data. Output:\n${tail(output, 30)}`);
		return run;
	}

	async activate(workflowId: string): Promise<void> {
		const workflow = (await this.request('GET', `/rest/workflows/${workflowId}`)) as {
			data: { versionId: string };
		};
		await this.request('POST', `/rest/workflows/${workflowId}/activate`, {
			versionId: workflow.data.versionId,
		});
	}

	/**
	 * Why n8n could not activate a workflow's triggers, if it could not. n8n 2.40 publishes
	 * through an outbox: the activate call returns at once and each trigger's outcome is recorded
	 * in the workflow's publication status.
	 */
	async activationError(workflowId: string): Promise<string | undefined> {
		const answer = (await this.request(
			'GET',
			`/rest/workflows/${workflowId}/publication-status`,
		)) as {
			data?: {
				status?: string;
				triggers?: Array<{ nodeId: string; status: string; errorMessage?: string | null }>;
			};
		};
		const failed = (answer.data?.triggers ?? []).filter((trigger) => trigger.status === 'failed');
		if (failed.length === 0) return undefined;
		return failed
			.map((trigger) => `trigger node ${trigger.nodeId}: ${trigger.errorMessage ?? 'failed'}`)
			.join('; ');
	}

	async deactivate(workflowId: string): Promise<void> {
		await this.request('POST', `/rest/workflows/${workflowId}/deactivate`, {});
	}

	/**
	 * Runs a workflow the way the editor's "Execute workflow" does, from a given trigger (a
	 * polling trigger then polls once in manual mode), and waits for the execution to end.
	 */
	async runManually(
		workflowId: string,
		triggerName: string,
		{ data, timeoutMs = 60_000 }: { data?: Record<string, unknown>; timeoutMs?: number } = {},
	): Promise<ManualRun> {
		// With `data`, the trigger's output is given (as the editor does for a chat message).
		const answer = (await this.request('POST', `/rest/workflows/${workflowId}/run`, {
			triggerToStartFrom: { name: triggerName, ...(data ? { data } : {}) },
		})) as {
			data?: { executionId?: string };
		};
		const executionId = answer.data?.executionId;
		if (!executionId)
			throw new Error(`n8n started no execution of ${workflowId}: ${JSON.stringify(answer)}`);
		return await waitFor(
			`execution ${executionId} of ${workflowId} to end`,
			async () => {
				const execution = (await this.request('GET', `/rest/executions/${executionId}`)) as {
					data: { status: string; data?: string };
				};
				const { status } = execution.data;
				if (['new', 'running', 'waiting', 'unknown'].includes(status)) return undefined;
				return { executionId, status, run: parseStoredRun(execution.data.data) };
			},
			{ timeoutMs, intervalMs: 500 },
		);
	}

	async executions(
		workflowId: string,
	): Promise<Array<{ id: string; status: string; mode: string }>> {
		const answer = (await this.request(
			'GET',
			`/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}`,
		)) as {
			data: { results: Array<{ id: string; status: string; mode: string }> };
		};
		return answer.data.results;
	}
}

class FatalStartError extends Error {}

export interface ManualRun {
	executionId: string;
	status: string;
	run?: WorkflowRun['data'];
}

/** n8n stores execution data serialised with `flatted` (cycles allowed); its own copy reads it. */
function parseStoredRun(stored: string | undefined): WorkflowRun['data'] | undefined {
	if (!stored) return undefined;
	const hostRequire = createRequire(join(HOST_DIR, 'package.json'));
	const flatted = hostRequire('flatted') as { parse(text: string): unknown };
	return flatted.parse(stored) as WorkflowRun['data'];
}

/**
 * The run JSON in what `n8n execute --rawOutput` printed: pretty-printed, so it spans from a
 * line that is `{` to a line that is `}`, with log lines before it (and after it on failure).
 */
export function parseRun(output: string): WorkflowRun | undefined {
	const lines = output.split('\n');
	for (let start = 0; start < lines.length; start++) {
		if (lines[start].trimEnd() !== '{') continue;
		for (let end = start + 1; end < lines.length; end++) {
			if (lines[end].trimEnd() !== '}') continue;
			try {
				const parsed = JSON.parse(lines.slice(start, end + 1).join('\n')) as WorkflowRun;
				if (parsed?.data?.resultData) return parsed;
			} catch {
				// Not the end of this document yet (or not a document); keep looking.
			}
		}
	}
	return undefined;
}
