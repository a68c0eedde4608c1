/**
 * Nothing in dist/ that n8n Cloud's community-package scanner rejects: restricted globals (console,
 * setTimeout, setInterval, globalThis, process, ...), `fs` and other modules n8n does not provide,
 * `process.env`, `require` with a computed name. The scan (test/package/scanDist.mjs) runs the
 * scanner's own ESLint rules over the built JavaScript, so it also covers what esbuild bundled into
 * dist (fast-xml-parser) and what tsc emitted, not only our TypeScript. Every finding names the file
 * and line. `npm test` builds dist/ before jest runs.
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';

interface Finding {
	file: string;
	line: number;
	column: number;
	rule: string;
	message: string;
}

const root = path.resolve(__dirname, '..', '..');
const scanner = path.join(__dirname, 'scanDist.mjs');

function scan(folder: string): Finding[] {
	const out = execFileSync(process.execPath, [scanner, folder], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
	return JSON.parse(out) as Finding[];
}

const describeFinding = (f: Finding): string => `${f.file}:${f.line}:${f.column} ${f.rule}: ${f.message}`;

// ESLint over ~100 files in a child process: seconds alone, much longer on a busy 2-core machine.
jest.setTimeout(300_000);

describe('dist/ passes what n8n Cloud scans for', () => {
	it('has no restricted global, module, process.env or dynamic require in any built file', () => {
		const dist = path.join(root, 'dist');
		expect(existsSync(path.join(dist, 'nodes'))).toBe(true);
		const findings = scan(dist);
		// Names every offending file and line in the failure message.
		expect(findings.map(describeFinding)).toEqual([]);
	});

	describe('the scan itself', () => {
		let dir: string;
		beforeAll(() => {
			dir = mkdtempSync(path.join(tmpdir(), 'dist-scan-'));
			mkdirSync(path.join(dir, 'nodes', 'Bad'), { recursive: true });
			writeFileSync(
				path.join(dir, 'nodes', 'Bad', 'Bad.node.js'),
				[
					'"use strict";',
					'const fs = require("fs");',
					'console.log("hello");',
					'setTimeout(() => undefined, 10);',
					'setInterval(() => undefined, 10);',
					'const g = globalThis;',
					'const key = process.env.SECRET;',
					'const name = "x" + g;',
					'const m = require(name);',
					'const ok = require("n8n-workflow");',
					'module.exports = { fs, key, m, ok, label: { console: 1 }.console };',
				].join('\n'),
			);
		});
		afterAll(() => rmSync(dir, { recursive: true, force: true }));

		it('reports each rejected construct with its file and line, and nothing that is allowed', () => {
			const findings = scan(dir);
			const at = (line: number) => findings.filter((f) => f.line === line).map((f) => f.message).join(' | ');
			expect(findings.every((f) => f.file === path.join('nodes', 'Bad', 'Bad.node.js'))).toBe(true);
			expect(at(2)).toMatch(/fs/);
			expect(at(3)).toMatch(/console/i);
			expect(at(4)).toMatch(/setTimeout/);
			expect(at(5)).toMatch(/setInterval/);
			expect(at(6)).toMatch(/globalThis/);
			expect(at(7)).toMatch(/process\.env/);
			expect(at(9)).toMatch(/Dynamic require/);
			expect(at(1)).toBe('');
			expect(at(8)).toBe('');
			expect(at(10)).toBe('');
			expect(at(11)).toBe('');
		});
	});
});
