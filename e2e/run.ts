/**
 * `npm run test:e2e`: our package inside a real n8n (2.40.7 on Node 24), against the fake
 * platforms. Proves that
 *  1. the `npm pack`ed package installs into n8n's community-nodes folder and n8n lists every
 *     node and credential type under its real name;
 *  2. one workflow per action node runs in n8n with the expected output and requests;
 *  3. activating the Digisac / PlugChat Trigger workflows registers their webhooks at the fakes,
 *     a delivered event runs the workflow (whose reply reaches the fake), deactivating removes them;
 *  4. the editor draws workflows with our nodes and icons (headless Chromium screenshots).
 * Everything it starts is stopped at the end, on failure and on Ctrl-C.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { checkActionNode } from './checks/actionNodes';
import { checkAiAgentExample } from './checks/aiAgent';
import { checkPackageTypes } from './checks/packageTypes';
import { checkScreenshots } from './checks/screenshots';
import {
	checkDigisacTrigger,
	checkPlugChatTrigger,
	checkTomTicketTriggerSample,
} from './checks/triggers';
import { log, setLogPrefix } from './lib/log';
import { stopEverythingOnExit } from './lib/processes';
import type { Stack } from './lib/stack';
import { startStack, stopStack } from './lib/stack';
import { FatalStepError, Report } from './lib/steps';
import { ROOT } from './lib/toolchain';
import { dailyExportRun, e2eWorkflows, exampleWorkflows, plugChatReplyWorkflow } from './workflows';

setLogPrefix('e2e');

async function main(): Promise<number> {
	const report = new Report();
	const artifacts = join(ROOT, 'artifacts', 'e2e');
	rmSync(artifacts, { recursive: true, force: true });
	mkdirSync(artifacts, { recursive: true });
	const work = mkdtempSync(join(tmpdir(), 'atendimento-e2e-'));
	let stack: Stack | undefined;
	stopEverythingOnExit(async () => {
		await stopStack(stack);
		rmSync(work, { recursive: true, force: true });
	});

	try {
		stack = await startStack({
			userFolder: join(work, 'n8n-user'),
			scratchDir: join(work, 'scratch'),
			logDir: artifacts,
			stage: (name, run) => report.setup(name, run),
			onPackageProblem: (title, details) =>
				report.check(title, async () => {
					throw new Error(details);
				}),
		});
		const { n8n, fakes } = stack;
		await report.check('1. n8n lists every node and credential type of the package', () =>
			checkPackageTypes(n8n),
		);

		const workflows = e2eWorkflows();
		const plugChatReply = plugChatReplyWorkflow();
		const examples = exampleWorkflows();
		const example = (file: string) => {
			const found = examples.find((e) => e.file === file);
			if (!found) throw new Error(`examples/${file} is missing`);
			return found;
		};
		await report.setup('Import the e2e and example workflows (n8n import:workflow)', async () => {
			await n8n.importWorkflows(
				[...workflows.map((w) => w.workflow), plugChatReply],
				stack!.scratchDir,
				'e2e-workflows',
			);
			await n8n.importWorkflows(
				examples.map((w) => w.workflow),
				stack!.scratchDir,
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
		await report.check(
			'2. Example ai-agent-customer-service-tools: the agent uses the Digisac Tool twice (a scripted fake OpenAI drives it)',
			() =>
				checkAiAgentExample(
					n8n,
					fakes,
					example('ai-agent-customer-service-tools.json'),
					stack!.scratchDir,
				),
		);
		await report.check(
			'3. Digisac Trigger (example digisac-whatsapp-auto-reply): activation registers the webhook, an event runs the reply, deactivation removes it',
			() => checkDigisacTrigger(n8n, fakes, example('digisac-whatsapp-auto-reply.json').workflow),
		);
		await report.check(
			'3. PlugChat Trigger (e2e reply flow + example plugchat-finished-attendance-to-tomticket): each registers its own event, events run them, deactivation clears them',
			() =>
				checkPlugChatTrigger(
					n8n,
					fakes,
					plugChatReply,
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
		await stopStack(stack);
		rmSync(work, { recursive: true, force: true });
	}

	console.log(`\nE2E summary (logs and screenshots in ${artifacts}):\n${report.summary()}`);
	if (report.failed.length === 0) console.log('\nE2E PASSED');
	return report.failed.length ? 1 : 0;
}

main().then(
	(code) => process.exit(code),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
