// Build: TypeScript -> dist, then the steps tsc cannot do:
//  * copy node icons and codex files next to the compiled nodes,
//  * bundle fast-xml-parser into the one module that imports it, so the published package has no
//    runtime dependency (n8n's verification forbids them) and no require('fast-xml-parser') remains,
//  * check the result: every file named in package.json "n8n" exists, nothing requires a module a
//    user's n8n would not have.
'use strict';
const { series, src, dest } = require('gulp');
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const DIST = path.join(__dirname, 'dist');
// Modules n8n provides to community nodes at run time (see n8n-nodes.md §0.3).
const ALLOWED_RUNTIME_MODULES = new Set(['n8n-workflow', 'zod', 'crypto', 'node:crypto', 'lodash', 'luxon', 'moment', 'p-limit']);
const XML_PARSER_MODULE = path.join(DIST, 'nodes', 'shared', 'intacct', 'xml', 'xmlParser.js');

function clean(done) {
	fs.rmSync(DIST, { recursive: true, force: true });
	done();
}

function compile(done) {
	execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
	done();
}

function copyIcons() {
	return src(['nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}'], { base: '.', encoding: false }).pipe(dest(DIST));
}

function bundleXmlParser(done) {
	require('esbuild').buildSync({
		entryPoints: [XML_PARSER_MODULE],
		outfile: XML_PARSER_MODULE,
		allowOverwrite: true,
		bundle: true,
		platform: 'node',
		target: 'node20',
		format: 'cjs',
		logLevel: 'warning',
	});
	done();
}

function listJs(dir) {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const p = path.join(dir, e.name);
		if (e.isDirectory()) return listJs(p);
		return e.name.endsWith('.js') ? [p] : [];
	});
}

function verify(done) {
	const pkg = require('./package.json');
	for (const rel of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) {
		if (!fs.existsSync(path.join(__dirname, rel))) throw new Error(`build: ${rel} (package.json n8n) was not produced`);
	}
	const problems = [];
	for (const file of listJs(DIST)) {
		const text = fs.readFileSync(file, 'utf8');
		for (const m of text.matchAll(/require\((["'])([^"']+)\1\)/g)) {
			const mod = m[2];
			if (mod.startsWith('.') || ALLOWED_RUNTIME_MODULES.has(mod)) continue;
			problems.push(`${path.relative(__dirname, file)} requires '${mod}'`);
		}
	}
	if (problems.length) throw new Error('build: modules a user\'s n8n does not provide:\n  ' + problems.join('\n  '));
	done();
}

exports.build = series(clean, compile, copyIcons, bundleXmlParser, verify);
exports.default = exports.build;
