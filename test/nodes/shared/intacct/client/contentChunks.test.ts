import { BOUNDARY_EVERY, MAX_COMPOSITE, contentChunks, isBoundary } from '../../../../../nodes/shared/intacct/client/contentChunks';

const keys = (from: number, to: number): string[] => Array.from({ length: to - from }, (_, n) => `n8n-create-doc-${from + n}`);
/** The chunks as lists of keys (what a composite request carries). */
const chunked = (list: string[]): string[][] => contentChunks(list).map((chunk) => chunk.map((n) => list[n]));
const asText = (chunks: string[][]): Set<string> => new Set(chunks.map((c) => c.join(',')));

describe('contentChunks: composite requests cut by the documents\' keys', () => {
	test('every document once, in order, chunks of 1 to 10, a chunk ends at a boundary key or at 10', () => {
		const list = keys(0, 500);
		const chunks = contentChunks(list);
		expect(chunks.flat()).toEqual(list.map((_, n) => n));
		for (const chunk of chunks.slice(0, -1)) {
			expect(chunk.length).toBeGreaterThanOrEqual(1);
			expect(chunk.length).toBeLessThanOrEqual(MAX_COMPOSITE);
			const last = list[chunk[chunk.length - 1]];
			expect(chunk.length === MAX_COMPOSITE || isBoundary(last)).toBe(true);
			for (const n of chunk.slice(0, -1)) expect(isBoundary(list[n])).toBe(false);
		}
		// About one boundary in BOUNDARY_EVERY keys: 500 documents make far fewer than 500 requests.
		expect(chunks.length).toBeLessThan(500 / 4);
		expect(chunks.length).toBeGreaterThan(500 / MAX_COMPOSITE);
	});

	test('a document inserted in the middle changes only the chunks from its own up to the next boundary key', () => {
		const before = keys(0, 300);
		const at = 150;
		const after = [...before.slice(0, at), 'n8n-create-inserted', ...before.slice(at)];
		const was = asText(chunked(before));
		const now = chunked(after);
		// Up to the chunk holding the new document nothing moved; from the first boundary key after it on, nothing either.
		const own = now.findIndex((c) => c.includes('n8n-create-inserted'));
		const nextBoundary = after.findIndex((k, n) => n >= at && isBoundary(k));
		const resync = now.findIndex((c) => c.includes(after[nextBoundary]));
		now.forEach((c, n) => expect([n, was.has(c.join(','))]).toEqual([n, n < own || n > resync]));
		expect(resync - own).toBeLessThanOrEqual(4);
	});

	test('a document removed, or one more at the end, changes only the chunks around it', () => {
		const before = keys(0, 300);
		const removed = [...before.slice(0, 90), ...before.slice(91)];
		const appended = [...before, 'n8n-create-appended'];
		const was = asText(chunked(before));
		expect(chunked(removed).filter((c) => !was.has(c.join(','))).length).toBeLessThanOrEqual(5);
		const changedByAppend = chunked(appended).filter((c) => !was.has(c.join(',')));
		expect(changedByAppend).toHaveLength(1);
		expect(changedByAppend[0]).toContain('n8n-create-appended');
	});

	test('the boundary depends only on the key (about 1 in BOUNDARY_EVERY)', () => {
		const list = keys(0, 4000);
		const boundaries = list.filter((k) => isBoundary(k)).length;
		expect(boundaries).toBeGreaterThan(4000 / BOUNDARY_EVERY / 1.5);
		expect(boundaries).toBeLessThan((4000 / BOUNDARY_EVERY) * 1.5);
		expect(list.map((k) => isBoundary(k))).toEqual(list.map((k) => isBoundary(k)));
	});
});
