import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';

import type { N8nHost } from './hosts';
import { waitFor } from './net';
import type { ManagedProcess } from './processes';
import { runCommand, spawnManaged, stopProcess, tail } from './processes';

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
	/** The n8n install (version, Node) to run. */
	host: N8nHost;
	/** N8N_USER_FOLDER: n8n keeps its SQLite DB, settings and community nodes in `<it>/.n8n`. */
	userFolder: string;
	port: number;
	/** The server's task-runner broker (its default, 5679, may clash). */
	brokerPort: number;
	/** A broker port for CLI commands that run workflows while the server is up. */
	cliBrokerPort: number;
	logFile: string;
	/**
	 * Environment on top of (and overriding) the defaults below, e.g. DB_TYPE=postgresdb and
	 * EXECUTIONS_MODE=queue for a queue-mode process.
	 */
	env?: NodeJS.ProcessEnv;
	/** The n8n command the process runs: `start` (default), `worker`, `webhook`. */
	command?: string;
	/** Its name in logs and failure messages (default `n8n <command>`). */
	name?: string;
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

/**
 * A real n8n process (any version, on its host's Node) plus the REST, public API and CLI calls
 * the stacks need. Calls that differ between n8n versions check what the server offers.
 */
export class N8n {
	readonly url: string;
	readonly host: N8nHost;
	readonly name: string;
	private server?: ManagedProcess;
	private cookie = '';
	private apiKey = '';

	constructor(readonly options: N8nOptions) {
		this.url = `http://127.0.0.1:${options.port}`;
		this.host = options.host;
		this.name = options.name ?? `n8n ${options.command ?? 'start'}`;
	}

	get version(): string {
		return this.host.version;
	}

	env(brokerPort = this.options.brokerPort): NodeJS.ProcessEnv {
		return this.host.env({
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
			N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
			// The fakes listen on 127.0.0.1; n8n 2.40's default already allows it, said here on purpose.
			N8N_SSRF_PROTECTION_ENABLED: 'false',
			N8N_LOG_LEVEL: 'info',
			N8N_LOG_OUTPUT: 'console',
			// Keep the settings file private without a warning on every start.
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
			DB_TYPE: 'sqlite',
			// What this n8n version needs (e2e/n8n-versions.json), then the caller's.
			...this.host.spec.env,
			...this.options.env,
		});
	}

	/**
	 * Starts the process and waits until `readyPath` answers `{"status":"ok"}` (default: the
	 * readiness probe, ok once migrations are done). `readyUrl` replaces it, e.g. a worker's
	 * health-check port.
	 */
	async start({
		timeoutMs = 120_000,
		readyUrl = `${this.url}/healthz/readiness`,
	}: { timeoutMs?: number; readyUrl?: string } = {}): Promise<void> {
		mkdirSync(this.options.userFolder, { recursive: true });
		this.server = spawnManaged(
			this.name,
			this.host.nodeBin,
			[this.host.n8nBin, this.options.command ?? 'start'],
			{
				env: this.env(),
				cwd: this.options.userFolder,
				logFile: this.options.logFile,
			},
		);
		const server = this.server;
		let exited: number | string | undefined;
		void server.exited.then((code) => (exited = code));
		await waitFor(
			`${this.name} ${readyUrl}`,
			async () => {
				if (exited !== undefined) {
					throw new FatalStartError(
						`${this.name} (n8n ${this.version}) exited (${exited}) while starting. Last output:\n${tail(server.output(), 30)}`,
					);
				}
				const response = await fetch(readyUrl);
				const body = (await response.json()) as { status?: string };
				return body.status === 'ok' ? true : undefined;
			},
			{ timeoutMs, intervalMs: 500, stopOn: (error) => error instanceof FatalStartError },
		);
		// n8n 1.123 reports ready before its REST API is mounted (404 for a few seconds more).
		if ((this.options.command ?? 'start') === 'start')
			await waitFor(
				`${this.name} ${this.url}/rest/settings`,
				async () => {
					if (exited !== undefined)
						throw new FatalStartError(`${this.name} exited (${exited}) while starting`);
					const response = await fetch(`${this.url}/rest/settings`);
					await response.text();
					return response.ok ? true : undefined;
				},
				{ timeoutMs, intervalMs: 250, stopOn: (error) => error instanceof FatalStartError },
			);
	}

