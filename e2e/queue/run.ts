/**
 * `npm run test:e2e:queue [-- --n8n <version>]`: our package in n8n's queue mode (PostgreSQL,
 * Redis, one main process, two workers, two webhook processors behind a round-robin balancer,
 * e2e/queue/stack.ts), against the fake platforms. It proves, from n8n's execution records (the
 * database) and the fakes' request logs, that
 *  1. every action node's workflow and the daily-export example run on a worker;
 *  2. the Digisac and PlugChat Triggers register once on activation, deliveries through both
 *     webhook processors start one execution each, a re-sent delivery at the other processor
 *     starts none, Download Media hands the worker the file, deactivation removes only ours;
 *  3. the TomTicket Trigger polls in the main process and emits each new ticket once;
 *  4. load: 1,000 distinct Digisac deliveries, 50 at a time → 1,000 executions; 200 re-sent → 0;
 *     the same load through n8n's own Webhook node, for the ratio of deliveries per second;
 *  5. two workflows creating 100 TomTicket tickets each, on the two workers at once, against
 *     the fake's 3 requests/second: all 200 created once, the aggregate rate and the 429s.
 * Everything it starts is stopped at the end, on failure and on Ctrl-C; a failure names its step.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { ROOT, readVersions } from '../lib/hosts';
import { log, setLogPrefix } from '../lib/log';
import { stopEverythingOnExit } from '../lib/processes';
import { FatalStepError, Report } from '../lib/steps';

import { queueChecks } from './checks';
import type { QueueStack } from './stack';
import { startQueueStack, stopQueueStack } from './stack';

setLogPrefix('e2e queue');

let current: { stack?: Partial<QueueStack>; work?: string } = {};

function versionFromArgs(argv: string[]): string {
	const at = argv.indexOf('--n8n');
	return at >= 0 && argv[at + 1]
		? argv[at + 1]
		: (process.env.E2E_N8N_VERSION ?? readVersions().default);
}

async function main(): Promise<number> {
	stopEverythingOnExit(async () => {
		await stopQueueStack(current.stack);
		if (current.work) rmSync(current.work, { recursive: true, force: true });
	});
	const started = Date.now();
	const version = versionFromArgs(process.argv.slice(2));
	const report = new Report();
	// `--only 4` (repeatable) runs only the checks numbered so (setup steps always run).
	const only = process.argv
		.slice(2)
		.flatMap((arg, i, all) => (all[i - 1] === '--only' ? [arg] : []));
	// `--tag <name>` keeps a run's logs apart (e.g. one with N8N_EXPRESSION_ENGINE_POOL_SIZE set).
	const tagAt = process.argv.indexOf('--tag');
	const tag = tagAt > 0 ? process.argv[tagAt + 1] : undefined;
	const artifacts = join(
		ROOT,
		'artifacts',
		'e2e-queue',
		`n8n-${version}${only.length ? `-only-${only.join('-')}` : ''}${tag ? `-${tag}` : ''}`,
	);
	rmSync(artifacts, { recursive: true, force: true });
	mkdirSync(artifacts, { recursive: true });
	const work = mkdtempSync(join(tmpdir(), `atendimento-queue-${version}-`));
	current = { work };
	let installSeconds = 0;
	const figures: Record<string, unknown> = {};
	try {
		const stack = await startQueueStack({
			version,
			workDir: work,
			logDir: artifacts,
			stage: (name, run) => report.setup(name, run),
			onPackageProblem: (title, details) =>
				report.check(title, async () => {
					throw new Error(details);
				}),
		});
		current.stack = stack;
		installSeconds = stack.installSeconds;
		for (const check of queueChecks()) {
			if (!check.setup && only.length && !only.some((n) => check.title.startsWith(`${n}.`)))
				continue;
			if (check.setup) await report.setup(check.title, () => check.run(stack, figures));
			else await report.check(check.title, () => check.run(stack, figures));
		}
	} catch (error) {
		if (!(error instanceof FatalStepError))
			report.results.push({
				name: 'unexpected error',
				ok: false,
				seconds: 0,
				error: String((error as Error)?.stack ?? error),
			});
	} finally {
		log('Stopping everything that was started');
		await stopQueueStack(current.stack);
		rmSync(work, { recursive: true, force: true });
		current = {};
	}
	const suiteSeconds = Math.round((Date.now() - started) / 1000 - installSeconds);
	figures.suiteSeconds = suiteSeconds;
	writeFileSync(join(artifacts, 'figures.json'), JSON.stringify(figures, null, 2));
	console.log(`\nE2E in queue mode on n8n ${version} (logs in ${artifacts}):\n${report.summary()}`);
	console.log(
		`\nFigures (also in ${join(artifacts, 'figures.json')}):\n${JSON.stringify(figures, null, 2)}`,
	);
	const install = installSeconds ? `host installed in ${installSeconds}s, ` : '';
	console.log(
		`\n  n8n ${version} queue mode: ${report.failed.length ? `FAILED (${report.failed.length} step(s))` : 'passed'}, ${install}suite ${suiteSeconds}s`,
	);
	if (!report.failed.length) console.log('\nE2E QUEUE MODE PASSED');
	return report.failed.length ? 1 : 0;
}

main().then(
	(code) => process.exit(code),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
