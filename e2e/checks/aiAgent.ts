import { randomUUID } from 'crypto';

import { FakeOpenAi } from '../lib/fakeOpenAi';
import type { Fakes } from '../lib/fakes';
import { FIXTURES } from '../lib/fixtures';
import type { N8n, WorkflowRun } from '../lib/n8n';
import { Problems } from '../lib/steps';
import type { ExampleWorkflow, WorkflowJson } from '../workflows';

import { requestsSince, runErrors } from './actionNodes';

const OPENAI_CREDENTIAL = { id: 'atendOpenAiFake1', name: 'OpenAI (local fake)' };

/** The n8n nodes the AI-agent example needs besides ours (from @n8n/n8n-nodes-langchain). */
export const AI_AGENT_TYPES = [
	'@n8n/n8n-nodes-langchain.chatTrigger',
	'@n8n/n8n-nodes-langchain.agent',
	'@n8n/n8n-nodes-langchain.lmChatOpenAi',
	'@n8n/n8n-nodes-langchain.memoryBufferWindow',
];

function pick(tools: string[], pattern: RegExp): string {
	const tool = tools.find((name) => pattern.test(name));
	if (!tool)
		throw new Error(`n8n offered the model no tool matching ${pattern}: ${tools.join(', ')}`);
	return tool;
}

/** The id of the contact named `name` in a tool result (n8n passes the node's output as JSON text). */
function contactIdIn(result: string, name: string): string {
	const rows: unknown[] = [];
	try {
		const parsed = JSON.parse(result) as unknown;
		rows.push(...(Array.isArray(parsed) ? parsed : [parsed]));
	} catch {
		// Not JSON: fall back to the text.
	}
	const row = rows.find((r) => (r as { name?: string })?.name === name) as
		| { id?: string }
		| undefined;
	return (
		row?.id ??
		/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/.exec(result)?.[0] ??
		''
	);
}

/**
 * Step 2, the AI-agent example: its copy, with the chat model's credential pointing at a
 * scripted fake OpenAI, gets the chat message "Find Maria Oliveira on Digisac and tell her the
 * order left for delivery". The model calls "Find Digisac contact" (Digisac Tool, contact Get
 * Many) and then "Send WhatsApp message" (Digisac Tool, message Send) with the id it found.
 */
export async function checkAiAgentExample(
	n8n: N8n,
	fakes: Fakes,
	example: ExampleWorkflow,
	scratchDir: string,
): Promise<void> {
	const openAi = new FakeOpenAi();
	await openAi.start();
	try {
		const problems = new Problems();
		const requests = requestsSince(fakes);
		const text = 'Olá, Maria! Seu pedido saiu para entrega hoje.';
		openAi.script = [
			{ call: (tools) => ({ tool: pick(tools, /find.*digisac/i), args: { search: 'Maria' } }) },
			{
				call: (tools, results) => ({
					tool: pick(tools, /send.*whatsapp/i),
					args: { contactId: contactIdIn(results[0], 'Maria Oliveira'), text },
				}),
			},
			{ answer: () => 'Pronto: encontrei Maria Oliveira no Digisac e enviei a mensagem.' },
		];

		const workflow = structuredClone(example.workflow) as WorkflowJson;
		workflow.id = 'e2eAiAgentTool01';
		workflow.name = `${workflow.name} (e2e copy, fake OpenAI)`;
		for (const node of workflow.nodes) {
			if (node.webhookId) node.webhookId = randomUUID();
			if (node.type === '@n8n/n8n-nodes-langchain.lmChatOpenAi')
				node.credentials = { openAiApi: OPENAI_CREDENTIAL };
		}
		const trigger = workflow.nodes.find(
			(node) => node.type === '@n8n/n8n-nodes-langchain.chatTrigger',
		);
		if (!trigger) throw new Error(`${example.file} has no chat trigger`);
		await n8n.importCredentials(
			[
				{
					...OPENAI_CREDENTIAL,
					type: 'openAiApi',
					data: { apiKey: openAi.apiKey, url: `${openAi.url}/v1` },
				},
			],
			scratchDir,
		);
		await n8n.importWorkflows([workflow], scratchDir, 'ai-agent');

		const chatInput = 'Find Maria Oliveira on Digisac and tell her the order left for delivery';
		const { executionId, status, run } = await n8n.runManually(workflow.id, trigger.name, {
			timeoutMs: 90_000,
			data: {
				startTime: Date.now(),
				executionTime: 0,
				executionIndex: 0,
				source: [],
				data: {
					main: [[{ json: { sessionId: 'e2e-session', action: 'sendMessage', chatInput } }]],
				},
			},
		});
		if (status !== 'success') {
			const errors = run ? runErrors({ data: run } as WorkflowRun) : [];
			throw new Error(
				`execution ${executionId} ended "${status}": ${errors.join('; ') || 'no error recorded'}`,
			);
		}

		const calls = openAi.handled('POST', '/v1/chat/completions');
		const offered = (
			(calls[0]?.json as { tools?: Array<{ function?: { name?: string } }> })?.tools ?? []
		).map((t) => t.function?.name);
		problems.expect(
			offered.length === 4,
			`the model was offered ${offered.length} tools, expected our 4: ${offered.join(', ')}`,
		);
		problems.expect(
			calls.length === 3,
			`the agent asked the model ${calls.length} times, expected 3 (two tool calls, one answer)`,
		);
		const search = requests('digisac', 'GET', '/api/v1/contacts');
		problems.expect(
			// The search is accent-insensitive: letters with accented forms go as the `_` wildcard.
			search.some((r) => likePatterns(r.query).some((pattern) => pattern.test('Maria'))),
			`the "Find Digisac contact" tool did not search for Maria: ${JSON.stringify(search.map((r) => r.query))}`,
		);
		const sent = requests('digisac', 'POST', '/api/v1/messages').find(
			(r) => (r.json as { contactId?: string })?.contactId === FIXTURES.digisac.contacts.maria,
		);
		problems.expect(
			sent && (sent.json as { text?: string }).text === text,
			`the "Send WhatsApp message" tool did not send the text to Maria's contact id: ${JSON.stringify(sent?.json)}`,
		);
		const answer = JSON.stringify(
			run?.resultData.runData['Support agent']?.[0]?.data?.main?.[0]?.[0]?.json ?? {},
		);
		problems.expect(
			answer.includes('enviei a mensagem'),
			`the agent's output is not the model's final answer: ${answer}`,
		);
		problems.throwIfAny(`execution ${executionId}:\n`);
	} finally {
		await openAi.stop();
	}
}

/** The `$iLike` patterns of a Digisac list query, as case-insensitive regular expressions. */
function likePatterns(query: unknown): RegExp[] {
	const text = JSON.stringify(query ?? '');
	return [...text.matchAll(/\\"\$iLike\\":\\"([^\\"]*)\\"/g)].map(
		([, like]) =>
			new RegExp(
				`^${like
					.split('')
					.map((c) =>
						c === '%' ? '.*' : c === '_' ? '.' : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
					)
					.join('')}$`,
				'i',
			),
	);
}
