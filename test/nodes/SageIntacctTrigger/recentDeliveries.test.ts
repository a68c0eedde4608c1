import { RecentDeliveries, recentDeliveriesFor } from '../../../nodes/SageIntacctTrigger/recentDeliveries';

describe('recent deliveries of one trigger node', () => {
	it('lets one request claim a key; a copy in flight or finished is refused', () => {
		const recent = new RecentDeliveries();
		expect(recent.begin('a')).toBe(true);
		expect(recent.state('a')).toBe('inFlight');
		expect(recent.begin('a')).toBe(false);
		recent.finish('a');
		expect(recent.state('a')).toBe('finished');
		expect(recent.begin('a')).toBe(false);
	});

	it('forgets an abandoned key so that Intacct\'s retry can run it', () => {
		const recent = new RecentDeliveries();
		recent.begin('b');
		recent.abandon('b');
		expect(recent.state('b')).toBe('new');
		expect(recent.begin('b')).toBe(true);
	});

	it('keeps the newest 2,000 finished keys', () => {
		const recent = new RecentDeliveries();
		for (let i = 0; i < 2001; i++) {
			recent.begin(`k${i}`);
			recent.finish(`k${i}`);
		}
		expect(recent.state('k0')).toBe('new');
		expect(recent.state('k1')).toBe('finished');
		expect(recent.state('k2000')).toBe('finished');
	});

	it('is shared by requests to the same workflow and node, separate otherwise', () => {
		expect(recentDeliveriesFor('wf-1', 'node-1')).toBe(recentDeliveriesFor('wf-1', 'node-1'));
		expect(recentDeliveriesFor('wf-1', 'node-1')).not.toBe(recentDeliveriesFor('wf-1', 'node-2'));
		expect(recentDeliveriesFor('wf-1', 'node-1')).not.toBe(recentDeliveriesFor('wf-2', 'node-1'));
	});
});
