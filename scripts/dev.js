#!/usr/bin/env node
// `npm run dev` (dev/main.ts, the playground), `npm run test:e2e` (first argument `e2e`:
// e2e/run.ts, the end-to-end suite) and `npm run bench:webhooks` (first argument `bench-webhooks`:
// bench/webhooks/main.ts, the webhook workload in a real n8n): compiles them, their stack library (e2e/lib) and the fake
// platforms (TypeScript, e2e/tsconfig.json) into node_modules/.cache/atendimento-e2e (out of
// git's and the linter's way), then runs the command on this Node (20) with the remaining
// arguments (`--n8n <version>|all`). n8n itself runs on the Node its version needs (e2e/lib/hosts.ts).
const { spawnSync } = require('child_process');
const path = require('path');

const root = path.resolve(__dirname, '..');
// `e2e-queue`: e2e/queue/run.ts, the same package in n8n's queue mode (npm run test:e2e:queue).
const ENTRIES = {
	e2e: path.join('e2e', 'run.js'),
	'e2e-queue': path.join('e2e', 'queue', 'run.js'),
	'bench-webhooks': path.join('bench', 'webhooks', 'main.js'),
};
const named = Object.hasOwn(ENTRIES, process.argv[2]) ? ENTRIES[process.argv[2]] : undefined;
const entry = named ?? path.join('dev', 'main.js');
const args = process.argv.slice(named ? 3 : 2);

const tsc = spawnSync(
	process.execPath,
	[require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'e2e', 'tsconfig.json')],
	{
		cwd: root,
		encoding: 'utf8',
	},
);
const diagnostics = `${tsc.stdout}${tsc.stderr}`.trim();
if (tsc.status !== 0) {
	// The fakes are shared with the unit tests and change while the nodes are written; their own
	// type errors show up in `npm run typecheck`. Errors in the e2e and dev tooling stop here.
	const own = diagnostics.split('\n').filter((line) => /^(e2e|dev|bench\/webhooks)\//.test(line));
	if (own.length || !diagnostics) {
		console.error(`The e2e/dev tooling does not compile:\n${diagnostics}`);
		process.exit(1);
	}
	console.warn(`Type errors outside e2e/ and dev/ (compiled anyway):\n${diagnostics}\n`);
}

process.argv = [process.argv[0], entry, ...args];
require(path.join(root, 'node_modules', '.cache', 'atendimento-e2e', entry));
