/**
 * Reads the import graph of nodes/ and credentials/ (every relative `import ... from`, `export ... from`,
 * `import('...')`, `require('...')`, type-only imports included) and checks it against the layers of
 * docs/architecture.md.
 */
import fs from 'fs';
import path from 'path';

export const ROOT = path.resolve(__dirname, '..', '..');

export type Edge = { from: string; to: string };

/** Shared-library layers, highest first: a layer may import its own and any lower layer. */
const RANK: Record<string, number> = { n8n: 3, client: 2, xml: 1, rest: 1, core: 0 };

function listTs(dir: string): string[] {
	if (!fs.existsSync(dir)) return [];
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const p = path.join(dir, e.name);
		if (e.isDirectory()) return listTs(p);
		return e.name.endsWith('.ts') ? [p] : [];
	});
}

function resolveSpecifier(fromFile: string, spec: string): string | undefined {
	const base = path.resolve(path.dirname(fromFile), spec);
	for (const candidate of [base, `${base}.ts`, path.join(base, 'index.ts')]) {
		if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
	}
	return undefined;
}

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)(['"])(\.{1,2}\/[^'"]*)\1/gm;

/** Repository-relative edges between files of nodes/ and credentials/ (and anything they reach). */
export function readImportGraph(root = ROOT): Edge[] {
	const files = [...listTs(path.join(root, 'nodes')), ...listTs(path.join(root, 'credentials'))];
	const edges: Edge[] = [];
	for (const file of files) {
		const text = fs.readFileSync(file, 'utf8');
		for (const match of text.matchAll(SPECIFIER)) {
			const target = resolveSpecifier(file, match[2]);
			if (!target) throw new Error(`${path.relative(root, file)}: cannot resolve '${match[2]}'`);
			edges.push({ from: path.relative(root, file), to: path.relative(root, target) });
		}
	}
	return edges;
}

type Place =
	| { kind: 'node'; name: string }
	| { kind: 'shared'; layer: string }
	| { kind: 'credentials' }
	| { kind: 'other'; name: string };

export function placeOf(file: string): Place {
	const parts = file.split(/[\\/]/);
	if (parts[0] === 'credentials') return { kind: 'credentials' };
	if (parts[0] === 'nodes' && parts[1] === 'shared') return { kind: 'shared', layer: parts[3] ?? '' };
	if (parts[0] === 'nodes') return { kind: 'node', name: parts[1] };
	return { kind: 'other', name: parts[0] };
}

/** Every edge that breaks a rule, in words. */
export function layerViolations(edges: Edge[]): string[] {
	const problems: string[] = [];
	for (const { from, to } of edges) {
		const a = placeOf(from);
		const b = placeOf(to);
		const arrow = `${from} -> ${to}`;
		if (b.kind === 'other') problems.push(`${arrow}: imports from outside nodes/ and credentials/`);
		else if (a.kind === 'node' && b.kind === 'node' && a.name !== b.name) problems.push(`${arrow}: one node imports another node's folder`);
		else if (a.kind === 'shared' && (b.kind === 'node' || b.kind === 'credentials')) problems.push(`${arrow}: the shared library imports a node or credential`);
		else if (a.kind === 'node' && b.kind === 'credentials') problems.push(`${arrow}: a node imports the credentials folder`);
		else if (a.kind === 'credentials' && b.kind === 'node') problems.push(`${arrow}: the credential imports a node folder`);
		else if (a.kind === 'shared' && b.kind === 'shared' && a.layer !== b.layer) {
			if (a.layer === 'records') {
				if (b.layer !== 'core') problems.push(`${arrow}: records may import only core`);
			} else if (b.layer === 'records') {
				// records are imported by whoever needs them
			} else if (!(a.layer in RANK) || !(b.layer in RANK)) {
				problems.push(`${arrow}: unknown layer`);
			} else if (RANK[b.layer] >= RANK[a.layer]) {
				problems.push(`${arrow}: against the layer order (n8n -> client -> xml|rest -> core)`);
			}
		}
	}
	return problems;
}

/** Strongly connected components with more than one file, or a file that imports itself (Tarjan). */
export function importCycles(edges: Edge[]): string[][] {
	const next = new Map<string, string[]>();
	for (const { from, to } of edges) {
		next.set(from, [...(next.get(from) ?? []), to]);
		if (!next.has(to)) next.set(to, []);
	}
	let counter = 0;
	const index = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const onStack = new Set<string>();
	const cycles: string[][] = [];
	const visit = (v: string): void => {
		index.set(v, counter);
		low.set(v, counter);
		counter++;
		stack.push(v);
		onStack.add(v);
		for (const w of next.get(v) ?? []) {
			if (!index.has(w)) {
				visit(w);
				low.set(v, Math.min(low.get(v)!, low.get(w)!));
			} else if (onStack.has(w)) {
				low.set(v, Math.min(low.get(v)!, index.get(w)!));
			}
		}
		if (low.get(v) === index.get(v)) {
			const component: string[] = [];
			let w: string;
			do {
				w = stack.pop()!;
				onStack.delete(w);
				component.push(w);
			} while (w !== v);
			if (component.length > 1 || (next.get(v) ?? []).includes(v)) cycles.push(component.sort());
		}
	};
	for (const v of next.keys()) if (!index.has(v)) visit(v);
	return cycles;
}
