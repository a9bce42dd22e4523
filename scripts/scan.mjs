// `npm run scan`: n8n's verification scanner (@n8n/scan-community-package, pinned in
// devDependencies) run on this repository and on the tarball `npm pack` makes, the way
// `npx @n8n/scan-community-package <package>` runs it on a published package
// (scanner/scanner.mjs, analyzePackageByName):
//   1. provenance: SKIPPED here. It reads the npm provenance attestation of a published version
//      from registry.npmjs.org, which only exists after publish.yml has published it; the
//      scanner checks it when n8n scans the published package;
//   2. source leg: analyzePackage(<source checkout>, SOURCE_FILE_PATTERNS), here over this
//      working tree (n8n downloads the commit the attestation names);
//   3. tarball leg: analyzePackage(<unpacked tarball>, <the patterns analyzePackageByName
//      passes>), read from the scanner's own source so a scanner upgrade cannot drift from it;
//   plus a stricter tarball leg with analyzePackage's default patterns (every .js, .ts and
//   .json file), so nothing shipped, declaration files included, fails a rule.
// analyzePackage lints with inline configuration off (eslint-disable comments do not count) and
// with n8n's own rule set (buildScanConfig), not this repository's eslint.config.mjs.
// It builds nothing: run `npm run build` first. Exits 1 on any error in any leg.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const scannerFile = require.resolve('@n8n/scan-community-package/scanner/scanner.mjs');
const scannerVersion = require('@n8n/scan-community-package/package.json').version;
const scannerRequire = createRequire(scannerFile);
const glob = scannerRequire('fast-glob');
// The scanner makes a temporary folder when it loads (for downloads this script never makes);
// graceful cleanup removes it on exit.
scannerRequire('tmp').setGracefulCleanup();
const { analyzePackage, SOURCE_FILE_PATTERNS } = await import(scannerFile);

/** The file patterns analyzePackageByName lints the downloaded tarball with. */
function tarballPatterns() {
	const source = fs.readFileSync(scannerFile, 'utf8');
	const call = /analyzePackage\(packageDir,\s*(\[[^\]]*\])\)/.exec(source);
	if (!call) {
		throw new Error(
			`scan: cannot find analyzePackage(packageDir, [...]) in ${scannerFile}; the scanner changed, update scripts/scan.mjs`,
		);
	}
	return JSON.parse(call[1].replace(/'/g, '"'));
}

const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const missing = [...pkg.n8n.nodes, ...pkg.n8n.credentials].filter(
	(file) => !fs.existsSync(path.join(root, file)),
);
if (missing.length) {
	console.error(`scan: not built (${missing.join(', ')}); run npm run build first`);
	process.exit(1);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'atendimento-scan-'));
let failed = false;
try {
	const packed = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], {
			cwd: root,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'inherit'],
		}),
	)[0];
	const packageDir = path.join(work, 'package');
	fs.mkdirSync(packageDir);
	// As the scanner unpacks a downloaded tarball (downloadAndExtractPackage).
	execFileSync('tar', [
		'-xzf',
		path.join(work, packed.filename),
		'-C',
		packageDir,
		'--strip-components=1',
	]);

	console.log(
		`n8n scanner @n8n/scan-community-package ${scannerVersion} on ${pkg.name}@${pkg.version}`,
	);
	console.log('- provenance: skipped (needs the published version on npm; see scripts/scan.mjs)');
	const legs = [
		{ name: 'source', dir: root, patterns: SOURCE_FILE_PATTERNS },
		{ name: 'tarball', dir: packageDir, patterns: tarballPatterns() },
		{ name: 'tarball, every file', dir: packageDir, patterns: undefined },
	];
	for (const leg of legs) {
		const shown = leg.patterns ?? ['**/*.js', '**/*.ts', '**/*.json'];
		const files = glob.sync(shown, {
			cwd: leg.dir,
			ignore: ['node_modules/**', '**/package-lock.json'],
		});
		const result = await analyzePackage(leg.dir, leg.patterns);
		const label = `${leg.name} leg (${shown.join(', ')}; ${files.length} files)`;
		if (result.passed) {
			console.log(`- ${label}: passed`);
			continue;
		}
		failed = true;
		console.log(`- ${label}: FAILED: ${result.message}`);
		if (result.details) console.log(result.details);
	}
} finally {
	fs.rmSync(work, { recursive: true, force: true });
}

if (failed) {
	console.log('n8n scanner: errors found (inline eslint-disable comments do not count)');
	process.exit(1);
}
console.log('n8n scanner: no errors');
