/**
 * `npm run test:e2e [-- --n8n <version>|all]`: our package inside a real n8n, against the fake
 * platforms, on each n8n version asked for (default: e2e/n8n-versions.json's default; `all`:
 * its matrix). On each version it proves that
 *  1. the `npm pack`ed package installs into n8n's community-nodes folder and n8n lists every
 *     node and credential type under its real name;
 *  2. one workflow per action node runs in n8n with the expected output and requests, and so do
 *     the daily-export example and the AI-agent example (where that n8n has the agent);
 *  3. activating the Digisac / PlugChat Trigger examples registers their webhooks at the fakes,
 *     a delivered event runs the workflow (whose requests reach the fakes), deactivating removes
 *     them; the TomTicket Trigger example polls once and its notice goes out;
 *  4. the editor draws every example with our nodes and icons (headless Chromium screenshots);
 *  5. panels of nodes added fresh from the nodes panel show what a user needs (playwright-core
 *     driving the same Chromium): TomTicket Create's Department dropdown lists the departments
 *     without reopening the panel, PlugChat's Phone Number reads "By Number", a Digisac Trigger
 *     shows its safe filters switched on; a screenshot of each panel.
 * Everything it starts is stopped at the end, on failure and on Ctrl-C.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { checkActionNode } from './checks/actionNodes';
import { AI_AGENT_TYPES, checkAiAgentExample } from './checks/aiAgent';
import {
	checkDigisacTriggerDefaults,
	checkPlugChatPhoneModes,
	checkTomTicketDepartmentDropdown,
} from './checks/editorPanels';
import { checkPackageTypes, missingNodeTypes } from './checks/packageTypes';
import { checkScreenshots } from './checks/screenshots';
import {
	checkDigisacTrigger,
	checkPlugChatTrigger,
	checkTomTicketTriggerSample,
} from './checks/triggers';
import { ensureChromium } from './lib/chromium';
import { EditorSession } from './lib/editor';
import { ROOT, versionsFromArgs } from './lib/hosts';
import { log, setLogPrefix } from './lib/log';
import { BROWSER_ID } from './lib/n8n';
import { stopEverythingOnExit } from './lib/processes';
import type { Stack } from './lib/stack';
import { startStack, stopStack } from './lib/stack';
import { FatalStepError, Report } from './lib/steps';
import { dailyExportRun, e2eWorkflows, exampleWorkflows } from './workflows';

setLogPrefix('e2e');

let current: { stack?: Stack; work?: string; editor?: EditorSession } = {};

interface VersionResult {
	version: string;
	report: Report;
	artifacts: string;
	installSeconds: number;
	suiteSeconds: number;
}

async function runSuite(version: string): Promise<VersionResult> {
	const started = Date.now();
	const report = new Report();
	const artifacts = join(ROOT, 'artifacts', 'e2e', `n8n-${version}`);
	rmSync(artifacts, { recursive: true, force: true });
	mkdirSync(artifacts, { recursive: true });
	const work = mkdtempSync(join(tmpdir(), `atendimento-e2e-${version}-`));
	current = { work };
	let installSeconds = 0;
	setLogPrefix(`e2e ${version}`);

	try {
		const stack = await startStack({
			version,
			userFolder: join(work, 'n8n-user'),
			scratchDir: join(work, 'scratch'),
			logDir: artifacts,
			stage: (name, run) => report.setup(name, run),
			onPackageProblem: (title, details) =>
				report.check(title, async () => {
					throw new Error(details);
				}),
		});
		current.stack = stack;
		installSeconds = stack.installSeconds;
		const { n8n, fakes } = stack;
		await report.check('1. n8n lists every node and credential type of the package', () =>
			checkPackageTypes(n8n),
		);

		const workflows = e2eWorkflows();
		const examples = exampleWorkflows();
		const example = (file: string) => {
			const found = examples.find((e) => e.file === file);
			if (!found) throw new Error(`examples/${file} is missing`);
			return found;
		};
		await report.setup('Import the e2e and example workflows (n8n import:workflow)', async () => {
			await n8n.importWorkflows(
				workflows.map((w) => w.workflow),
				stack.scratchDir,
				'e2e-workflows',
			);
			await n8n.importWorkflows(
				examples.map((w) => w.workflow),
				stack.scratchDir,
				'examples',
			);
		});

		for (const spec of workflows) {
			await report.check(`2. ${spec.title}`, () => checkActionNode(n8n, fakes, spec, artifacts));
		}
		const dailyExport = dailyExportRun(example('digisac-daily-closed-tickets-export.json'));
		await report.check(`2. ${dailyExport.title}`, () =>
			checkActionNode(n8n, fakes, dailyExport, artifacts),
		);
		const agentTitle =
			'2. Example ai-agent-customer-service-tools: the agent uses the Digisac Tool twice (a scripted fake OpenAI drives it)';
		const noAgent = await missingNodeTypes(n8n, AI_AGENT_TYPES);
		if (noAgent.length) report.skip(agentTitle, `n8n ${version} has no ${noAgent.join(', ')}`);
		else
			await report.check(agentTitle, () =>
				checkAiAgentExample(
					n8n,
					fakes,
					example('ai-agent-customer-service-tools.json'),
					stack.scratchDir,
				),
			);
		await report.check(
			'3. Digisac Trigger (example digisac-whatsapp-auto-reply): activation registers the webhook, an event runs the reply, deactivation removes it',
			() => checkDigisacTrigger(n8n, fakes, example('digisac-whatsapp-auto-reply.json').workflow),
		);
		await report.check(
			'3. PlugChat Trigger (examples plugchat-auto-reply-and-hand-over + plugchat-finished-attendance-to-tomticket): each registers its own event, events run them, deactivation clears them',
			() =>
				checkPlugChatTrigger(
					n8n,
					fakes,
					example('plugchat-auto-reply-and-hand-over.json').workflow,
					example('plugchat-finished-attendance-to-tomticket.json').workflow,
				),
		);
		await report.check(
			'3. TomTicket Trigger (example tomticket-answered-ticket-whatsapp-notice, polling): a manual run polls and the notice reaches PlugChat',
			() =>
				checkTomTicketTriggerSample(
					n8n,
					fakes,
					example('tomticket-answered-ticket-whatsapp-notice.json').workflow,
				),
		);
		await report.check('4. Editor screenshots of workflows with our nodes and icons', () =>
			checkScreenshots(n8n, examples, join(artifacts, 'screenshots'), artifacts),
		);
		const panels = join(artifacts, 'panels');
		mkdirSync(panels, { recursive: true });
		const editor = await report.setup('Open the editor in Chromium (playwright-core)', async () =>
			EditorSession.open({
				chromium: await ensureChromium(join(artifacts, 'chromium.log')),
				n8nUrl: n8n.url,
				authCookie: n8n.authCookie,
				browserId: BROWSER_ID,
			}),
		);
		current.editor = editor;
		await report.check(
			'5. A fresh TomTicket "Create a ticket": the Department dropdown lists the departments without reopening the panel',
			() =>
				checkTomTicketDepartmentDropdown(
					editor,
					fakes.tomTicket.state.departments.map((d) => d.name),
					panels,
				),
		);
		await report.check(
			'5. A fresh PlugChat "Send a text message": the Phone Number modes read "By Number", not "By ID"',
			() => checkPlugChatPhoneModes(editor, panels),
		);
		await report.check(
			'5. A fresh Digisac Trigger shows its safe filters (own, bot, group and system messages ignored) switched on',
			() => checkDigisacTriggerDefaults(editor, panels),
		);
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
		await current.editor?.close().catch(() => undefined);
		await stopStack(current.stack);
		rmSync(work, { recursive: true, force: true });
		current = {};
	}
	const suiteSeconds = (Date.now() - started) / 1000 - installSeconds;
	return { version, report, artifacts, installSeconds, suiteSeconds };
}

async function main(): Promise<number> {
	stopEverythingOnExit(async () => {
		await current.editor?.close().catch(() => undefined);
		await stopStack(current.stack);
		if (current.work) rmSync(current.work, { recursive: true, force: true });
	});
	const versions = versionsFromArgs(process.argv.slice(2));
	const results: VersionResult[] = [];
	for (const version of versions) results.push(await runSuite(version));

	for (const result of results) {
		console.log(
			`\nE2E on n8n ${result.version} (logs and screenshots in ${result.artifacts}):\n${result.report.summary()}`,
		);
	}
	console.log('\nE2E per n8n version:');
	for (const { version, report, installSeconds, suiteSeconds } of results) {
		const install = installSeconds ? `host installed in ${installSeconds}s, ` : '';
		console.log(
			`  n8n ${version}: ${report.failed.length ? `FAILED (${report.failed.length} step(s))` : 'passed'}, ${install}suite ${Math.round(suiteSeconds)}s`,
		);
	}
	const failed = results.filter((r) => r.report.failed.length);
	if (failed.length === 0) console.log('\nE2E PASSED');
	return failed.length ? 1 : 0;
}

main().then(
	(code) => process.exit(code),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