	async stop(): Promise<void> {
		if (this.server) await stopProcess(this.server, 15_000);
		this.server = undefined;
	}

	/** The server process's id while it runs (e.g. to read its CPU time). */
	get pid(): number | undefined {
		return this.server?.child.pid;
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
		return await this.call(method, path, body, {
			...(this.cookie ? { cookie: this.cookie } : {}),
			'browser-id': BROWSER_ID,
		});
	}

	/**
	 * Calls n8n's public API (`/api/v1/...`) with an API key, created on first use with every
	 * scope the owner may have.
	 */
	async api(method: string, path: string, body?: unknown): Promise<unknown> {
		if (!this.apiKey) {
			const scopes = (await this.request('GET', '/rest/api-keys/scopes')) as { data: string[] };
			const created = (await this.request('POST', '/rest/api-keys', {
				label: `e2e ${Date.now()}`,
				scopes: scopes.data,
				expiresAt: null,
			})) as { data: { rawApiKey?: string } };
			if (!created.data.rawApiKey) throw new Error('n8n created an API key but returned no key');
			this.apiKey = created.data.rawApiKey;
		}
		return await this.call(method, `/api/v1${path}`, body, { 'x-n8n-api-key': this.apiKey });
	}

	private async call(
		method: string,
		path: string,
		body: unknown,
		headers: Record<string, string>,
	): Promise<unknown> {
		const response = await fetch(`${this.url}${path}`, {
			method,
			headers: {
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
				...headers,
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
		return await runCommand(`n8n ${args[0]}`, this.host.nodeBin, [this.host.n8nBin, ...args], {
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
	 * in the workflow's publication status. Versions without that endpoint (1.123) activate
	 * synchronously (the activate call itself fails) and keep the error of a later
	 * (re-)activation under /rest/active-workflows/error/<id>.
	 */
	async activationError(workflowId: string): Promise<string | undefined> {
		let answer: {
			data?: {
				status?: string;
				triggers?: Array<{ nodeId: string; status: string; errorMessage?: string | null }>;
			};
		};
		try {
			answer = (await this.request(
				'GET',
				`/rest/workflows/${workflowId}/publication-status`,
			)) as typeof answer;
		} catch (error) {
			if (!/answered 404/.test(String((error as Error).message))) throw error;
			const legacy = (await this.request('GET', `/rest/active-workflows/error/${workflowId}`)) as {
				data?: string | null;
			};
			return legacy.data ? String(legacy.data) : undefined;
		}
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
		// n8n 1.123 runs the workflow the body carries (the editor sends it; without it the call
		// fails with "Cannot read properties of undefined (reading 'id')"); 2.40 loads the saved one
		// and drops unknown fields, so sending it suits both. With `data`, the trigger's output is
		// given, as the editor does for a chat message.
		const saved = (await this.request('GET', `/rest/workflows/${workflowId}`)) as {
			data: Record<string, unknown>;
		};
		const answer = (await this.request('POST', `/rest/workflows/${workflowId}/run`, {
			workflowData: saved.data,
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
				return { executionId, status, run: this.parseStoredRun(execution.data.data) };
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

	/** A workflow's executions as the public API lists them (what an outside monitor sees). */
	async publicExecutions(
		workflowId: string,
	): Promise<Array<{ id: string | number; status: string; mode: string; finished: boolean }>> {
		const answer = (await this.api(
			'GET',
			`/executions?workflowId=${encodeURIComponent(workflowId)}&limit=250`,
		)) as { data: Array<{ id: string | number; status: string; mode: string; finished: boolean }> };
		return answer.data;
	}

	/** n8n stores execution data serialised with `flatted` (cycles allowed); its own copy reads it. */
	parseStoredRun(stored: string | undefined): WorkflowRun['data'] | undefined {
		if (!stored) return undefined;
		const flatted = this.host.require<{ parse(text: string): unknown }>('flatted');
		return flatted.parse(stored) as WorkflowRun['data'];
	}
}

class FatalStartError extends Error {}

export interface ManualRun {
	executionId: string;
	status: string;
	run?: WorkflowRun['data'];
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
