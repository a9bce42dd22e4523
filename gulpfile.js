const { src, dest } = require('gulp');

// tsc compiles the code and the codex .node.json files; icons are not code, so gulp copies them.
function buildIcons() {
	return src(['icons/**/*.{png,svg}', 'nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports['build:icons'] = buildIcons;
