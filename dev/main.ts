/**
 * `npm run dev [-- --n8n <version>]`: a real n8n (default: e2e/n8n-versions.json's default) with
 * our package installed like a community package, the fake PlugChat, TomTicket and Digisac with
 * demo data, credentials pointing at them and the example workflows imported. Nothing to sign
 * up for. Ctrl-C stops everything.
 *
 * n8n keeps its data in .dev/n8n-<version> between runs (delete .dev to start over); the fakes
 * start fresh every time. Nothing tracked by git is written: n8n is installed into the ignored
 * e2e/.hosts/ from the committed package files.
 */
import { existsSync } from 'fs';
import type { Server } from 'http';
import { join } from 'path';
import { setTimeout as delay } from 'timers/promises';

import { CREDENTIAL_NAMES } from '../e2e/lib/fakes';
import { hostFor, ROOT, versionsFromArgs } from '../e2e/lib/hosts';
import { errorText, log, setLogPrefix, warn } from '../e2e/lib/log';
import type { N8n } from '../e2e/lib/n8n';
import { OWNER } from '../e2e/lib/n8n';
import { portNear } from '../e2e/lib/net';
import { stopEverythingOnExit, tail } from '../e2e/lib/processes';
import type { Stack } from '../e2e/lib/stack';
import { startStack, stopStack } from '../e2e/lib/stack';
import type { ExampleWorkflow } from '../e2e/workflows';
import { exampleWorkflows, typeName } from '../e2e/workflows';

import { startDemoControl } from './control';
import { seedPlaygroundData } from './demoData';

setLogPrefix('dev');

const DEV_DIR = join(ROOT, '.dev');
/** Examples switched on at first import, so that the simulated events have somewhere to go. */
const ACTIVATE_ON_IMPORT = [
	'digisac-whatsapp-auto-reply.json',
	'plugchat-auto-reply-and-hand-over.json',
	'plugchat-finished-attendance-to-tomticket.json',
];
const TRIGGER_TYPES = ['plugChatTrigger', 'digisacTrigger', 'tomTicketTrigger'].map(typeName);

let stack: Stack | undefined;
let control: Server | undefined;
let stopping = false;

async function exists(n8n: N8n, workflowId: string): Promise<boolean> {
	const answer = await n8n.request('GET', `/rest/workflows/${workflowId}`).then(
		() => 'found',
		(error: unknown) => (/answered 404/.test(errorText(error)) ? 'missing' : error),
	);
	if (answer === 'found' || answer === 'missing') return answer === 'found';
	throw answer;
}

/** Imports the examples n8n does not have yet; the user's edits to imported ones are kept. */
async function importExamples(
	n8n: N8n,
	examples: ExampleWorkflow[],
	scratchDir: string,
): Promise<string[]> {
	const missing: ExampleWorkflow[] = [];
	for (const example of examples)
		if (!(await exists(n8n, example.workflow.id))) missing.push(example);
	if (missing.length === 0) return [];
	await n8n.importWorkflows(
		missing.map((e) => e.workflow),
		scratchDir,
		'examples',
	);
	return missing.map((e) => e.file);
}

/**
 * The fakes forget registered webhooks when they stop, while n8n remembers it registered them
 * (PlugChat's trigger cannot ask PlugChat). Re-publishing the active trigger workflows makes
 * them register at this run's fakes.
 */
async function republishTriggerWorkflows(n8n: N8n, activateNow: string[]): Promise<string[]> {
	const list = (await n8n.request('GET', '/rest/workflows')) as {
		data: Array<{ id: string; name: string; active?: boolean; activeVersionId?: string | null }>;
	};
	const activated: Array<{ id: string; name: string }> = [];
	for (const summary of list.data) {
		const active = summary.active === true || Boolean(summary.activeVersionId);
		if (!active && !activateNow.includes(summary.id)) continue;
		const workflow = (await n8n.request('GET', `/rest/workflows/${summary.id}`)) as {
			data: { nodes: Array<{ type: string }> };
		};
		if (!workflow.data.nodes.some((node) => TRIGGER_TYPES.includes(node.type))) continue;
		try {
			if (active) await n8n.deactivate(summary.id);
			await n8n.activate(summary.id);
			activated.push(summary);
		} catch (error) {
			warn(`could not activate "${summary.name}": ${errorText(error)}`);
		}
	}
	// n8n activates in the background; a trigger that fails shows up as an activation error.
	await delay(3000);
	const names: string[] = [];
	for (const summary of activated) {
		const error = await n8n.activationError(summary.id);
		if (error) warn(`n8n could not activate "${summary.name}": ${error}`);
		else names.push(summary.name);
	}
	return names;
}

