/**
 * docs/resilience.md is the fault matrix as a table: it must list every fault the tests inject
 * (faultMatrix.ts), each with a row.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FAULTS } from './faultMatrix';

const page = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'resilience.md'), 'utf8');
const rows = page.split('\n').filter((line) => line.startsWith('| `'));

describe('docs/resilience.md', () => {
	it.each(FAULTS.map((f) => [f.id] as const))('has a matrix row for %s', (id) => {
		expect(rows.filter((row) => row.startsWith(`| \`${id}\``))).toHaveLength(1);
	});

	it('has no row for a fault the tests do not inject', () => {
		const ids = rows.map((row) => /^\| `([^`]+)`/.exec(row)?.[1]);
		expect(ids.sort()).toEqual(FAULTS.map((f) => f.id).sort());
	});

	it('names the test files that hold the cells', () => {
		for (const file of ['clientReads.test.ts', 'clientWrites.test.ts', 'node.test.ts']) {
			expect(page).toContain(`test/resilience/${file}`);
			expect(fs.existsSync(path.join(__dirname, file))).toBe(true);
		}
	});
});
