import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeParameters,
	INodeType,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { Digisac } from '../../nodes/Digisac/Digisac.node';
import { PlugChat } from '../../nodes/PlugChat/PlugChat.node';
import { TomTicket } from '../../nodes/TomTicket/TomTicket.node';
import { tomTicketService } from '../../nodes/TomTicket/transport';
import { DigisacFake, seedDigisac } from '../fakes/digisac';
import type { FakeServer } from '../fakes/fakeServer';
import { PlugChatFake } from '../fakes/plugchat';
import { TomTicketFake } from '../fakes/tomticket';
import type { NodeRun } from '../harness';
import { runNode } from '../harness';

export type ServiceKey = 'tomTicket' | 'plugChat' | 'digisac';

export const nodeTypes: Record<ServiceKey, INodeType> = {
	tomTicket: new TomTicket(),
	plugChat: new PlugChat(),
	digisac: new Digisac(),
};

/** A run, plus the error exactly as the node threw it (the engine's copy is a plain object). */
export type CapturedRun = NodeRun & { thrown?: unknown };

/**
 * The node as n8n runs it, with `execute` wrapped to keep what it throws: WorkflowExecute stores
 * errors as plain-object copies, which hide whether the node threw a NodeOperationError, a
 * NodeApiError or a TypeError.
 */
export function capturing(nodeType: INodeType): { nodeType: INodeType; take(): unknown } {
	let thrown: unknown;
	const wrapped: INodeType = {
		description: nodeType.description,
		methods: nodeType.methods,
		async execute(this: IExecuteFunctions) {
			try {
				return await nodeType.execute!.call(this);
			} catch (error) {
				thrown = error;
				// Passed on untouched: the point is to see exactly what the node threw.
				throw error;
			}
		},
	};
	return {
		nodeType: wrapped,
		take() {
			const error = thrown;
			thrown = undefined;
			return error;
		},
	};
}

export interface ReliabilityFakes {
	tomTicket: TomTicketFake;
	plugChat: PlugChatFake;
	digisac: DigisacFake;
	credentials(): Record<string, { apiToken: string; baseUrl?: string; accountUrl?: string }>;
	run(
		service: ServiceKey,
		parameters: INodeParameters,
		options?: { items?: INodeExecutionData[]; continueOnFail?: boolean },
	): Promise<CapturedRun>;
}

const documentedTomTicketRate = tomTicketService.requestsPerSecond;

/**
 * The three platform fakes for one test file: started once, back to their seeded state before each
 * test, with short retry waits. TomTicket's 3 requests/second limit is lifted on both sides (our
 * limiter and the fake's enforcement) unless `tomTicketLimit` asks for it: a thousand requests at
 * 3/s would take minutes; the limit gets its own tests.
 */
export function useFakes(options: { tomTicketLimit?: boolean } = {}): ReliabilityFakes {
	const tomTicket = new TomTicketFake();
	const plugChat = new PlugChatFake();
	const digisac = new DigisacFake();

	beforeAll(async () => {
		await Promise.all([tomTicket.start(), plugChat.start(), digisac.start()]);
	});
	afterAll(async () => {
		await Promise.all([tomTicket.stop(), plugChat.stop(), digisac.stop()]);
		tomTicketService.requestsPerSecond = documentedTomTicketRate;
	});
	beforeEach(() => {
		for (const fake of [tomTicket, plugChat, digisac] as FakeServer[]) fake.reset();
		tomTicket.resetState();
		plugChat.resetState();
		digisac.state = seedDigisac();
		tomTicket.enforceRateLimit = options.tomTicketLimit === true;
		tomTicketService.requestsPerSecond = options.tomTicketLimit
			? documentedTomTicketRate
			: undefined;
	});
	afterEach(() => {
		tomTicketService.requestsPerSecond = documentedTomTicketRate;
	});

	const credentials = () => ({
		tomTicketApi: { apiToken: tomTicket.token, baseUrl: tomTicket.url },
		plugChatApi: { apiToken: plugChat.token, baseUrl: plugChat.url },
		digisacApi: { apiToken: digisac.token, accountUrl: digisac.url },
	});

	return {
		tomTicket,
		plugChat,
		digisac,
		credentials,
		run: async (service, parameters, runOptions = {}) => {
			const node = capturing(nodeTypes[service]);
			const run = await runNode({
				nodeType: node.nodeType,
				parameters: { requestOptions: {}, ...parameters },
				credentials: credentials(),
				items: runOptions.items,
				continueOnFail: runOptions.continueOnFail,
			});
			return { ...run, thrown: node.take() };
		},
	};
}

