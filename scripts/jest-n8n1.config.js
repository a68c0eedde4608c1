// Runs a jest suite against the n8n 1.x runtime under .cache/ (the one e2e installs) instead of the
// devDependencies' n8n 2.x: n8n-workflow, n8n-core and luxon are mapped to it. Used to check that the
// fast parameter reads give n8n 1.x's answers too (docs/benchmarks-cost.md):
//   npx jest --config scripts/jest-n8n1.config.js test/nodes/shared/intacct/n8n/fastParameters.test.ts
const fs = require('fs');
const path = require('path');
const base = require('../jest.config.js');

const root = path.resolve(__dirname, '..');
const runtime = fs
	.readdirSync(path.join(root, '.cache'))
	.filter((name) => /^n8n-1\./.test(name))
	.sort()
	.pop();
if (!runtime) throw new Error('no n8n 1.x runtime under .cache/ (e2e installs it)');
const modules = path.join(root, '.cache', runtime, 'node_modules');

module.exports = {
	...base,
	rootDir: root,
	moduleNameMapper: {
		'^n8n-workflow$': path.join(modules, 'n8n-workflow'),
		'^n8n-core$': path.join(modules, 'n8n-core'),
		'^luxon$': path.join(modules, 'luxon'),
	},
};
