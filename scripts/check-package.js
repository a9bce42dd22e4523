// Checks what `npm pack` would publish: every file of package.json's n8n section is built, and
// nothing but dist/, README, LICENSE and package.json ships.
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const pkg = require(path.join(root, 'package.json'));
const problems = [];

for (const file of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) {
	if (!fs.existsSync(path.join(root, file))) problems.push(`missing build output: ${file}`);
}

const packed = JSON.parse(
	execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
		cwd: root,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'ignore'],
	}),
)[0];
const allowed = /^(dist\/|README\.md$|LICENSE(\.md)?$|package\.json$)/;
for (const { path: file } of packed.files) {
	if (!allowed.test(file)) problems.push(`unexpected file in the package: ${file}`);
}
for (const icon of [
	'dist/icons/plugchat.svg',
	'dist/icons/tomticket.svg',
	'dist/icons/digisac.svg',
]) {
	if (!packed.files.some((f) => f.path === icon)) problems.push(`icon not packed: ${icon}`);
}

if (problems.length) {
	console.error(problems.join('\n'));
	process.exit(1);
}
console.log(
	`ok: ${packed.files.length} files, ${(packed.size / 1024).toFixed(1)} KB packed (${(packed.unpackedSize / 1024).toFixed(1)} KB unpacked)`,
);
