/**
 * entryFilters.ts: the webhook trigger's optional GL entry filters (accounts, journal, dimensions,
 * a user-defined dimension), each a comma-separated list of IDs where `X*` matches by prefix.
 */
import { FILTER_FIELDS, failedFilter, needsJournal, parseIdList } from '../../../nodes/SageIntacctTrigger/entryFilters';
import { DIMENSIONS } from '../../../nodes/shared/intacct/records/dimensions';

const entry: Record<string, string> = {
	RECORDNO: '5501',
	ACCOUNTNO: '6000',
	JOURNAL: 'GJ',
	DEPARTMENT: 'PROG',
	LOCATION: '100',
	PROJECTID: 'P-7',
	CLASSID: '',
	GLDIMFUNDINGSOURCE: '10001',
};

describe('parseIdList', () => {
	it('splits on commas, trims and drops empty pieces', () => {
		expect(parseIdList(' 6000, 61* ,,  7000 ')).toEqual(['6000', '61*', '7000']);
		expect(parseIdList('')).toEqual([]);
		expect(parseIdList(' , ')).toEqual([]);
	});
});

describe('failedFilter', () => {
	it('passes an entry when no filter is set (absent, empty or only commas)', () => {
		expect(failedFilter(entry, {}, '')).toBeUndefined();
		expect(failedFilter(entry, { accounts: '', departments: ' , ' }, '')).toBeUndefined();
	});

	it('matches exact IDs in a list and names the field of the first filter that fails', () => {
		expect(failedFilter(entry, { accounts: '5000, 6000' }, '')).toBeUndefined();
		expect(failedFilter(entry, { accounts: '5000,7000' }, '')).toBe('ACCOUNTNO');
		expect(failedFilter(entry, { accounts: '6000', departments: 'ADMIN' }, '')).toBe('DEPARTMENT');
		expect(failedFilter(entry, { accounts: '600' }, '')).toBe('ACCOUNTNO'); // exact, not substring
	});

	it('matches by prefix for an ID ending in *', () => {
		expect(failedFilter(entry, { accounts: '6*' }, '')).toBeUndefined();
		expect(failedFilter(entry, { accounts: '60*' }, '')).toBeUndefined();
		expect(failedFilter(entry, { accounts: '61*' }, '')).toBe('ACCOUNTNO');
		expect(failedFilter(entry, { projects: 'P-*' }, '')).toBeUndefined();
	});

	it('requires every filter that is set to match', () => {
		expect(failedFilter(entry, { accounts: '6*', journals: 'GJ', departments: 'PROG', locations: '1*', projects: 'P-7' }, '')).toBeUndefined();
		expect(failedFilter(entry, { accounts: '6*', journals: 'APJ' }, '')).toBe('JOURNAL');
	});

	it('treats a missing or empty field as no value: only a bare * matches it', () => {
		expect(failedFilter(entry, { classes: 'C1' }, '')).toBe('CLASSID');
		expect(failedFilter(entry, { customers: 'C-1' }, '')).toBe('CUSTOMERID');
		expect(failedFilter(entry, { classes: '*' }, '')).toBeUndefined();
	});

	it('compares trimmed values, case-sensitively as Intacct IDs are', () => {
		expect(failedFilter({ ...entry, ACCOUNTNO: ' 6000 ' }, { accounts: '6000' }, '')).toBeUndefined();
		expect(failedFilter(entry, { departments: 'prog' }, '')).toBe('DEPARTMENT');
	});

	it('filters on the user-defined dimension named in the trigger, under its GLDIM field', () => {
		expect(failedFilter(entry, { userDimensionValues: '10001' }, 'FUNDINGSOURCE')).toBeUndefined();
		expect(failedFilter(entry, { userDimensionValues: '10002' }, 'FUNDINGSOURCE')).toBe('GLDIMFUNDINGSOURCE');
		expect(failedFilter(entry, { userDimensionValues: '10002' }, 'gldimFundingSource')).toBe('GLDIMFUNDINGSOURCE');
		// No dimension named: its values filter nothing.
		expect(failedFilter(entry, { userDimensionValues: '10002' }, '  ')).toBeUndefined();
	});

	it('ignores parameters that are not text (n8n leaves unset collection fields out or undefined)', () => {
		expect(failedFilter(entry, { accounts: undefined, departments: 5 as unknown as string }, '')).toBeUndefined();
	});
});

describe('FILTER_FIELDS', () => {
	it('reads each standard dimension from its GLENTRY element', () => {
		const byElement = new Set(Object.values(FILTER_FIELDS));
		for (const dimension of DIMENSIONS) expect(byElement).toContain(dimension.glEntry);
		expect(FILTER_FIELDS.accounts).toBe('ACCOUNTNO');
		expect(FILTER_FIELDS.journals).toBe('JOURNAL');
	});
});

describe('needsJournal', () => {
	it('is true only when the journal filter names at least one journal', () => {
		expect(needsJournal({ journals: 'GJ' })).toBe(true);
		expect(needsJournal({ journals: ' , ' })).toBe(false);
		expect(needsJournal({ journals: '' })).toBe(false);
		expect(needsJournal({ accounts: '6000' })).toBe(false);
	});
});
