import type { FakeResponse, RecordedRequest } from '../../test/fakes/fakeServer';
import { FakeServer, json } from '../../test/fakes/fakeServer';

/**
 * A scripted stand-in for OpenAI's Chat Completions API, so that the AI-agent example runs in
 * n8n with no key and no network: the "model" asks for our tools in a fixed order and then
 * answers. It proves n8n hands our nodes to the agent as tools, that the agent's arguments reach
 * the nodes ($fromAI) and that the nodes' output goes back to the model.
 */
export interface ScriptedTurn {
	/** Picks the tool to call from the tool names n8n offers, given the tool results so far. */
	call?: (tools: string[], results: string[]) => { tool: string; args: Record<string, unknown> };
	/** The final answer, given the tool results so far. */
	answer?: (results: string[]) => string;
}

interface ChatMessage {
	role: string;
	content?: unknown;
	tool_call_id?: string;
}

export class FakeOpenAi extends FakeServer {
	apiKey = 'sk-e2e-fake-openai-0123456789';
	script: ScriptedTurn[] = [];

	constructor() {
		super('OpenAI');
		this.route('POST', '/v1/chat/completions', (request) => this.complete(request));
	}

	protected guard(request: RecordedRequest): FakeResponse | undefined {
		if (request.headers.authorization !== `Bearer ${this.apiKey}`) {
			return json(
				{
					error: {
						message: 'Incorrect API key provided',
						type: 'invalid_request_error',
						code: 'invalid_api_key',
					},
				},
				401,
			);
		}
		return undefined;
	}

	private complete(request: RecordedRequest): FakeResponse {
		const body = (request.json ?? {}) as {
			model?: string;
			messages?: ChatMessage[];
			tools?: Array<{ function?: { name?: string } }>;
			stream?: boolean;
		};
		if (body.stream)
			return json(
				{
					error: {
						message: 'the fake OpenAI does not stream; turn streaming off',
						type: 'invalid_request_error',
					},
				},
				400,
			);
		const messages = body.messages ?? [];
		const results = messages
			.filter((m) => m.role === 'tool')
			.map((m) => (typeof m.content === 'string' ? m.content : JSON.stringify(m.content)));
		const tools = (body.tools ?? []).map((t) => t.function?.name ?? '').filter(Boolean);
		const turn = this.script[results.length];
		const message: Record<string, unknown> = { role: 'assistant', content: null };
		let finish = 'stop';
		if (turn?.call) {
			const { tool, args } = turn.call(tools, results);
			message.tool_calls = [
				{
					id: `call_${results.length + 1}`,
					type: 'function',
					function: { name: tool, arguments: JSON.stringify(args) },
				},
			];
			finish = 'tool_calls';
		} else {
			message.content = turn?.answer ? turn.answer(results) : 'Done.';
		}
		return json({
			id: `chatcmpl-e2e-${request.seq}`,
			object: 'chat.completion',
			created: Math.floor(Date.now() / 1000),
			model: body.model ?? 'gpt-4.1-mini',
			choices: [{ index: 0, message, logprobs: null, finish_reason: finish }],
			usage: { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 },
		});
	}
}
