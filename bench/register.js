// Lets `node -r ./bench/register.js bench/main.ts` run the benchmarks straight from TypeScript, with
// no build folder for `eslint .` to trip over: each .ts file is transpiled as it is required, by the
// project's own TypeScript and tsconfig (the same JavaScript tsc emits). Types are checked first by
// `tsc -p bench/tsconfig.json` in `npm run bench`. The JavaScript is kept in
// node_modules/.cache/atendimento-bench/ by a hash of the source, so a child process under valgrind
// (bench/workloads/instructions.ts) does not spend minutes of instructions in the TypeScript compiler.
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const cacheDir = path.join(root, 'node_modules', '.cache', 'atendimento-bench', 'ts');
// The compiler options are part of the key: a tsconfig change recompiles everything.
const configText = fs.readFileSync(path.join(root, 'tsconfig.json'), 'utf8');
let compile;

function compiler() {
	if (compile) return compile;
	const ts = require('typescript');
	const configPath = path.join(root, 'tsconfig.json');
	const { config } = ts.readConfigFile(configPath, ts.sys.readFile);
	const { options } = ts.convertCompilerOptionsFromJson(config.compilerOptions, root);
	const compilerOptions = {
		...options,
		declaration: false,
		sourceMap: false,
		inlineSourceMap: false,
		noEmit: false,
	};
	compile = (source, fileName) =>
		ts.transpileModule(source, { compilerOptions, fileName }).outputText;
	return compile;
}

require.extensions['.ts'] = function compileTypeScript(module, filename) {
	const source = fs.readFileSync(filename, 'utf8');
	const key = crypto
		.createHash('sha256')
		.update(configText)
		.update('\0')
		.update(filename)
		.update('\0')
		.update(source)
		.digest('hex');
	const cached = path.join(cacheDir, `${key}.js`);
	let output;
	try {
		output = fs.readFileSync(cached, 'utf8');
	} catch {
		output = compiler()(source, filename);
		fs.mkdirSync(cacheDir, { recursive: true });
		// Written aside, then renamed: two processes compiling at once never read half a file.
		const partial = `${cached}.${process.pid}`;
		fs.writeFileSync(partial, output);
		fs.renameSync(partial, cached);
	}
	module._compile(output, filename);
};
