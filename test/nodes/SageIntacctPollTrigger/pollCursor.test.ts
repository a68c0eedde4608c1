/** The poll cursor's arithmetic on Intacct timestamps, and what the node tells users about cost. */
import { advance, windowStart } from '../../../nodes/SageIntacctPollTrigger/pollCursor';
// The poll's timestamp arithmetic now lives in records/dates (one converter); same assertions.
import { intacctTimestampFromMs as formatTimestamp, intacctTimestampMs as timestampMs } from '../../../nodes/shared/intacct/records/dates';
import { selectFields } from '../../../nodes/SageIntacctPollTrigger/pollSettings';
import { SageIntacctPollTrigger } from '../../../nodes/SageIntacctPollTrigger/SageIntacctPollTrigger.node';

const minute = 60_000;

it('round-trips Intacct timestamps and looks back across midnight and month ends', () => {
	expect(formatTimestamp(timestampMs('03/01/2026 00:02:00')!)).toBe('03/01/2026 00:02:00');
	expect(windowStart({ cursor: '03/01/2026 00:02:00', seen: [] }, 5 * minute)).toBe('02/28/2026 23:57:00');
	expect(windowStart({ seen: [] }, 5 * minute)).toBeUndefined();
});

it('moves the cursor to the newest emitted record only, and forgets keys older than the window', () => {
	const state = { cursor: '03/01/2026 10:00:00', seen: ['1@03/01/2026 09:50:00', '2@03/01/2026 09:58:00'] };
	const next = advance(state, [{ recordNo: '3', whenModified: '03/01/2026 10:04:00' }, { recordNo: '4', whenModified: '03/01/2026 09:59:00' }], 5 * minute);
	expect(next.cursor).toBe('03/01/2026 10:04:00');
	expect(next.seen.sort()).toEqual(['3@03/01/2026 10:04:00', '4@03/01/2026 09:59:00']);
	expect(advance(next, [], 5 * minute).cursor).toBe('03/01/2026 10:04:00');
	expect(advance(next, [{ recordNo: '5', whenModified: '03/01/2026 08:00:00' }], 5 * minute).cursor).toBe('03/01/2026 10:04:00');
});

it('always selects RECORDNO, WHENCREATED and WHENMODIFIED', () => {
	expect(selectFields('VENDOR', 'vendorid, name')).toEqual(['RECORDNO', 'WHENCREATED', 'WHENMODIFIED', 'VENDORID', 'NAME']);
	expect(selectFields('GLENTRY', '')).toEqual(expect.arrayContaining(['ACCOUNTNO', 'AMOUNT', 'WHENMODIFIED']));
});

it('tells users what a poll interval costs in API transactions', () => {
	const notice = new SageIntacctPollTrigger().description.properties.find((p) => p.name === 'costNotice');
	expect(notice?.displayName).toMatch(/43,200/);
	expect(notice?.displayName).toMatch(/2,880/);
	expect(notice?.displayName).toMatch(/100,000/);
});
