// Build step after tsc: turns each file n8n loads (every node and credential in package.json's
// `n8n` section) into one self-contained CommonJS file, and removes the compiled modules they
// absorbed. n8n requires ~430 small files otherwise, and loading files, not running them, was most
// of the package's load time. Packages outside the project (n8n-workflow, luxon, crypto) stay
// ordinary `require` calls; so do other entry files.
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
// `node scripts/bundle.js [dist folder]`: the benchmark bundles a build made in a temporary folder.
const dist = path.resolve(process.argv[2] ?? path.join(root, 'dist'));
const pkg = require(path.join(root, 'package.json'));

const entries = [...pkg.n8n.nodes, ...pkg.n8n.credentials].map((file) =>
	path.join(dist, file.replace(/^dist\//, '')),
);
const entrySet = new Set(entries);
// tsc's CommonJS output: require("./x") / require("../x") with double quotes.
const RELATIVE_REQUIRE = /require\("(\.{1,2}\/[^"]+)"\)/g;

function resolveModule(fromFile, specifier) {
	const base = path.resolve(path.dirname(fromFile), specifier);
	for (const candidate of [base, `${base}.js`, path.join(base, 'index.js')]) {
		if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
	}
	throw new Error(`bundle: cannot resolve ${specifier} from ${path.relative(root, fromFile)}`);
}

/** The modules an entry needs, with each module's relative requires resolved. */
function collect(entry) {
	const modules = new Map();
	const visit = (file) => {
		if (modules.has(file)) return;
		const source = fs.readFileSync(file, 'utf8');
		const requires = {};
		modules.set(file, { source, requires });
		for (const [, specifier] of source.matchAll(RELATIVE_REQUIRE)) {
			const target = resolveModule(file, specifier);
			if (entrySet.has(target) && target !== entry) {
				requires[specifier] = { entry: target };
			} else {
				requires[specifier] = { id: moduleId(target) };
				visit(target);
			}
		}
	};
	visit(entry);
	return modules;
}

const moduleId = (file) => path.relative(dist, file).replace(/\\/g, '/');
const relativeRequire = (fromFile, target) => {
	const relative = path.relative(path.dirname(fromFile), target).replace(/\\/g, '/');
	return relative.startsWith('.') ? relative : `./${relative}`;
};

/**
 * Modules that more than one entry needs (the shared transport, a service's transport used by its
 * node and its trigger) go once into SHARED_CHUNK instead of into every bundle: six copies of them
 * were a third of the tarball. Each module still runs once per process, as with plain `require`.
 */
const SHARED_CHUNK = path.join(dist, 'nodes', 'shared.bundle.js');

/** The module table and loader of one file; `load` resolves ids not in the table. */
function moduleTable(file, modules, isLocal) {
	const parts = [];
	for (const [moduleFile, { source, requires }] of modules) {
		const map = {};
		for (const [specifier, target] of Object.entries(requires)) {
			if (target.entry) map[specifier] = { external: relativeRequire(file, target.entry) };
			else if (isLocal(target.id)) map[specifier] = { id: target.id };
			else map[specifier] = { shared: target.id };
		}
		const body = source.replace(/^\/\/# sourceMappingURL=.*$/m, '');
		parts.push(
			`${JSON.stringify(moduleId(moduleFile))}: [${JSON.stringify(map)}, function (module, exports, require) {\n${body}\n}]`,
		);
	}
	return `var __modules = {
${parts.join(',\n')}
};
var __cache = {};
var __shared;
function __load(id) {
	if (__cache[id]) return __cache[id].exports;
	var entry = __modules[id];
	var module = (__cache[id] = { exports: {} });
	var local = function (specifier) {
		var target = entry[0][specifier];
		if (!target) return require(specifier);
		if (target.external) return require(target.external);
		if (target.shared) {
			__shared = __shared || require(${JSON.stringify(relativeRequire(file, SHARED_CHUNK))});
			return __shared.load(target.shared);
		}
		return __load(target.id);
	};
	entry[1].call(module.exports, module, module.exports, local);
	return module.exports;
}`;
}

const collected = new Map(entries.map((entry) => [entry, collect(entry)]));
/** Module id → how many entries need it. */
const users = new Map();
for (const modules of collected.values())
	for (const file of modules.keys()) {
		const id = moduleId(file);
		users.set(id, (users.get(id) ?? 0) + 1);
	}
const isShared = (id) => users.get(id) > 1;

const absorbed = new Set();
const outputs = new Map();
const sharedModules = new Map();
for (const [entry, modules] of collected) {
	const own = new Map();
	for (const [file, module] of modules) {
		if (!entrySet.has(file)) absorbed.add(file);
		if (file !== entry && isShared(moduleId(file))) sharedModules.set(file, module);
		else own.set(file, module);
	}
	outputs.set(
		entry,
		`"use strict";
// Bundled by scripts/bundle.js from the compiled modules listed below.
${moduleTable(entry, own, (id) => !isShared(id))}
module.exports = __load(${JSON.stringify(moduleId(entry))});
`,
	);
}
if (sharedModules.size) {
	outputs.set(
		SHARED_CHUNK,
		`"use strict";
// Bundled by scripts/bundle.js: the modules more than one node or credential file needs.
${moduleTable(SHARED_CHUNK, sharedModules, () => true)}
module.exports = { load: __load };
`,
	);
}
for (const file of absorbed) fs.rmSync(file);
for (const [file, code] of outputs) fs.writeFileSync(file, code);
// Directories left empty by the removal.
const prune = (dir) => {
	for (const name of fs.readdirSync(dir)) {
		const child = path.join(dir, name);
		if (fs.statSync(child).isDirectory()) prune(child);
	}
	if (dir !== dist && fs.readdirSync(dir).length === 0) fs.rmdirSync(dir);
};
prune(dist);
console.log(
	`bundle: ${entries.length} entry files, ${absorbed.size} modules absorbed (${sharedModules.size} of them into ${moduleId(SHARED_CHUNK)})`,
);
