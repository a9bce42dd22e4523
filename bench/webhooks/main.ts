/**
 * `npm run bench:webhooks`: issue 17's webhook workload in a real n8n (single process, SQLite,
 * the e2e suite's host, installed on first use). One n8n runs three active workflows against the
 * fake platforms, each "trigger → No Op" answering at once:
 *  - our Digisac Trigger (message.created),
 *  - our PlugChat Trigger (receiveMessage),
 *  - n8n's own Webhook node (POST, Respond: Immediately), the reference.
 * For each expression-isolate pool size (N8N_EXPRESSION_ENGINE_POOL_SIZE, default 1 and 4) and
 * each number of concurrent senders (10, 50), each workflow gets 2,000 deliveries with distinct
 * ids, in rotated order. A delivery counts when n8n answered it 2xx and its execution is
 * recorded as successful in n8n's database; deliveries per second run from the first send to
 * the last execution's stop. Latency is the sender's, per delivery (p50, p95, max). Then the
 * Digisac Trigger's static data is read from the database, and (`--profile`) one more n8n runs
 * the Digisac Trigger and the Webhook node under `--cpu-prof`.
 *
 * Writes bench/results/webhooks.md and webhooks.json and prints one BENCH line per goal.
 * Not a test: nothing asserts on speed.
 */
