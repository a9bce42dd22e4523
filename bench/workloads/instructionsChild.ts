/**
 * Run by bench/workloads/instructions.ts under `valgrind --tool=callgrind`, one process per W1
 * scenario: warms up, then runs rounds of the minimal node, our node and the minimal node again
 * (the order of workload 1) and asks callgrind, through bench/native/callgrind.c, to zero its
 * counters right before each measured run and to dump them right after it, labelled
 * "<variant> <round>". The parent reads the dumps.
 */
import { Fakes, liftTomTicketLimit } from '../lib/fakes';
import { sendScenarios } from '../lib/scenarios';

import type { Variant } from './overhead';
import { roundOrder, variantRunner } from './overhead';

interface ChildOptions {
	scenario: string;
	items: number;
	rounds: number;
	warmupRounds: number;
	addon: string;
	variants: Variant[];
}

interface Callgrind {
	zero(): void;
	dump(label: string): void;
	running(): boolean;
}

async function main() {
	const options = JSON.parse(process.argv[2]) as ChildOptions;
	const callgrind = require(options.addon) as Callgrind;
	if (!callgrind.running()) throw new Error('instructionsChild: not running under valgrind');
	const fakes = new Fakes();
	await fakes.start();
	liftTomTicketLimit(fakes, true);
	try {
		const scenario = sendScenarios(fakes).find((s) => s.key === options.scenario);
		if (!scenario) throw new Error(`instructionsChild: no scenario ${options.scenario}`);
		const runVariant = variantRunner(fakes, scenario, scenario.node(), undefined);
		for (let r = 0; r < options.warmupRounds; r++)
			for (const variant of roundOrder(options.variants, r))
				await runVariant(variant, options.items);
		for (let r = 0; r < options.rounds; r++) {
			for (const variant of roundOrder(options.variants, r)) {
				await runVariant(variant, options.items, {
					start: () => callgrind.zero(),
					stop: () => callgrind.dump(`${variant} ${r}`),
				});
			}
			process.stdout.write(`round ${r + 1}/${options.rounds}\n`);
		}
	} finally {
		liftTomTicketLimit(fakes, false);
		await fakes.stop();
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
