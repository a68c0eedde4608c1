/**
 * The bench's notes under the tables (bench/runBenchmarks.ts explain): a row measured on a sample of
 * items and scaled to the scenario size is compared with the floor of that size, per item of it.
 */
import { explain } from '../../bench/runBenchmarks';
import type { BenchReport, WriteMeasurement } from '../../bench/results';

const sampled: WriteMeasurement = {
	client: 'our node over REST, Keyed Creates: One Request Per Document',
	documents: 'bills',
	items: 200,
	runsMs: [10_844],
	cpuMsRuns: [455],
	requests: 202,
	posted: 200,
	failed: 0,
	floor: { requests: 1001, roundTrips: 501, ms: 50_100 },
	extrapolatedTo: 1000,
};

const report = (writes: WriteMeasurement[]): BenchReport => ({
	startedAt: new Date('2026-12-02T09:29:35Z'),
	command: 'npm run bench',
	options: { sandbox: 'process', latencyMs: 100 },
	writes,
	reads: [],
	parse: [],
	webhook: [],
	notes: [],
});

it('a sampled row: its wall time scaled to 1,000 items, less the floor of 1,000, per item of the 1,000', () => {
	const note = explain(report([sampled])).find((n) => n.includes('above the round-trip floor'));
	// 10,844 ms for 200 scales to 54,220 ms for 1,000; the floor is 50,100 ms: 4.12 ms per item.
	expect(note).toMatch(/^bills \/ our node over REST, Keyed Creates: One Request Per Document: 4\.1 ms per item above/);
	// CPU per item measured (455 ms over the 200 posted); 30 % of the 1,000-item floor per item of the 1,000.
	expect(note).toMatch(/client CPU 2\.3 ms per item\. Within 1\.3x of the floor at 1000 items leaves 15\.0 ms per item\.$/);
});
