// Compares what n8n sees of every node and credential (their descriptions, the names of their
// methods) between two versions of the package, so "descriptions unchanged" is checked, not
// asserted:
//
//   node scripts/compare-descriptions.js [REV] [--to REV2] [--dump DIR]
//
// REV (default HEAD) is compiled from `git archive`; it is compared with the working tree, or with
// REV2. --dump writes one canonical JSON file per node and credential of the newer side to DIR.
// Object keys are sorted (their order means nothing to n8n); arrays keep their order. Exits 1 when
// anything differs.
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..');
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');

function parseArgs(argv) {
	const args = { from: 'HEAD', to: undefined, dump: undefined };
	const rest = [];
	for (let i = 0; i < argv.length; i++) {
		if (argv[i] === '--to') args.to = argv[++i];
		else if (argv[i] === '--dump') args.dump = argv[++i];
		else rest.push(argv[i]);
	}
	if (rest[0]) args.from = rest[0];
	return args;
}

/** A copy of the tree at `rev` (or the working tree itself), compiled into a scratch folder. */
function compile(rev, scratch) {
	let tree = root;
	if (rev) {
		tree = path.join(scratch, 'tree');
		fs.mkdirSync(tree, { recursive: true });
		const archive = execFileSync('git', ['archive', '--format=tar', rev], {
			cwd: root,
			maxBuffer: 1 << 30,
		});
		execFileSync('tar', ['-x', '-C', tree], { input: archive });
		fs.symlinkSync(path.join(root, 'node_modules'), path.join(tree, 'node_modules'), 'dir');
	}
	const out = path.join(scratch, 'out');
	fs.mkdirSync(out, { recursive: true });
	// The compiled files require n8n-workflow: let them find this checkout's node_modules.
	fs.symlinkSync(path.join(root, 'node_modules'), path.join(scratch, 'node_modules'), 'dir');
	execFileSync(
		process.execPath,
		[tsc, '-p', path.join(tree, 'tsconfig.json'), '--outDir', out, '--declaration', 'false'],
		{ cwd: tree, stdio: 'inherit' },
	);
	const pkg = JSON.parse(fs.readFileSync(path.join(tree, 'package.json'), 'utf8'));
	return { out, pkg };
}

function canonical(value) {
	if (typeof value === 'function') return `[function]`;
	if (Array.isArray(value)) return value.map(canonical);
	if (value && typeof value === 'object') {
		const sorted = {};
		for (const key of Object.keys(value).sort()) sorted[key] = canonical(value[key]);
		return sorted;
	}
	return value;
}

function methodNames(group) {
	const names = {};
	for (const [kind, methods] of Object.entries(group ?? {})) names[kind] = Object.keys(methods);
	return names;
}

/** What n8n reads off every node and credential class of a compiled package. */
function describe({ out, pkg }) {
	const result = {};
	const load = (file) => require(path.join(out, file.replace(/^dist\//, '')));
	for (const file of pkg.n8n.nodes) {
		for (const NodeClass of Object.values(load(file))) {
			const node = new NodeClass();
			result[`node ${node.description.name}`] = canonical({
				description: node.description,
				methods: methodNames(node.methods),
				webhookMethods: methodNames(node.webhookMethods),
				entryPoints: ['execute', 'poll', 'trigger', 'webhook'].filter(
					(name) => typeof node[name] === 'function',
				),
			});
		}
	}
	for (const file of pkg.n8n.credentials) {
		for (const CredentialClass of Object.values(load(file))) {
			const credential = new CredentialClass();
			result[`credential ${credential.name}`] = canonical({ ...credential });
		}
	}
	return result;
}

/**
 * A key for each element of a list of parameters or options (objects with a `name`), so an
 * added or removed one is reported as such instead of shifting every later index. Parameters
 * that share a name (one per operation) are told apart by their displayOptions.
 */
function keyed(list) {
	if (!list.length || !list.every((e) => e && typeof e === 'object' && 'name' in e))
		return undefined;
	const seen = new Map();
	return list.map((element) => {
		const base = `${element.name}${element.displayOptions ? ` ${JSON.stringify(element.displayOptions)}` : ''}`;
		const n = (seen.get(base) ?? 0) + 1;
		seen.set(base, n);
		return n > 1 ? `${base} #${n}` : base;
	});
}

/** Every path where two canonical values differ, as readable lines. */
function differences(before, after, at = '') {
	if (JSON.stringify(before) === JSON.stringify(after)) return [];
	const show = (v) => (v === undefined ? '(absent)' : JSON.stringify(v));
	const bothObjects = before && after && typeof before === 'object' && typeof after === 'object';
	if (!bothObjects || Array.isArray(before) !== Array.isArray(after))
		return [`${at || '(root)'}: ${show(before)} → ${show(after)}`];
	if (Array.isArray(before)) {
		const beforeKeys = keyed(before);
		const afterKeys = keyed(after);
		if (beforeKeys && afterKeys) {
			const lines = [];
			const common = beforeKeys.filter((key) => afterKeys.includes(key));
			const order = (keys) => keys.filter((key) => common.includes(key)).join('\n');
			if (order(beforeKeys) !== order(afterKeys)) lines.push(`${at}: order changed`);
			for (const [i, key] of beforeKeys.entries())
				if (!afterKeys.includes(key)) lines.push(`${at}[${key}]: removed ${show(before[i])}`);
			for (const [i, key] of afterKeys.entries()) {
				const j = beforeKeys.indexOf(key);
				if (j < 0) lines.push(`${at}[${key}]: added ${show(after[i])}`);
				else lines.push(...differences(before[j], after[i], `${at}[${key}]`));
			}
			return lines;
		}
	}
	const keys = Array.isArray(before)
		? Array.from({ length: Math.max(before.length, after.length) }, (_, i) => i)
		: [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
	return keys.flatMap((key) =>
		differences(
			before[key],
			after[key],
			Array.isArray(before) ? `${at}[${key}]` : at ? `${at}.${key}` : key,
		),
	);
}

function main() {
	const args = parseArgs(process.argv.slice(2));
	const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'compare-descriptions-'));
	try {
		const older = describe(compile(args.from, path.join(scratch, 'from')));
		const newer = describe(compile(args.to, path.join(scratch, 'to')));
		const newerName = args.to ?? 'the working tree';
		if (args.dump) {
			fs.mkdirSync(args.dump, { recursive: true });
			for (const [name, value] of Object.entries(newer))
				fs.writeFileSync(
					path.join(args.dump, `${name.replace(/\s+/g, '-')}.json`),
					`${JSON.stringify(value, null, '\t')}\n`,
				);
		}
		let changed = 0;
		for (const name of [...new Set([...Object.keys(older), ...Object.keys(newer)])].sort()) {
			const lines = differences(older[name], newer[name]);
			if (!lines.length) continue;
			changed++;
			console.log(`${name}: ${lines.length} difference(s)`);
			for (const line of lines.slice(0, 200)) console.log(`  ${line}`);
			if (lines.length > 200) console.log(`  … and ${lines.length - 200} more`);
		}
		const total = new Set([...Object.keys(older), ...Object.keys(newer)]).size;
		console.log(
			changed
				? `${changed} of ${total} descriptions differ between ${args.from} and ${newerName}`
				: `all ${total} descriptions are identical between ${args.from} and ${newerName}`,
		);
		process.exitCode = changed ? 1 : 0;
	} finally {
		fs.rmSync(scratch, { recursive: true, force: true });
	}
}

main();
