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
				requires[specifier] = {
					external: `./${path.relative(path.dirname(entry), target).replace(/\\/g, '/')}`,
				};
			} else {
				requires[specifier] = { id: path.relative(dist, target).replace(/\\/g, '/') };
				visit(target);
			}
		}
	};
	visit(entry);
	return modules;
}

function bundle(entry) {
	const modules = collect(entry);
	const parts = [];
	for (const [file, { source, requires }] of modules) {
		const id = path.relative(dist, file).replace(/\\/g, '/');
		const map = JSON.stringify(requires);
		const body = source.replace(/^\/\/# sourceMappingURL=.*$/m, '');
		parts.push(
			`${JSON.stringify(id)}: [${map}, function (module, exports, require) {\n${body}\n}]`,
		);
	}
	const entryId = path.relative(dist, entry).replace(/\\/g, '/');
	return `"use strict";
// Bundled by scripts/bundle.js from the compiled modules listed below.
var __modules = {
${parts.join(',\n')}
};
var __cache = {};
function __load(id) {
	if (__cache[id]) return __cache[id].exports;
	var entry = __modules[id];
	var module = (__cache[id] = { exports: {} });
	var local = function (specifier) {
		var target = entry[0][specifier];
		if (!target) return require(specifier);
		return target.external ? require(target.external) : __load(target.id);
	};
	entry[1].call(module.exports, module, module.exports, local);
	return module.exports;
}
module.exports = __load(${JSON.stringify(entryId)});
`;
}

const absorbed = new Set();
const bundles = new Map();
for (const entry of entries) {
	for (const file of collect(entry).keys()) if (!entrySet.has(file)) absorbed.add(file);
	bundles.set(entry, bundle(entry));
}
for (const [entry, code] of bundles) fs.writeFileSync(entry, code);
for (const file of absorbed) fs.rmSync(file);
// Directories left empty by the removal.
const prune = (dir) => {
	for (const name of fs.readdirSync(dir)) {
		const child = path.join(dir, name);
		if (fs.statSync(child).isDirectory()) prune(child);
	}
	if (dir !== dist && fs.readdirSync(dir).length === 0) fs.rmdirSync(dir);
};
prune(dist);
console.log(`bundle: ${bundles.size} entry files, ${absorbed.size} modules absorbed`);
