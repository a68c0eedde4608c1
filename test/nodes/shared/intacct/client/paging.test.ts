import { query, readByQuery } from '../../../../../nodes/shared/intacct/xml/functions';
import type { IntacctRecord } from '../../../../../nodes/shared/intacct/core/types';
import { collectErrors, useClientFixture } from '../../../../support/sandboxClient';

const fx = useClientFixture();

async function all(iterable: AsyncIterable<IntacctRecord[]>): Promise<IntacctRecord[][]> {
	const pages: IntacctRecord[][] = [];
	for await (const page of iterable) pages.push(page);
	return pages;
}

async function totalGlEntries(): Promise<number> {
	const [first] = await fx.client().executeBatch([readByQuery({ object: 'GLENTRY', fields: ['RECORDNO'], pageSize: 1 })]);
	return first.totalCount ?? 0;
}

describe('paging', () => {
	it('keeps paging to the end when the session expires mid-run (signs in again, same resultId)', async () => {
		const total = await totalGlEntries();
		const pageSize = Math.ceil(total / 4);
		fx.sandbox.stats.reset();
		fx.sandbox.faults.add({ match: { functionName: 'readMore', fromRequest: 2 }, action: { type: 'expireSessions' } });
		const records = (await all(fx.client().pages(readByQuery({ object: 'GLENTRY', fields: ['RECORDNO'], pageSize })))).flat();
		expect(new Set(records.map((r) => r.RECORDNO)).size).toBe(total);
		expect(fx.sandbox.faults.pending()).toBe(0);
		expect(fx.sandbox.stats.functions.getAPISession).toBe(1);
	});

	it('runs the query again when the readMore result set expired mid-run: every record once, none twice', async () => {
		const total = await totalGlEntries();
		const pageSize = Math.ceil(total / 4);
		fx.sandbox.stats.reset();
		fx.sandbox.faults.add({ match: { functionName: 'readMore', fromRequest: 2 }, action: { type: 'expireResultIds' } });
		const records = (await all(fx.client().pages(readByQuery({ object: 'GLENTRY', fields: ['RECORDNO'], pageSize })))).flat();
		expect(records).toHaveLength(total);
		expect(new Set(records.map((r) => r.RECORDNO)).size).toBe(total);
		expect(fx.sandbox.stats.functions.readByQuery).toBe(2);
	});

	it('fails loudly, never silently short, when the readMore result set keeps expiring', async () => {
		const total = await totalGlEntries();
		const pageSize = Math.ceil(total / 4);
		fx.sandbox.faults.add({ match: { functionName: 'readMore', fromRequest: 2 }, action: { type: 'expireResultIds' }, times: Infinity });
		const seen: IntacctRecord[] = [];
		const failure = await collectErrors(
			(async () => {
				for await (const page of fx.client().pages(readByQuery({ object: 'GLENTRY', fields: ['RECORDNO'], pageSize }))) seen.push(...page);
			})(),
		);
		expect(failure).toMatchObject({ kind: 'result', functionName: 'readMore', transient: false });
		expect((failure as Error).message).toMatch(/^Intacct rejected the request: Query Failed/);
		expect((failure as { description: string }).description).toMatch(/run again 3 times/);
		// What was delivered before the failure was delivered once.
		expect(seen.length).toBe(2 * pageSize);
		expect(new Set(seen.map((r) => r.RECORDNO)).size).toBe(2 * pageSize);
	});

	it('pages a readByQuery to the end with readMore', async () => {
		const total = await totalGlEntries();
		expect(total).toBeGreaterThan(20);
		fx.sandbox.stats.reset();
		const pageSize = Math.ceil(total / 4);
		const pages = await all(fx.client().pages(readByQuery({ object: 'GLENTRY', fields: ['RECORDNO'], pageSize })));
		const records = pages.flat();
		expect(records).toHaveLength(total);
		expect(new Set(records.map((r) => r.RECORDNO)).size).toBe(total);
		expect(fx.sandbox.stats.functions.readMore).toBe(Math.ceil(total / pageSize) - 1);
	});

	it('defaults readByQuery pages to 1000', async () => {
		const pages = fx.client().pages(readByQuery({ object: 'GLENTRY', fields: ['RECORDNO'] }));
		for await (const _page of pages) break;
		expect(fx.sent.at(-1)).toContain('<pagesize>1000</pagesize>');
	});

	it('stops when the consumer breaks: no further requests', async () => {
		const client = fx.client();
		let seen = 0;
		for await (const page of client.pages(readByQuery({ object: 'GLENTRY', fields: ['RECORDNO'], pageSize: 5 }))) {
			seen += page.length;
			break;
		}
		expect(seen).toBe(5);
		expect(fx.sandbox.stats.functions.readMore ?? 0).toBe(0);
	});

	it('honours limit: trims the last page and stops asking', async () => {
		const pages = await all(fx.client().pages(readByQuery({ object: 'GLENTRY', fields: ['RECORDNO'], pageSize: 5 }), { limit: 12 }));
		expect(pages.map((p) => p.length)).toEqual([5, 5, 2]);
		expect(fx.sandbox.stats.functions.readMore).toBe(2);
	});

	it('asks for no more rows than the limit', async () => {
		const pages = await all(fx.client().pages(readByQuery({ object: 'GLENTRY', fields: ['RECORDNO'] }), { limit: 3 }));
		expect(pages.flat()).toHaveLength(3);
		expect(fx.sent.at(-1)).toContain('<pagesize>3</pagesize>');
	});

	it('pages a query that selects RECORDNO by keyset (rows after the last RECORDNO), not by offset', async () => {
		// query hides private entity records at the top level (§8), so count with query itself.
		const [first] = await fx.client().executeBatch([query({ object: 'GLENTRY', select: ['RECORDNO'], pageSize: 1 })]);
		const total = first.totalCount ?? 0;
		expect(total).toBeGreaterThan(20);
		fx.sandbox.stats.reset();
		const pageSize = Math.ceil(total / 3);
		const fn = query({ object: 'GLENTRY', select: ['RECORDNO'], orderBy: [{ field: 'RECORDNO' }], pageSize });
		const records = (await all(fx.client().pages(fn))).flat();
		expect(records).toHaveLength(total);
		expect(new Set(records.map((r) => r.RECORDNO)).size).toBe(total);
		expect(fx.sandbox.stats.functions.query).toBe(Math.ceil(total / pageSize));
		expect(fx.sent.some((body) => body.includes('<offset>'))).toBe(false);
		expect(fx.sent.some((body) => /<greaterthan>\s*<field>RECORDNO<\/field>/.test(body))).toBe(true);
	});

	it('pages a query by offset when it cannot be keyset-paged (RECORDNO not selected)', async () => {
		const [first] = await fx.client().executeBatch([query({ object: 'GLENTRY', select: ['LINE_NO'], pageSize: 1 })]);
		const total = first.totalCount ?? 0;
		fx.sandbox.stats.reset();
		const pageSize = Math.ceil(total / 3);
		const fn = query({ object: 'GLENTRY', select: ['LINE_NO'], pageSize });
		const records = (await all(fx.client().pages(fn))).flat();
		expect(records).toHaveLength(total);
		expect(fx.sandbox.stats.functions.query).toBe(Math.ceil(total / pageSize));
		expect(fx.sent.some((body) => body.includes(`<offset>${pageSize}</offset>`))).toBe(true);
	});

	it('a query with a limit stops early', async () => {
		const fn = query({ object: 'GLENTRY', select: ['RECORDNO'], orderBy: [{ field: 'RECORDNO' }], pageSize: 4 });
		const pages = await all(fx.client().pages(fn, { limit: 6 }));
		expect(pages.map((p) => p.length)).toEqual([4, 2]);
		expect(fx.sandbox.stats.functions.query).toBe(2);
	});
});
