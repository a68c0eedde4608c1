/**
 * What a user's n8n gets: the built package (dist/, produced by `npm test`'s build step) loads with
 * n8n-core's own PackageDirectoryLoader, has no runtime dependency, keeps fast-xml-parser bundled,
 * and `npm pack` ships nothing but dist/ and the docs.
 */
import { execFileSync } from 'child_process';
import { readdirSync, readFileSync } from 'fs';
import path from 'path';
import { PackageDirectoryLoader } from 'n8n-core';

const root = path.resolve(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
	name: string;
	dependencies?: Record<string, string>;
	peerDependencies?: Record<string, string>;
	files: string[];
	keywords: string[];
	license: string;
	scripts: Record<string, string>;
	n8n: { n8nNodesApiVersion: number; nodes: string[]; credentials: string[] };
};

function jsFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return jsFiles(full);
		return entry.name.endsWith('.js') ? [full] : [];
	});
}

describe('published package', () => {
	it('declares what n8n verification requires', () => {
		expect(pkg.name).toBe('n8n-nodes-sage-intacct');
		expect(pkg.license).toBe('MIT');
		expect(pkg.keywords).toContain('n8n-community-node-package');
		expect(pkg.files).toEqual(['dist']);
		expect(pkg.dependencies ?? {}).toEqual({});
		expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		expect(pkg.n8n.n8nNodesApiVersion).toBe(1);
		for (const forbidden of ['prepare', 'preinstall', 'install', 'postinstall', 'prepublish']) {
			expect(pkg.scripts[forbidden]).toBeUndefined();
		}
	});

	it('loads every node and credential with n8n-core, under the package name', async () => {
		const loader = new PackageDirectoryLoader(root);
		await loader.loadAll();
		expect(loader.packageName).toBe('n8n-nodes-sage-intacct');
		expect(Object.keys(loader.nodeTypes).sort()).toEqual(
			['sageIntacct', 'sageIntacctPollTrigger', 'sageIntacctTrigger'].sort(),
		);
		expect(Object.keys(loader.credentialTypes).sort()).toEqual(['sageIntacctApi', 'sageIntacctOAuth2Api']);
		const action = loader.getNode('sageIntacct').type;
		expect('description' in action && action.description.usableAsTool).toBe(true);
	});

	it('bundles fast-xml-parser and requires nothing a user n8n lacks', () => {
		const allowed = new Set(['n8n-workflow', 'zod', 'crypto', 'node:crypto']);
		const offending: string[] = [];
		for (const file of jsFiles(path.join(root, 'dist'))) {
			const text = readFileSync(file, 'utf8');
			for (const match of text.matchAll(/require\((["'])([^"']+)\1\)/g)) {
				const mod = match[2];
				if (!mod.startsWith('.') && !allowed.has(mod)) offending.push(`${path.relative(root, file)}: ${mod}`);
			}
		}
		expect(offending).toEqual([]);
		const parser = readFileSync(path.join(root, 'dist/nodes/shared/intacct/xml/xmlParser.js'), 'utf8');
		expect(parser).toContain('XMLParser');
	});

	it('packs only dist/, the docs and the empty index.js (no sandbox, tests or sources)', () => {
		const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
		const files = (JSON.parse(out) as Array<{ files: Array<{ path: string }> }>)[0].files.map((f) => f.path);
		const outside = files.filter((f) => !f.startsWith('dist/') && !['package.json', 'README.md', 'LICENSE.md', 'index.js'].includes(f));
		expect(outside).toEqual([]);
		expect(files.some((f) => f.startsWith('dist/sandbox') || f.startsWith('dist/test'))).toBe(false);
		expect(files).toContain('dist/nodes/SageIntacct/SageIntacct.node.js');
		expect(files).toContain('dist/nodes/SageIntacct/SageIntacct.node.json');
		expect(files).toContain('dist/credentials/SageIntacctApi.credentials.js');
	});
});