import { randomUUID } from 'crypto';
import {
	mkdirSync,
	mkdtempSync,
	readFileSync,
	readdirSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'fs';
import { cpus, loadavg, tmpdir } from 'os';
import { join } from 'path';
import { setTimeout as delay } from 'timers/promises';

import { credentialsFor, startFakes, stopFakes } from '../../e2e/lib/fakes';
import type { Fakes } from '../../e2e/lib/fakes';
import { FIXTURES } from '../../e2e/lib/fixtures';
import type { N8nHost } from '../../e2e/lib/hosts';
import { ROOT, readVersions } from '../../e2e/lib/hosts';
import { log, setLogPrefix } from '../../e2e/lib/log';
import type { N8n } from '../../e2e/lib/n8n';
import { waitFor } from '../../e2e/lib/net';
import { stopAll, stopEverythingOnExit } from '../../e2e/lib/processes';
import { installPackage, newN8n, prepareHost, preparePackage } from '../../e2e/lib/stack';
import type { NodeJson, WorkflowJson } from '../../e2e/workflows';
import { ourNode } from '../../e2e/workflows';

import { N8nDatabase } from './db';
import type { ProfileSummary } from './profile';
import { summarizeProfile } from './profile';
import type { SendResult } from './send';
import { percentile, sendAll } from './send';

setLogPrefix('bench:webhooks');

type Kind = 'digisac' | 'plugchat' | 'webhook';
const KINDS: Kind[] = ['webhook', 'digisac', 'plugchat'];
const LABEL: Record<Kind, string> = {
	digisac: 'Digisac Trigger',
	plugchat: 'PlugChat Trigger',
	webhook: "n8n's Webhook node",
};

interface Options {
	version: string;
	deliveries: number;
	concurrency: number[];
	pools: number[];
	warmup: number;
	profile: boolean;
	write: boolean;
	/** More environment for every n8n started (`--env KEY=VALUE`, repeatable). */
	env: Record<string, string>;
}

function parseArgs(argv: string[]): Options {
	const options: Options = {
		version: readVersions().default,
		deliveries: 2000,
		concurrency: [10, 50],
		pools: [1, 4],
		warmup: 100,
		profile: true,
		write: true,
		env: {},
	};
	const list = (value: string) => value.split(',').map((v) => Number(v.trim()));
	for (let i = 0; i < argv.length; i++) {
		const eq = argv[i].indexOf('=');
		const flag = eq > 0 ? argv[i].slice(0, eq) : argv[i];
		const inline = eq > 0 ? argv[i].slice(eq + 1) : undefined;
		const value = () => inline ?? argv[++i];
		if (flag === '--n8n') options.version = value();
		else if (flag === '--deliveries') options.deliveries = Number(value());
		else if (flag === '--concurrency') options.concurrency = list(value());
		else if (flag === '--pool') options.pools = list(value());
		else if (flag === '--warmup') options.warmup = Number(value());
		else if (flag === '--no-profile') options.profile = false;
		else if (flag === '--no-write') options.write = false;
		else if (flag === '--env') {
			const [key, ...rest] = value().split('=');
			options.env[key] = rest.join('=');
		} else throw new Error(`unknown argument ${argv[i]}`);
	}
	return options;
}

function noOp(): NodeJson {
	return {
		id: randomUUID(),
		name: 'Count it',
		type: 'n8n-nodes-base.noOp',
		typeVersion: 1,
		position: [300, 0],
		parameters: {},
	};
}

function chain(id: string, name: string, first: NodeJson): WorkflowJson {
	const second = noOp();
	return {
		id,
		name,
		nodes: [first, second],
		connections: { [first.name]: { main: [[{ node: second.name, type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		active: false,
	};
}

const WEBHOOK_PATH = 'bench-webhook-node';

function benchWorkflows(): Record<Kind, WorkflowJson> {
	return {
		digisac: chain(
			'benchDigisacHook',
			'Bench: Digisac Trigger',
			ourNode('Digisac message', 'digisacTrigger', { events: ['message.created'] }),
		),
		plugchat: chain(
			'benchPlugChatHook',
			'Bench: PlugChat Trigger',
			ourNode('PlugChat message', 'plugChatTrigger', { events: ['receiveMessage'] }),
		),
		webhook: chain('benchWebhookNode', "Bench: n8n's Webhook node", {
			id: randomUUID(),
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, 0],
			webhookId: randomUUID(),
			parameters: {
				httpMethod: 'POST',
				path: WEBHOOK_PATH,
				responseMode: 'onReceived',
				options: {},
			},
		}),
	};
}

/** Where each workflow takes deliveries, once its trigger registered at the fake. */
interface Target {
	url: string;
	bodies: (count: number, tag: string) => unknown[];
}

async function targets(n8n: N8n, fakes: Fakes, workflows: Record<Kind, WorkflowJson>) {
	const digisacUrl = `${n8n.url}/webhook/${workflows.digisac.nodes[0].webhookId}/webhook`;
	const hook = await waitFor(
		'the Digisac Trigger to register its webhook at the fake Digisac',
		async () =>
			fakes.digisac.state.webhooks.find(
				// The registered URL carries the trigger's secret in its query.
				(w) => String(w.url).startsWith(digisacUrl) && w.active !== false,
			),
	);
	const plugChatUrl = await waitFor(
		'the PlugChat Trigger to register receiveMessage at the fake PlugChat',
		async () => {
			const url = fakes.plugChat.state.webhooks.receiveMessage;
			return url?.startsWith(`${n8n.url}/webhook/${workflows.plugchat.nodes[0].webhookId}/`)
				? url
				: undefined;
		},
	);
	const contactId = FIXTURES.digisac.contacts.joao;
	const serviceId = fakes.digisac.state.services[0].id;
	const digisacBodies = (count: number, tag: string) =>
		Array.from({ length: count }, (_, n) => ({
			event: 'message.created',
			webhookId: String(hook.id),
			timestamp: new Date().toISOString(),
			data: {
				id: `bench-${tag}-${n}-${randomUUID()}`,
				contactId,
				serviceId,
				type: 'chat',
				text: `Mensagem ${n}`,
				isFromMe: false,
				isFromBot: false,
				timestamp: new Date().toISOString(),
			},
		}));
	const result: Record<Kind, Target> = {
		digisac: { url: String(hook.url), bodies: digisacBodies },
		plugchat: {
			url: plugChatUrl,
			bodies: (count, tag) =>
				Array.from({ length: count }, (_, n) => ({
					messageId: `bench-${tag}-${n}-${randomUUID()}`,
					instanceId: 'inst-demo',
					phone: '5521912345678',
					fromMe: false,
					momment: Date.now(),
					status: 'RECEIVED',
					chatName: 'João Santos',
					senderName: 'João Santos',
					type: 'ReceivedCallback',
					isGroup: false,
					text: { message: `Mensagem ${n}` },
				})),
		},
		// The same bodies as the Digisac Trigger's: n8n's node takes any JSON.
		webhook: { url: `${n8n.url}/webhook/${WEBHOOK_PATH}`, bodies: digisacBodies },
	};
	return result;
}

/**
 * CPU milliseconds (user + system) the n8n process has used, from /proc (Linux): unlike
 * deliveries per second, it does not move with what else the machine runs.
 */
function cpuMsOf(pid: number | undefined): number {
	if (!pid) return NaN;
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		// utime and stime, fields 14 and 15 of stat(5), in clock ticks (USER_HZ, 100 on Linux).
		return (Number(fields[11]) + Number(fields[12])) * 10;
	} catch {
		return NaN;
	}
}

const ENDED = new Set(['success', 'error', 'crashed', 'canceled']);

/** The run's executions once all `expected` have ended (or nothing changed for 60 s). */
async function drained(db: N8nDatabase, workflowId: string, afterId: number, expected: number) {
	let last = '';
	let changed = Date.now();
	return await waitFor(
		`the executions of ${workflowId} to end`,
		async () => {
			const found = await db.executionsAfter(workflowId, afterId);
			const ended = Object.entries(found.byStatus)
				.filter(([status]) => ENDED.has(status))
				.reduce((sum, [, n]) => sum + n, 0);
			const signature = `${found.total}/${ended}`;
			if (signature !== last) {
				last = signature;
				changed = Date.now();
			}
			if (found.total >= expected && ended === found.total) return found;
			return Date.now() - changed > 60_000 ? found : undefined;
		},
		{ timeoutMs: 900_000, intervalMs: 1_000 },
	);
}

interface RunFigures {
	kind: Kind;
	pool: number;
	concurrency: number;
	deliveries: number;
	answeredOk: number;
	statuses: Record<string, number>;
	executions: number;
	successful: number;
	byStatus: Record<string, number>;
	/** Successful executions per second, first send → last execution stopped. */
	perSecond: number;
	/** 2xx answers per second over the sending alone. */
	answeredPerSecond: number;
	sendSeconds: number;
	drainSeconds: number;
	/** n8n's CPU time (main process) per delivery over the run, sending and draining. */
	cpuMsPerDelivery: number;
	p50: number;
	p95: number;
	max: number;
	load: number[];
}

async function timedRun(
	n8n: N8n,
	db: N8nDatabase,
	kind: Kind,
	workflow: WorkflowJson,
	target: Target,
	pool: number,
	concurrency: number,
	deliveries: number,
): Promise<RunFigures> {
	const bodies = target.bodies(deliveries, `${kind}-p${pool}-c${concurrency}`);
	const marker = await db.lastExecutionId();
	const load = loadavg().map((l) => Math.round(l * 100) / 100);
	log(`${LABEL[kind]}: ${deliveries} deliveries, ${concurrency} at a time (pool ${pool})`);
	const cpuBefore = cpuMsOf(n8n.pid);
	const sent: SendResult = await sendAll(target.url, bodies, concurrency);
	const found = await drained(db, workflow.id, marker, sent.ok);
	const cpuMs = cpuMsOf(n8n.pid) - cpuBefore;
	const successful = found.byStatus.success ?? 0;
	const end = found.lastStoppedAt ?? Date.now();
	const seconds = Math.max((end - sent.startedAt) / 1000, sent.seconds);
	const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
	const figures: RunFigures = {
		kind,
		pool,
		concurrency,
		deliveries,
		answeredOk: sent.ok,
		statuses: sent.statuses,
		executions: found.total,
		successful,
		byStatus: found.byStatus,
		perSecond: round(Math.min(successful, sent.ok) / seconds),
		answeredPerSecond: round(sent.ok / sent.seconds),
		sendSeconds: round(sent.seconds, 2),
		drainSeconds: round(seconds - sent.seconds, 2),
		cpuMsPerDelivery: round(cpuMs / deliveries, 2),
		p50: round(percentile(sent.latenciesMs, 50)),
		p95: round(percentile(sent.latenciesMs, 95)),
		max: round(percentile(sent.latenciesMs, 100)),
		load,
	};
	log(
		`  ${figures.perSecond}/s recorded (${figures.answeredPerSecond}/s answered), p50 ${figures.p50} ms, p95 ${figures.p95} ms, max ${figures.max} ms, n8n CPU ${figures.cpuMsPerDelivery} ms/delivery; ${successful}/${deliveries} successful executions; answers ${JSON.stringify(sent.statuses)}`,
	);
	return figures;
}

interface StaticDataFigures {
	bytes: number;
	remembered: number;
	bytesPerRemembered: number;
	deliveriesSinceActivation: number;
}

async function digisacStaticData(
	db: N8nDatabase,
	workflowId: string,
	deliveries: number,
): Promise<StaticDataFigures> {
	const text = await db.staticData(workflowId);
	const data = text ? (JSON.parse(text) as Record<string, Record<string, unknown>>) : {};
	const node = Object.values(data).find((v) => v && typeof v === 'object') ?? {};
	const recent = node.recentDeliveries as Record<string, unknown> | undefined;
	// Either { base, entries: 12 characters per delivery } or the older key → time object.
	const remembered =
		typeof recent?.entries === 'string'
			? recent.entries.length / 12
			: recent && typeof recent === 'object'
				? Object.keys(recent).length
				: 0;
	const bytes = Buffer.byteLength(text);
	return {
		bytes,
		remembered,
		bytesPerRemembered: remembered ? Math.round((bytes / remembered) * 10) / 10 : 0,
		deliveriesSinceActivation: deliveries,
	};
}

let port: number | undefined;
let extraEnv: Record<string, string> = {};

async function startN8n(
	host: N8nHost,
	fakes: Fakes,
	userFolder: string,
	scratchDir: string,
	logDir: string,
	name: string,
	env: NodeJS.ProcessEnv,
	first: boolean,
	workflows: Record<Kind, WorkflowJson>,
): Promise<N8n> {
	const n8n = await newN8n({
		host,
		userFolder,
		// The same port on every start: the triggers' registrations at the fakes carry the URL.
		preferredPort: port,
		logFile: join(logDir, `n8n-${name}.log`),
		env: {
			N8N_LOG_LEVEL: 'warn',
			// Every execution stays in the database until the run has counted it.
			EXECUTIONS_DATA_PRUNE: 'false',
			...extraEnv,
			...env,
		},
	});
	if (first) {
		await n8n.importCredentials(credentialsFor(fakes), scratchDir);
		await n8n.importWorkflows(Object.values(workflows), scratchDir, 'bench-workflows');
	}
	port = n8n.options.port;
	log(`Starting n8n ${host.version} (${name}) on ${n8n.url}`);
	await n8n.start();
	await n8n.ensureOwner();
	if (first) for (const workflow of Object.values(workflows)) await n8n.activate(workflow.id);
	return n8n;
}

async function warmUp(
	n8n: N8n,
	db: N8nDatabase,
	fakes: Fakes,
	workflows: Record<Kind, WorkflowJson>,
	count: number,
) {
	const at = await targets(n8n, fakes, workflows);
	// A new production webhook can answer 404 for a moment after activation.
	for (const kind of KINDS)
		await waitFor(`n8n to route ${at[kind].url}`, async () => {
			const sent = await sendAll(at[kind].url, at[kind].bodies(1, 'route'), 1);
			return sent.ok === 1 ? true : undefined;
		});
	for (const kind of KINDS) {
		const marker = await db.lastExecutionId();
		const sent = await sendAll(at[kind].url, at[kind].bodies(count, `warmup-${kind}`), 10);
		await drained(db, workflows[kind].id, marker, sent.ok);
	}
	return at;
}

function ratio(a: number, b: number): number {
	return Math.round((a / b) * 100) / 100;
}

interface Comparison {
	pool: number;
	concurrency: number;
	kind: Kind;
	throughputRatio: number;
	p95Ratio: number;
	/** n8n's CPU per delivery, ours over the Webhook node's (not a goal: what the load hides). */
	cpuRatio: number;
}

function compare(runs: RunFigures[]): Comparison[] {
	const out: Comparison[] = [];
	for (const run of runs) {
		if (run.kind === 'webhook') continue;
		const base = runs.find(
			(r) => r.kind === 'webhook' && r.pool === run.pool && r.concurrency === run.concurrency,
		);
		if (!base) continue;
		out.push({
			pool: run.pool,
			concurrency: run.concurrency,
			kind: run.kind,
			throughputRatio: ratio(run.perSecond, base.perSecond),
			p95Ratio: ratio(run.p95, base.p95),
			cpuRatio: ratio(run.cpuMsPerDelivery, base.cpuMsPerDelivery),
		});
	}
	return out;
}

function goalLines(comparisons: Comparison[], staticData?: StaticDataFigures): string[] {
	const lines: string[] = [];
	for (const c of comparisons) {
		const name = `webhooks.${c.kind}.pool${c.pool}.c${c.concurrency}`;
		lines.push(
			`BENCH goal=${name}.throughput ratio=${c.throughputRatio.toFixed(2)} goal>=0.90 ${c.throughputRatio >= 0.9 ? 'met' : 'missed'}`,
			`BENCH goal=${name}.p95 ratio=${c.p95Ratio.toFixed(2)} goal<=1.20 ${c.p95Ratio <= 1.2 ? 'met' : 'missed'}`,
		);
	}
	if (staticData)
		lines.push(
			`BENCH goal=webhooks.digisac.staticData value=${(staticData.bytes / 1024).toFixed(1)}KB goal<=2KB ${staticData.bytes <= 2048 ? 'met' : 'missed'} remembered=${staticData.remembered}`,
		);
	return lines;
}

/** Frames whose inclusive time the profile report gives (n8n-io/n8n packages/cli and friends). */
export const PROFILE_FRAMES = [
	{
		label: 'n8n LiveWebhooks.executeWebhook (the whole webhook request)',
		url: 'webhooks/live-webhooks',
		fn: 'executeWebhook',
	},
	{
		label: 'our Digisac Trigger webhook() (handleDelivery)',
		url: 'n8n-nodes-atendimento',
		fn: 'handleDelivery',
	},
	{ label: 'our package, all frames', url: 'n8n-nodes-atendimento' },
	{ label: '@n8n/expression-runtime (isolate pool, bridges)', url: '@n8n/expression-runtime' },
	{ label: 'isolated-vm', url: 'isolated-vm' },
	{
		label: 'n8n WorkflowStaticDataService.saveStaticData',
		url: 'workflow-static-data.service',
		fn: 'saveStaticData',
	},
	{ label: 'n8n WorkflowRunner.run (the execution)', url: 'workflow-runner', fn: 'run' },
	{ label: 'typeorm', url: 'node_modules/typeorm' },
	{ label: 'sqlite3', url: 'node_modules/sqlite3' },
];

async function profiledRun(
	host: N8nHost,
	fakes: Fakes,
	userFolder: string,
	scratchDir: string,
	logDir: string,
	workflows: Record<Kind, WorkflowJson>,
	deliveries: number,
	profileDir: string,
): Promise<Record<string, ProfileSummary>> {
	const summaries: Record<string, ProfileSummary> = {};
	for (const kind of ['digisac', 'webhook'] as Kind[]) {
		const dir = join(profileDir, kind);
		rmSync(dir, { recursive: true, force: true });
		mkdirSync(dir, { recursive: true });
		const n8n = await startN8n(
			host,
			fakes,
			userFolder,
			scratchDir,
			logDir,
			`profile-${kind}`,
			{
				N8N_EXPRESSION_ENGINE_POOL_SIZE: '1',
				NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${dir} --cpu-prof-interval=500`,
			},
			false,
			workflows,
		);
		const db = new N8nDatabase(host, userFolder);
		const at = await warmUp(n8n, db, fakes, workflows, 50);
		await timedRun(n8n, db, kind, workflows[kind], at[kind], 1, 10, deliveries);
		await n8n.stop();
		// The n8n process writes the largest profile (its task runner child writes its own).
		const files = readdirSync(dir)
			.filter((f) => f.endsWith('.cpuprofile'))
			.map((f) => join(dir, f))
			.sort((a, b) => statSync(b).size - statSync(a).size);
		if (files[0]) summaries[kind] = summarizeProfile(files[0], PROFILE_FRAMES);
		else log(`no CPU profile was written in ${dir}`);
	}
	return summaries;
}

function markdown(
	options: Options,
	runs: RunFigures[],
	comparisons: Comparison[],
	staticData: StaticDataFigures | undefined,
	profiles: Record<string, ProfileSummary>,
	meta: { date: string; seconds: number; loadBefore: number[]; loadAfter: number[] },
): string {
	const out: string[] = [
		'# Webhook workload (issue 17 item 2)',
		'',
		`Run of ${meta.date}, \`npm run bench:webhooks\`, n8n ${options.version} (single process, SQLite), ${options.deliveries} deliveries per run, ${meta.seconds} s. Load average before ${meta.loadBefore.join(' / ')}, after ${meta.loadAfter.join(' / ')} (1 / 5 / 15 min) on ${cpus().length} cores.`,
		'',
		"Deliveries per second: successful executions recorded in n8n's database, from the first send to the last execution's stop. Latency: the sender's, per delivery.",
		'',
		'| pool | senders | workflow | recorded/s | answered/s | p50 ms | p95 ms | max ms | n8n CPU ms/delivery | executions ok | answers | load |',
		'|---|---|---|---|---|---|---|---|---|---|---|---|',
	];
	for (const r of runs)
		out.push(
			`| ${r.pool} | ${r.concurrency} | ${LABEL[r.kind]} | ${r.perSecond} | ${r.answeredPerSecond} | ${r.p50} | ${r.p95} | ${r.max} | ${r.cpuMsPerDelivery} | ${r.successful}/${r.deliveries} | ${Object.entries(
				r.statuses,
			)
				.map(([s, n]) => `${s}: ${n}`)
				.join(', ')} | ${r.load[0]} |`,
		);
	out.push(
		'',
		'| pool | senders | trigger | throughput / Webhook node (≥ 0.9) | p95 / Webhook node (≤ 1.2) | n8n CPU per delivery / Webhook node |',
		'|---|---|---|---|---|---|',
	);
	for (const c of comparisons)
		out.push(
			`| ${c.pool} | ${c.concurrency} | ${LABEL[c.kind]} | ${c.throughputRatio} ${c.throughputRatio >= 0.9 ? 'met' : 'missed'} | ${c.p95Ratio} ${c.p95Ratio <= 1.2 ? 'met' : 'missed'} | ${c.cpuRatio} |`,
		);
	if (staticData)
		out.push(
			'',
			`Digisac Trigger static data after ${staticData.deliveriesSinceActivation} deliveries: ${staticData.bytes} bytes stored, ${staticData.remembered} deliveries remembered (${staticData.bytesPerRemembered} bytes each). n8n writes the whole static data of the workflow whenever a webhook changed it, so that is also what each delivery writes once the window is full.`,
		);
	for (const [kind, p] of Object.entries(profiles)) {
		out.push(
			'',
			`## CPU profile: ${LABEL[kind as Kind]} (pool 1, 10 senders, ${options.deliveries} deliveries + warm-up)`,
			'',
			`${p.totalMs} ms sampled, ${p.idleMs} ms idle.`,
			'',
			'| inside (callees included) | ms |',
			'|---|---|',
			...p.inclusive.map((i) => `| ${i.label} | ${i.ms} |`),
			'',
			'| self time by place | ms |',
			'|---|---|',
			...p.selfByPlace.map((i) => `| ${i.place} | ${i.ms} |`),
			'',
			'| heaviest functions (self) | ms |',
			'|---|---|',
			...p.topSelf.map((i) => `| \`${i.frame.replace(/\|/g, '\\|')}\` | ${i.ms} |`),
		);
	}
	out.push('', '```', ...goalLines(comparisons, staticData), '```', '');
	return out.join('\n');
}

async function main(): Promise<void> {
	const options = parseArgs(process.argv.slice(2));
	extraEnv = options.env;
	const started = Date.now();
	const loadBefore = loadavg().map((l) => Math.round(l * 100) / 100);
	const work = mkdtempSync(join(tmpdir(), 'atendimento-bench-webhooks-'));
	const logDir = join(ROOT, 'artifacts', 'bench-webhooks');
	mkdirSync(logDir, { recursive: true });
	const userFolder = join(work, 'n8n-user');
	const scratchDir = join(work, 'scratch');
	mkdirSync(scratchDir, { recursive: true });
	let fakes: Fakes | undefined;
	stopEverythingOnExit(async () => stopFakes(fakes));
	try {
		const { host } = await prepareHost(options.version, logDir);
		const tarball = await preparePackage({ scratchDir, logDir });
		await installPackage(tarball, userFolder, host, join(logDir, 'build.log'));
		fakes = await startFakes();
		const workflows = benchWorkflows();
		const db = new N8nDatabase(host, userFolder);
		const runs: RunFigures[] = [];
		let digisacDeliveries = 0;
		let first = true;
		for (const pool of options.pools) {
			const n8n = await startN8n(
				host,
				fakes,
				userFolder,
				scratchDir,
				logDir,
				`pool${pool}`,
				{ N8N_EXPRESSION_ENGINE_POOL_SIZE: String(pool) },
				first,
				workflows,
			);
			first = false;
			const at = await warmUp(n8n, db, fakes, workflows, options.warmup);
			digisacDeliveries += options.warmup + 1;
			let rotation = 0;
			for (const concurrency of options.concurrency) {
				// Rotated, so that no workflow always runs first (or last) at a concurrency.
				const order = KINDS.map((_, i) => KINDS[(i + rotation) % KINDS.length]);
				rotation++;
				for (const kind of order) {
					runs.push(
						await timedRun(
							n8n,
							db,
							kind,
							workflows[kind],
							at[kind],
							pool,
							concurrency,
							options.deliveries,
						),
					);
					if (kind === 'digisac') digisacDeliveries += options.deliveries;
					await delay(2_000);
				}
			}
			await n8n.stop();
		}
		const staticData = await digisacStaticData(db, workflows.digisac.id, digisacDeliveries);
		// A failed profile run leaves the figures above intact (the report says it is missing).
		const profiles = options.profile
			? await profiledRun(
					host,
					fakes,
					userFolder,
					scratchDir,
					logDir,
					workflows,
					options.deliveries,
					join(logDir, 'profiles'),
				).catch((error: unknown) => {
					log(`the profile run failed: ${String(error)}`);
					return {};
				})
			: {};
		const comparisons = compare(runs);
		const meta = {
			date: new Date()
				.toISOString()
				.replace(/:\d\d\.\d+Z$/, ' UTC')
				.replace('T', ' '),
			seconds: Math.round((Date.now() - started) / 1000),
			loadBefore,
			loadAfter: loadavg().map((l) => Math.round(l * 100) / 100),
		};
		const report = markdown(options, runs, comparisons, staticData, profiles, meta);
		console.log(`\n${report}`);
		if (options.write) {
			const results = join(ROOT, 'bench', 'results');
			writeFileSync(join(results, 'webhooks.md'), report);
			writeFileSync(
				join(results, 'webhooks.json'),
				`${JSON.stringify({ options, meta, runs, comparisons, staticData, profiles }, null, 2)}\n`,
			);
			log('wrote bench/results/webhooks.md and webhooks.json');
		}
	} finally {
		await stopFakes(fakes);
		await stopAll();
		rmSync(work, { recursive: true, force: true });
	}
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		console.error(error);
		process.exit(1);
	},
);
