import { formatUsDate, formatUsTimestamp, fromDateParts, parseUsDate, parseUsTimestamp } from '../../../sandbox/model/dates';
import { parseLegacyQuery, QuerySyntaxError } from '../../../sandbox/model/reads/legacy-query-parser';

describe('dates (§5.6, §12.23)', () => {
	it('accepts padded and un-padded US dates and rejects impossible ones', () => {
		expect(parseUsDate('06/30/2025')).toBe('2025-06-30');
		expect(parseUsDate('6/3/2025')).toBe('2025-06-03');
		expect(parseUsDate('02/29/2024')).toBe('2024-02-29');
		expect(parseUsDate('02/29/2025')).toBeNull();
		expect(parseUsDate('2025-06-30')).toBeNull();
		expect(parseUsTimestamp('06/01/2024 7:05:09')).toBe('2024-06-01 07:05:09');
		expect(parseUsTimestamp('06/01/2024')).toBe('2024-06-01 00:00:00');
		expect(parseUsTimestamp('06/01/2024 25:00:00')).toBeNull();
		expect(fromDateParts('2024', '6', '3')).toBe('2024-06-03');
		expect(formatUsDate('2024-06-03')).toBe('06/03/2024');
		expect(formatUsTimestamp('2024-06-03 17:04:05')).toBe('06/03/2024 17:04:05');
	});
});

describe('readByQuery query string parser (§4.2)', () => {
	it('binds AND tighter than OR and handles NOT, IN, LIKE, IS NULL and escapes', () => {
		expect(parseLegacyQuery("A = '1' OR B = 'x\\'y' AND NOT C IS NOT NULL")).toEqual({
			kind: 'or',
			children: [
				{ kind: 'compare', field: 'A', op: '=', value: '1' },
				{ kind: 'and', children: [{ kind: 'compare', field: 'B', op: '=', value: "x'y" }, { kind: 'not', child: { kind: 'null', field: 'C', negated: true } }] },
			],
		});
		expect(parseLegacyQuery("x not like 'a%' and y not in (1, '2') and z <> 3")).toEqual({
			kind: 'and',
			children: [
				{ kind: 'like', field: 'X', pattern: 'a%', negated: true },
				{ kind: 'in', field: 'Y', values: ['1', '2'], negated: true },
				{ kind: 'compare', field: 'Z', op: '!=', value: '3' },
			],
		});
		expect(parseLegacyQuery('  ')).toBeNull();
	});

	it('reports syntax errors', () => {
		for (const bad of ["A = 'open", 'A =', '(A = 1', "A IN ('x'", 'A ~ 1', 'AND A = 1']) {
			expect(() => parseLegacyQuery(bad)).toThrow(QuerySyntaxError);
		}
	});
});
