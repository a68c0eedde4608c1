/**
 * Every `§x` / `§x.y` cited in source, test and benchmark files names a heading of docs/protocol.md
 * (docs/architecture.md, "Protocol references"), and no file points at notes outside the repository.
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';

const ROOT = join(__dirname, '..', '..');
const SCANNED = ['nodes', 'credentials', 'sandbox', 'test', 'bench'];
const SOURCE = /\.(ts|js|json)$/;

interface Citation {
	file: string;
	line: number;
	section: string;
}

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
		return SOURCE.test(name) ? [path] : [];
	});
}

/** `§4.2`, `§ 12.7`, both ends of `§1.2-§1.6`. */
export function citations(file: string, text: string): Citation[] {
	return text.split('\n').flatMap((content, i) =>
		[...content.matchAll(/§\s?(\d+(?:\.\d+)?)/g)].map((m) => ({ file, line: i + 1, section: m[1] })),
	);
}

/** The section numbers of headings like `## §4.2 readByQuery`. */
export function headings(markdown: string): Set<string> {
	return new Set([...markdown.matchAll(/^#{1,6}\s+§(\d+(?:\.\d+)?)(?=\s|$)/gm)].map((m) => m[1]));
}

export function unresolved(cited: Citation[], known: Set<string>): string[] {
	return cited.filter((c) => !known.has(c.section)).map((c) => `${c.file}:${c.line} cites §${c.section}, which docs/protocol.md has no heading for`);
}

const files = SCANNED.flatMap((dir) => sourceFiles(join(ROOT, dir))).filter((f) => f !== __filename);
const texts = files.map((f) => ({ file: relative(ROOT, f), text: readFileSync(f, 'utf8') }));
const known = headings(readFileSync(join(ROOT, 'docs', 'protocol.md'), 'utf8'));

describe('protocol references', () => {
	it('are found (the scan sees the citations of the library, the sandbox and the tests)', () => {
		const cited = texts.flatMap((t) => citations(t.file, t.text));
		const folders = new Set(cited.map((c) => c.file.split('/')[0]));
		expect(cited.length).toBeGreaterThan(200);
		expect([...folders]).toEqual(expect.arrayContaining(['nodes', 'sandbox', 'test']));
	});

	it('each name a heading of docs/protocol.md', () => {
		expect(unresolved(texts.flatMap((t) => citations(t.file, t.text)), known)).toEqual([]);
	});

	it('never point at notes outside the repository', () => {
		const outside = texts.flatMap((t) =>
			t.text.split('\n').flatMap((l, i) => (/intacct-xml-api\.md|n8n-nodes\.md/.test(l) ? [`${t.file}:${i + 1}`] : [])),
		);
		expect(outside).toEqual([]);
	});
});

describe('the check catches what it is for', () => {
	it('names the file and line of a citation without a heading', () => {
		const doc = headings('# Notes\n## §4 Reads\n## §4.2 readByQuery\n### §12.7 echo\n§9.9 in prose is no heading\n');
		expect([...doc].sort()).toEqual(['12.7', '4', '4.2']);
		const cited = citations('nodes/x.ts', '// see §4.2\n// and §4.3, §12.7\n/* §1.2-§4 */');
		expect(unresolved(cited, doc)).toEqual([
			'nodes/x.ts:2 cites §4.3, which docs/protocol.md has no heading for',
			'nodes/x.ts:3 cites §1.2, which docs/protocol.md has no heading for',
		]);
	});

	it('does not read §4.20 as §4.2', () => {
		expect(citations('a.ts', 'x §4.20 y').map((c) => c.section)).toEqual(['4.20']);
		expect(headings('## §4.20 x')).toEqual(new Set(['4.20']));
	});
});
