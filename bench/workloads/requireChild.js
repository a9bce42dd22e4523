// Run in a fresh process by workload 4 (bench/workloads/packageLoad.ts), from the folder the package
// was built and packed in: loads the compiled nodes and credentials the way n8n's package loader does
// (require each file listed in package.json's n8n section, instantiate every exported class) and
// prints the times as JSON. n8n-workflow is required first and timed apart: the n8n host has it
// in memory already. Plain JavaScript, so no TypeScript transpiling lands in the timing.
const path = require('path');
const { performance } = require('perf_hooks');

const packageDir = process.argv[2];
const manifest = require(path.join(packageDir, 'package.json'));

const workflowStart = performance.now();
require(require.resolve('n8n-workflow', { paths: [packageDir] }));
const workflowMs = performance.now() - workflowStart;

const perFile = {};
const start = performance.now();
for (const file of [...manifest.n8n.credentials, ...manifest.n8n.nodes]) {
	const fileStart = performance.now();
	const exported = require(path.join(packageDir, file));
	for (const value of Object.values(exported)) {
		if (typeof value === 'function') new value();
	}
	perFile[file] = performance.now() - fileStart;
}
const packageMs = performance.now() - start;

process.stdout.write(JSON.stringify({ node: process.version, workflowMs, packageMs, perFile }));
