/**
 * The poll trigger's panel estimates come from the cost meter's own counting (pollCost.ts): one
 * read per `query` page of changed records, at least one per poll; the event queue's list is a read
 * and its acknowledgement a write.
 */
import { eventQueueCostNotice, eventQueuePollCost, monthlyTransactions, pollCostNotice, readsPerPoll, recordsPollCost } from '../../../nodes/SageIntacctPollTrigger/pollCost';

it('a Changed Records poll is one read per page of up to 2,000 records, at least one', () => {
	expect(recordsPollCost(0).snapshot()).toEqual({ requests: 1, signIn: 0, read: 1, write: 0 });
	expect(readsPerPoll(2000)).toBe(1);
	expect(readsPerPoll(2001)).toBe(2);
	expect(readsPerPoll(6, 2)).toBe(3);
	expect(monthlyTransactions(1)).toBe(43_200);
	expect(monthlyTransactions(60, 4000)).toBe(1_440);
});

it('an Event Queue poll is one list (read), plus one acknowledgement (write) after a poll that emitted', () => {
	expect(eventQueuePollCost(false).snapshot()).toEqual({ requests: 1, signIn: 0, read: 1, write: 0 });
	expect(eventQueuePollCost(true).snapshot()).toEqual({ requests: 2, signIn: 0, read: 1, write: 1 });
});

it('the panel notices state the counted figures', () => {
	expect(pollCostNotice()).toMatch(/every minute costs about 43,200 transactions a month, every 5 minutes about 8,640, every 15 minutes about 2,880, hourly about 720/);
	expect(eventQueueCostNotice()).toMatch(/^Cost: 1 API transaction per poll \(the list\), 2 after a poll that emitted events/);
});
