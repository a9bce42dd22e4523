// Lets `node -r ./bench/register.js bench/main.ts` run the benchmarks straight from TypeScript, with
// no build folder for `eslint .` to trip over: each .ts file is transpiled as it is required, by the
// project's own TypeScript and tsconfig (the same JavaScript tsc emits). Types are checked first by
// `tsc -p bench/tsconfig.json` in `npm run bench`.
const fs = require('fs');
const path = require('path');
const ts = require('typescript');

const configPath = path.join(__dirname, '..', 'tsconfig.json');
const { config } = ts.readConfigFile(configPath, ts.sys.readFile);
const { options } = ts.convertCompilerOptionsFromJson(
	config.compilerOptions,
	path.dirname(configPath),
);
const compilerOptions = {
	...options,
	declaration: false,
	sourceMap: false,
	inlineSourceMap: false,
	noEmit: false,
};

require.extensions['.ts'] = function compileTypeScript(module, filename) {
	const source = fs.readFileSync(filename, 'utf8');
	const { outputText } = ts.transpileModule(source, { compilerOptions, fileName: filename });
	module._compile(outputText, filename);
};
