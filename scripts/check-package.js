// Checks what `npm pack` would publish: every file of package.json's n8n section is built, and
// nothing ships but what n8n loads (those files, each node's codex .node.json, the icons) plus
// README, LICENSE and package.json; the tarball stays under 200 KB. Also checks that the metadata a
// verifier compares (repository, homepage, bugs) names one GitHub repository.
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const MAX_PACKED_BYTES = 200 * 1024;

const root = path.resolve(__dirname, '..');
const pkg = require(path.join(root, 'package.json'));
const problems = [];
const warnings = [];

const entries = [...pkg.n8n.nodes, ...pkg.n8n.credentials];
const codexFiles = pkg.n8n.nodes.map((file) => file.replace(/\.js$/, '.json'));
const required = [...entries, ...codexFiles];
for (const file of required) {
	if (!fs.existsSync(path.join(root, file))) problems.push(`missing build output: ${file}`);
}

const packed = JSON.parse(
	execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
		cwd: root,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'ignore'],
	}),
)[0];
const packedPaths = new Set(packed.files.map((f) => f.path));
// scripts/bundle.js puts the modules several entry files need into one chunk.
const SHARED_CHUNK = 'dist/nodes/shared.bundle.js';
const allowed = new Set([...required, SHARED_CHUNK, 'package.json', 'README.md', 'LICENSE.md']);
const icon = /^dist\/icons\/[a-z0-9]+(\.dark)?\.svg$/;
for (const file of packedPaths) {
	if (!allowed.has(file) && !icon.test(file))
		problems.push(`unexpected file in the package: ${file}`);
}
for (const file of required) {
	if (!packedPaths.has(file)) problems.push(`not packed: ${file}`);
}
for (const service of ['plugchat', 'tomticket', 'digisac']) {
	for (const file of [`dist/icons/${service}.svg`, `dist/icons/${service}.dark.svg`]) {
		if (!packedPaths.has(file)) problems.push(`icon not packed: ${file}`);
	}
}
if (packed.size >= MAX_PACKED_BYTES) {
	problems.push(`packed size ${packed.size} bytes is over the ${MAX_PACKED_BYTES}-byte budget`);
}

// One repository for everything a verifier compares: the provenance statement names the GitHub
// repository the workflow ran in, and n8n's guidelines want the npm repository URL to be that
// public repository.
const repositoryUrl = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
const match = /^git\+https:\/\/github\.com\/([\w.-]+)\/([\w.-]+)\.git$/.exec(repositoryUrl ?? '');
if (!match) {
	problems.push(
		`repository.url must be git+https://github.com/<owner>/<name>.git: ${repositoryUrl}`,
	);
} else {
	const base = `https://github.com/${match[1]}/${match[2]}`;
	if (pkg.homepage !== `${base}#readme`) problems.push(`homepage must be ${base}#readme`);
	if (pkg.bugs?.url !== `${base}/issues`) problems.push(`bugs.url must be ${base}/issues`);
	const ownerUrl = `https://github.com/${match[1]}`;
	if (pkg.author?.url !== undefined && pkg.author.url !== ownerUrl) {
		problems.push(`author.url must be ${ownerUrl}`);
	}
	// Codex documentation links point users at the README; they should name the same repository.
	for (const file of codexFiles) {
		const codexPath = path.join(root, file.replace(/^dist\//, ''));
		if (!fs.existsSync(codexPath)) continue;
		const links = JSON.stringify(JSON.parse(fs.readFileSync(codexPath, 'utf8')).resources ?? {});
		for (const [url] of links.matchAll(/https:\/\/github\.com\/[^"#]+/g)) {
			if (url !== base)
				warnings.push(`${path.relative(root, codexPath)} links ${url}, not ${base}`);
		}
	}
}

for (const warning of warnings) console.warn(`warning: ${warning}`);
if (problems.length) {
	console.error(problems.join('\n'));
	process.exit(1);
}
console.log(
	`ok: ${packed.files.length} files, ${(packed.size / 1024).toFixed(1)} KB packed (budget ${MAX_PACKED_BYTES / 1024} KB), ${(packed.unpackedSize / 1024).toFixed(1)} KB unpacked`,
);