async function main(): Promise<void> {
	const versions = versionsFromArgs(process.argv.slice(2));
	if (versions.length !== 1)
		throw new Error(`npm run dev runs one n8n version at a time (asked: ${versions.join(', ')})`);
	const [version] = versions;
	const userFolder = join(DEV_DIR, `n8n-${version}`);
	const firstInstall = !hostFor(version).isInstalled();
	log(
		`Starting n8n ${version} with n8n-nodes-atendimento and fake PlugChat, TomTicket and Digisac${
			firstInstall
				? ' (first run: n8n is installed, which takes minutes)'
				: existsSync(userFolder)
					? ''
					: ' (first start of this version: a fresh database, the examples are imported)'
		}`,
	);
	stack = await startStack({
		version,
		userFolder,
		scratchDir: join(DEV_DIR, 'scratch'),
		logDir: join(DEV_DIR, 'logs'),
		preferredPort: 5678,
		seed: seedPlaygroundData,
	});
	const { n8n, fakes } = stack;

	const examples = exampleWorkflows();
	const imported = await importExamples(n8n, examples, stack.scratchDir);
	const activateNow = examples
		.filter((e) => imported.includes(e.file) && ACTIVATE_ON_IMPORT.includes(e.file))
		.map((e) => e.workflow.id);
	const active = await republishTriggerWorkflows(n8n, activateNow);

	const controlPort = await portNear(5680, new Set([Number(new URL(n8n.url).port)]));
	control = await startDemoControl(fakes, controlPort);
	const demo = `http://127.0.0.1:${controlPort}`;

	console.log(`
  n8n ${version} is running with the n8n-nodes-atendimento nodes.

  Editor       ${n8n.url}
  Login        ${OWNER.email} / ${OWNER.password}

  Fake APIs    PlugChat  ${fakes.plugChat.url}
               TomTicket ${fakes.tomTicket.url}
               Digisac   ${fakes.digisac.url}
  Credentials  "${CREDENTIAL_NAMES.plugChatApi}", "${CREDENTIAL_NAMES.tomTicketApi}", "${CREDENTIAL_NAMES.digisacApi}" point at them
  Examples     ${examples.length} workflows in the editor${imported.length ? ` (imported now: ${imported.length})` : ''}
  Active       ${active.length ? active.join('; ') : 'no trigger workflow'}

  Play the customer (the fakes deliver webhook events like the platforms do):
    curl -X POST ${demo}/digisac/message -d '{"text":"Oi, meu pedido chegou?","contact":"joao"}'
    curl -X POST ${demo}/plugchat/finish-attendance -d '{"number":1470}'
    curl -X POST ${demo}/plugchat/message -d '{"text":"Bom dia!","phone":"5521912345678","name":"João Santos"}'
  See what n8n sent to a fake:
    curl ${demo}/requests?fake=digisac

  Logs         ${stack.logDir} (n8n.log)
  Press Ctrl-C to stop everything.
`);

	const code = await n8n.exited();
	if (stopping) return;
	warn(`n8n stopped on its own (exit ${code}). Last output:\n${tail(n8n.output(), 30)}`);
	await shutdown();
	process.exit(1);
}

async function shutdown(): Promise<void> {
	stopping = true;
	await new Promise<void>((resolve) => (control ? control.close(() => resolve()) : resolve()));
	control = undefined;
	await stopStack(stack);
}

stopEverythingOnExit(shutdown);
main().catch(async (error) => {
	console.error(`\nnpm run dev failed: ${errorText(error)}`);
	await shutdown();
	process.exit(1);
});
