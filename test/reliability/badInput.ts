import type { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { RecordedRequest } from '../fakes/fakeServer';

import type { Mutation, OperationRef } from './corpus';
import { baselines, inputItem, mutations, operationsOf } from './corpus';
import type { CapturedRun, ServiceKey } from './support';
import { judgeError, nodeTypes, TOKENS, useFakes, visibleText } from './support';
import { seed } from './values';

/** Operations that put several input items into one request (Digisac Create Many sends them in batches). */
const BATCHED = new Set(['contact.createMany']);

/** A wrong id must reach the platform encoded, never as path segments or query parameters of its own. */
function leakedIntoUrl(requests: RecordedRequest[]): string | undefined {
	for (const request of requests) {
		if (/\/x\/evil(\/|$)/.test(request.path))
			return `the id became path segments: ${request.method} ${request.path}`;
		if (request.query.y === '2' || request.query.z === '3')
			return `the id became query parameters: ${request.method} ${request.path}?${new URLSearchParams(request.query as Record<string, string>).toString()}`;
		if (request.path.includes('abc def'))
			return `the id went into the path unencoded: ${request.path}`;
	}
	return undefined;
}

/**
 * A request's address with its ids replaced by ":id" ("/api/v1/contacts/:id/block"): the fakes'
 * ids change with every reseed, the shape does not. A segment holding a digit (other than "v1"),
 * an escape or more than 24 characters is an id.
 */
export function addressShape(request: Pick<RecordedRequest, 'method' | 'path'>): string {
	const shape = request.path
		.split('/')
		.map((segment) =>
			(/\d/.test(segment) && !/^v\d+$/.test(segment)) ||
			segment.includes('%') ||
			segment.length > 24
				? ':id'
				: segment,
		)
		.join('/');
	return `${request.method} ${shape}`;
}

/**
 * A dot-only id must not move a request to another address: every request of the run must have the
 * shape of one the valid item alone sent (the URL parser would otherwise have removed the dot
 * segment, reaching the collection above the record).
 */
function movedAddress(requests: RecordedRequest[], valid: Set<string>): string | undefined {
	const moved = requests.find((r) => !valid.has(addressShape(r)));
	return moved ? `a request went to another address: ${moved.method} ${moved.path}` : undefined;
}

function everything(run: CapturedRun): string {
	const thrown = run.thrown as (NodeOperationError | NodeApiError) | undefined;
	return `${visibleText(run)}${thrown?.message ?? ''}${thrown?.description ?? ''}${JSON.stringify(thrown?.context ?? {})}`;
}

/**
 * Runs the corpus over every operation of one node: one test per operation, each checking every
 * single-fault variation of its baselines.
 */
export function describeCorpus(service: ServiceKey) {
	const fakes = useFakes();
	const nodeType = nodeTypes[service];
	const ops = operationsOf(nodeType.description);

	it('offers operations to test, and its description holds no token', () => {
		expect(ops.length).toBeGreaterThan(10);
		for (const token of TOKENS(fakes))
			expect(JSON.stringify(nodeType.description)).not.toContain(token);
	});

	const run = async (parameters: Mutation['parameters'], items: Mutation['items']) => {
		try {
			const result = await fakes.run(service, parameters, { items });
			return { run: result, requests: [...fakes[service].requests] };
		} catch (error) {
			// n8n itself refused to start: the node's parameter validation flagged the value.
			if (
				(error as Error).name === 'WorkflowHasIssuesError' ||
				(error as Error).constructor?.name === 'WorkflowHasIssuesError'
			) {
				return {
					run: {
						items: [],
						outputs: [],
						run: undefined as never,
						refusedBeforeRun: (error as Error).message,
					} as CapturedRun & { refusedBeforeRun?: string },
					requests: [],
				};
			}
			// Anything else is a fault of the test setup and must surface as it is.
			throw error;
		}
	};

	it.each(ops.map((op) => [`${op.resource} ${op.operation}`, op] as [string, OperationRef]))(
		'%s: every bad input ends in a clear NodeOperationError or NodeApiError for its item',
		async (_label, op) => {
			const problems: string[] = [];
			// Ids in the fakes change with every reseed, so the cases are rebuilt from each fresh seed;
			// the first build fixes their number and order.
			const build = (seeded: ReturnType<typeof seed>) =>
				baselines(nodeType.description, op, seeded.provide).map((baseline) => ({
					baseline,
					cases: mutations(nodeType.description, baseline, op, seeded.provide),
				}));
			const plan = build(seed(service, fakes));
			let cases = 0;
			for (let b = 0; b < plan.length; b++) {
				const baseline = build(seed(service, fakes))[b].baseline;
				const plain = await run(baseline.parameters, [inputItem(baseline.needsFile, op)]);
				const validAddresses = new Set(plain.requests.map(addressShape));
				const baselineWorks = plain.run.thrown === undefined && plain.run.error === undefined;
				if (!baselineWorks) {
					problems.push(
						`${baseline.variant ? `[${baseline.variant}] ` : ''}baseline fails: ${plain.run.error?.message} (${JSON.stringify(baseline.parameters)})`,
					);
				}
				for (let m = 0; m < plan[b].cases.length; m++) {
					cases++;
					const mutation: Mutation = build(seed(service, fakes))[b].cases[m];
					const { run: result, requests } = await run(mutation.parameters, mutation.items);
					const text = everything(result);
					for (const token of TOKENS(fakes))
						if (text.includes(token))
							problems.push(`${mutation.label}: the token appears in what the user sees`);
					if (mutation.malformedId) {
						const leak = leakedIntoUrl(requests);
						if (leak) problems.push(`${mutation.label}: ${leak}`);
					}
					if (mutation.dotSegment && baselineWorks) {
						const moved = movedAddress(requests, validAddresses);
						if (moved) problems.push(`${mutation.label}: ${moved}`);
					}
					if ((result as { refusedBeforeRun?: string }).refusedBeforeRun) continue;
					if (result.thrown === undefined) {
						if (result.error)
							problems.push(
								`${mutation.label}: failed outside the node's execute(): ${result.error.message}`,
							);
						else if (mutation.mustFail)
							problems.push(
								`${mutation.label}: accepted (output ${JSON.stringify(result.items[1]?.json ?? null).slice(0, 160)})`,
							);
						continue;
					}
					// Item 0 is valid, so the error must be about item 1, unless item 0 fails on its own (the
					// baseline fails, or the valid value of the mutated option is not valid with the rest).
					// Operations that send several items in one request report a refused request against its
					// first item (the platform does not say which entry it refused).
					let expectedIndex: number | undefined =
						baselineWorks && !BATCHED.has(`${op.resource}.${op.operation}`) ? 1 : undefined;
					if (
						expectedIndex === 1 &&
						(result.thrown as NodeOperationError).context?.itemIndex === 0
					) {
						seed(service, fakes);
						const alone = await run(
							build(seed(service, fakes))[b].cases[m].parameters,
							mutation.items.slice(0, 1),
						);
						if (alone.run.thrown !== undefined) expectedIndex = undefined;
					}
					const verdict = judgeError(result.thrown, expectedIndex);
					for (const problem of verdict.problems)
						problems.push(`${mutation.label}: the error ${problem}`);
				}
			}
			// Operations without parameters (e.g. an instance restart) have only their baseline.
			expect(plan.length + cases).toBeGreaterThan(0);
			expect(problems).toEqual([]);
		},
		120_000,
	);
}
