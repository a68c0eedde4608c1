/** records/dates.ts: the one place dates and timestamps are converted to and from Intacct's text. */
import {
	DateInputError,
	intacctTimestampFromMs,
	intacctTimestampMs,
	intacctToIso,
	toIntacctDate,
	toIntacctTimestamp,
} from '../../../../../nodes/shared/intacct/records/dates';

describe('toIntacctDate', () => {
	it('writes mm/dd/yyyy from ISO text, US text, a Date and a Luxon-like DateTime', () => {
		expect(toIntacctDate('2026-02-28')).toBe('02/28/2026');
		expect(toIntacctDate('2026-02-28T23:10:00Z')).toBe('02/28/2026');
		expect(toIntacctDate('2/3/2026')).toBe('02/03/2026');
		expect(toIntacctDate(new Date(Date.UTC(2026, 0, 5)))).toBe('01/05/2026');
		expect(toIntacctDate({ isValid: true, toISODate: () => '2026-07-04', toFormat: () => '' })).toBe('07/04/2026');
	});

	it('refuses impossible and ambiguous dates with a reason', () => {
		expect(() => toIntacctDate('2026-02-30')).toThrow(DateInputError);
		expect(() => toIntacctDate('2026-02-30')).toThrow(/not a real date/);
		expect(() => toIntacctDate('2/3/26')).toThrow(/two-digit year/);
		expect(() => toIntacctDate('yesterday')).toThrow(/not a date/);
	});
});

describe('toIntacctTimestamp', () => {
	it('writes mm/dd/yyyy HH:MM:SS; a date alone is its midnight', () => {
		expect(toIntacctTimestamp('2026-03-01T07:05')).toBe('03/01/2026 07:05:00');
		expect(toIntacctTimestamp('2026-03-01')).toBe('03/01/2026 00:00:00');
		expect(() => toIntacctTimestamp('2026-03-01T25:00')).toThrow(/impossible time/);
	});
});

describe('intacctToIso', () => {
	it('reads Intacct output (padded or not) as ISO without inventing a zone, and leaves other text alone', () => {
		expect(intacctToIso('06/30/2026')).toBe('2026-06-30');
		expect(intacctToIso('6/3/2026 9:05')).toBe('2026-06-03T09:05:00');
		expect(intacctToIso('06/30/2026 14:01:02')).toBe('2026-06-30T14:01:02');
		expect(intacctToIso('not a date')).toBe('not a date');
	});
});

describe('intacctTimestampMs / intacctTimestampFromMs', () => {
	it('orders Intacct times and round-trips them', () => {
		const a = intacctTimestampMs('02/28/2026 23:59:59');
		const b = intacctTimestampMs('3/1/2026 0:00:00');
		expect(a).toBeDefined();
		expect(b! - a!).toBe(1000);
		expect(intacctTimestampFromMs(b!)).toBe('03/01/2026 00:00:00');
		expect(intacctTimestampMs('06/30/2026')).toBe(intacctTimestampMs('06/30/2026 00:00:00'));
	});

	it('is undefined for text that is not an Intacct date', () => {
		expect(intacctTimestampMs('2026-06-30')).toBeUndefined();
		expect(intacctTimestampMs('')).toBeUndefined();
	});
});
