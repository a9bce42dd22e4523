#!/usr/bin/env node
// `npm run dev` (no argument) and `npm run test:e2e` (argument `e2e`): compiles the e2e tooling
// and the fake platforms (TypeScript, e2e/tsconfig.json) into node_modules/.cache/atendimento-e2e
// (out of git's and the linter's way), then runs e2e/dev.ts or e2e/run.ts on this Node (20).
// n8n itself runs on Node 24 (see e2e/lib/toolchain.ts).
const { spawnSync } = require('child_process');
const path = require('path');

const root = path.resolve(__dirname, '..');
const mode = process.argv[2] === 'e2e' ? 'run' : 'dev';

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
	// type errors show up in `npm run typecheck`. Errors in the e2e tooling itself stop here.
	const own = diagnostics.split('\n').filter((line) => /^e2e\//.test(line));
	if (own.length || !diagnostics) {
		console.error(`The e2e tooling does not compile:\n${diagnostics}`);
		process.exit(1);
	}
	console.warn(`Type errors outside e2e/ (compiled anyway):\n${diagnostics}\n`);
}

require(path.join(root, 'node_modules', '.cache', 'atendimento-e2e', 'e2e', `${mode}.js`));