export const TOMTICKET_RATE = documentedTomTicketRate ?? 3;

export function items(count: number, json: (index: number) => IDataObject): INodeExecutionData[] {
	return Array.from({ length: count }, (_, index) => ({ json: json(index) }));
}

/** pairedItem of an output item as a number. */
export function pairedIndex(item: INodeExecutionData): number | undefined {
	const paired = item.pairedItem;
	if (typeof paired === 'number') return paired;
	if (Array.isArray(paired)) return paired[0]?.item;
	return paired?.item;
}

/** JavaScript's own errors: when one reaches the user, the node has a bug. */
const PROGRAMMING_ERRORS = [TypeError, RangeError, ReferenceError, SyntaxError];

export interface ErrorVerdict {
	ok: boolean;
	problems: string[];
}

/**
 * Whether an error that stopped a node is one n8n users are meant to see: a NodeOperationError or
 * NodeApiError with the item index and a readable message, not a JavaScript error in disguise
 * (runForEachItem wraps anything else in a NodeOperationError whose cause is the original).
 */
export function judgeError(error: unknown, expectedItemIndex: number | undefined): ErrorVerdict {
	const problems: string[] = [];
	const e = error as (NodeApiError | NodeOperationError) & {
		cause?: unknown;
		context?: IDataObject;
	};
	if (!(e instanceof NodeOperationError || e instanceof NodeApiError)) {
		problems.push(
			`is a ${(e as Error)?.constructor?.name ?? typeof e}, not a NodeOperationError or NodeApiError`,
		);
	}
	const cause = e?.cause;
	if (PROGRAMMING_ERRORS.some((type) => cause instanceof type)) {
		problems.push(`wraps a ${(cause as Error).constructor.name}: ${(cause as Error).message}`);
	}
	if (
		cause instanceof Error &&
		cause.constructor.name === 'UserError' &&
		/Could not get parameter/.test(cause.message)
	) {
		problems.push(`reads a parameter that is not there: ${cause.message}`);
	}
	const message = e?.message;
	if (typeof message !== 'string' || !message.trim()) problems.push('has no message');
	else {
		if (
			/\[object Object\]|^undefined$|^null$|Cannot read propert|is not a function|is not iterable|Cannot convert undefined/i.test(
				message,
			)
		) {
			problems.push(`has a message no user understands: "${message}"`);
		}
		// The node's own messages; a NodeApiError carries the platform's, whatever its length.
		if (e instanceof NodeOperationError && message.length > 400)
			problems.push(`has a message of ${message.length} characters (it repeats the input)`);
	}
	if (expectedItemIndex !== undefined && e?.context?.itemIndex !== expectedItemIndex) {
		problems.push(
			`names item ${String(e?.context?.itemIndex)} instead of item ${expectedItemIndex}`,
		);
	}
	return { ok: problems.length === 0, problems };
}

/** Everything a run shows a user: the error (message, description, context) and every output item. */
export function visibleText(run: NodeRun): string {
	const error = run.error as
		| (Error & { description?: unknown; context?: unknown; messages?: unknown })
		| undefined;
	return JSON.stringify({
		message: error?.message,
		description: error?.description,
		context: error?.context,
		messages: error?.messages,
		items: run.outputs,
	});
}

export const TOKENS = (fakes: ReliabilityFakes) => [
	fakes.tomTicket.token,
	fakes.plugChat.token,
	fakes.digisac.token,
];
