/**
 * The Get Many filter builders: the condition of a filter that is set, written as readByQuery wants
 * it (§4.2), nothing for one left empty, and an item error naming the field for a date that is not one.
 */
import { anyOfFilter, dateRangeFilter, equalsFilter, statesFilter } from '../../../../../nodes/shared/intacct/n8n/filters';

describe('equalsFilter', () => {
	it('quotes the value (apostrophe escaped) and gives nothing for an empty filter', () => {
		expect(equalsFilter('FINANCIALENTITY', 'BOA-OP')).toEqual(["FINANCIALENTITY = 'BOA-OP'"]);
		expect(equalsFilter('PAYEE', "O'Hara")).toEqual(["PAYEE = 'O\\'Hara'"]);
		expect(equalsFilter('RECORDID', 1234)).toEqual(["RECORDID = '1234'"]);
		expect(equalsFilter('RECORDID', '')).toEqual([]);
		expect(equalsFilter('RECORDID', undefined)).toEqual([]);
	});
});

describe('anyOfFilter', () => {
	it('one ID is an equality, several an IN list; blanks between commas are dropped', () => {
		expect(anyOfFilter('VENDORID', 'V-100')).toEqual(["VENDORID = 'V-100'"]);
		expect(anyOfFilter('VENDORID', ' V-100 , ,V-107')).toEqual(["VENDORID IN ('V-100','V-107')"]);
		expect(anyOfFilter('CUSTOMERID', ['C-1', 'C-2'])).toEqual(["CUSTOMERID IN ('C-1','C-2')"]);
		expect(anyOfFilter('CUSTOMERID', ' , ')).toEqual([]);
		expect(anyOfFilter('CUSTOMERID', undefined)).toEqual([]);
	});
});

describe('statesFilter', () => {
	it('the codes chosen, as they are', () => {
		expect(statesFilter(['V'])).toEqual(["STATE = 'V'"]);
		expect(statesFilter(['A', 'C'])).toEqual(["STATE IN ('A','C')"]);
		expect(statesFilter([])).toEqual([]);
		expect(statesFilter(undefined)).toEqual([]);
	});
});

describe('dateRangeFilter', () => {
	it('both ends included, on the field named, as mm/dd/yyyy', () => {
		expect(dateRangeFilter('F', 'WHENCREATED', { startDate: '2026-11-01', endDate: '2026-11-30' })).toEqual(["WHENCREATED >= '11/01/2026'", "WHENCREATED <= '11/30/2026'"]);
		expect(dateRangeFilter('F', 'BATCH_DATE', { endDate: '2026-03-31' })).toEqual(["BATCH_DATE <= '03/31/2026'"]);
		expect(dateRangeFilter('F', 'WHENCREATED', {})).toEqual([]);
	});

	it('a date that is not one fails the item, naming the field', () => {
		expect(() => dateRangeFilter('AP payment filter (item 2)', 'WHENCREATED', { startDate: '2026-11-01', endDate: 'soon' })).toThrow(
			/^AP payment filter \(item 2\), field "endDate": /,
		);
	});
});
