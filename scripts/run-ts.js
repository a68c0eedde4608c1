#!/usr/bin/env node
// Runs a TypeScript entry point (sandbox CLI, benchmarks) without a separate TS runtime:
// esbuild bundles it to .cache/run/ (node_modules stay external) and node requires the result.
'use strict';
const path = require('path');
const esbuild = require('esbuild');

const entry = process.argv[2];
if (!entry) {
	console.error('usage: node scripts/run-ts.js <file.ts> [args...]');
	process.exit(2);
}
const root = path.resolve(__dirname, '..');
const outfile = path.join(root, '.cache', 'run', path.basename(entry).replace(/\.ts$/, '') + '.js');
esbuild.buildSync({
	entryPoints: [path.resolve(root, entry)],
	outfile,
	bundle: true,
	platform: 'node',
	target: 'node20',
	packages: 'external',
	sourcemap: 'inline',
	logLevel: 'warning',
});
process.argv.splice(1, 2, outfile);
require(outfile);
