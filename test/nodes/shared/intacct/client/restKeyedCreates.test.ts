import { type Sandbox, startSandbox } from '../../../../../sandbox';
import { RestIntacctClient, type RestClientOptions } from '../../../../../nodes/shared/intacct/client/restClient';
import { contentChunks } from '../../../../../nodes/shared/intacct/client/contentChunks';
import { createKeyed } from '../../../../../nodes/shared/intacct/client/restKeyedCreates';
import { create } from '../../../../../nodes/shared/intacct/xml/functions';
import type { BatchOutcome } from '../../../../../nodes/shared/intacct/core/types';
import { sandboxRestClient } from '../../../../support/sandboxRestClient';
import { clientCredentialsToken } from '../../../../sandbox/rest/restClient';

describe('keyed creates over REST: composite requests, every document under its own key (client/restKeyedCreates.ts)', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0 });
	});
	afterAll(() => sandbox.close());

	const client = (extra: Partial<RestClientOptions> = {}): RestIntacctClient => sandboxRestClient(sandbox, extra);
	const key = (id: string): string => `ctl-${id}`;
	const vendor = (id: string, vendorId = id) => create('VENDOR', { VENDORID: vendorId, NAME: `Vendor ${id}`, DISPLAYCONTACT: { PRINTAS: id } }, { controlId: key(id) });
	const ids = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}-${i + 1}`);
	const sent = (name: string): number => sandbox.stats.functions[`rest:${name}`] ?? 0;
	const stored = async (prefix: string): Promise<string[]> => {
		const { result } = await client().request('POST', '/services/core/query', {
			body: { object: 'accounts-payable/vendor', fields: ['id'], filters: [{ $startsWith: { id: `${prefix}-` } }], size: 4000 },
		});
		return (Array.isArray(result) ? result : []).map((r) => String((r as { id: string }).id)).sort();
	};
	const flags = (outcomes: BatchOutcome[]): Array<string> => outcomes.map((o) => (o.ok ? (o.result.duplicate === true ? 'duplicate' : 'posted') : 'failed'));

	test('30 documents go as composite requests (chunks cut by their keys), not 30 requests; a re-run with one more inserted posts only that one and reports the others as duplicates', async () => {
		const list = ids('KC', 30);
		const chunks = contentChunks(list.map(key));
		const composites = chunks.filter((c) => c.length > 1).length;
		expect(composites).toBeGreaterThan(0);
		const rest = client();
		const compositesBefore = sent('POST services/core/composite');
		const first = await rest.executeMany(list.map((id) => vendor(id)));
		expect(flags(first)).toEqual(list.map(() => 'posted'));
		expect(sent('POST services/core/composite') - compositesBefore).toBe(composites);
		// One request per chunk, the token and one read-back of the composites' records.
		expect(rest.stats.requests).toBe(chunks.length + 1);
		expect(rest.stats.tokenRequests).toBe(1);
		expect(await stored('KC')).toEqual([...list].sort());

		// A minute later (audit times are whole seconds), a fresh client as a new n8n execution is.
		sandbox.clock.advance(60_000);
		const again = [...list.slice(0, 15), 'KC-new', ...list.slice(15)];
		const rerun = client();
		const second = await rerun.executeMany(again.map((id) => vendor(id)));
		expect(flags(second)).toEqual(again.map((id) => (id === 'KC-new' ? 'posted' : 'duplicate')));
		expect(second.map((o) => (o.ok ? o.result.key : ''))).toEqual([...first.slice(0, 15), undefined, ...first.slice(15)].map((o) => (o === undefined ? expect.any(String) : o.ok ? o.result.key : '')));
		expect(await stored('KC')).toEqual([...again].sort());
	});

	test('with a token from elsewhere (authorization code: no token answer to read the server clock from), one read gives the clock before the writes', async () => {
		const list = ids('KT', 20);
		const token = await clientCredentialsToken(sandbox);
		const signedElsewhere = () => client({ token: async () => ({ accessToken: token, expiresAt: Number.MAX_SAFE_INTEGER }) });
		const first = signedElsewhere();
		const queries = sent('POST services/core/query');
		await first.executeMany(list.map((id) => vendor(id)));
		// The clock read and the read-back.
		expect(sent('POST services/core/query') - queries).toBe(2);
		expect(first.stats.tokenRequests).toBe(0);
		sandbox.clock.advance(60_000);
		const again = ['KT-0', ...list];
		const second = await signedElsewhere().executeMany(again.map((id) => vendor(id)));
		expect(flags(second)).toEqual(again.map((id) => (id === 'KT-0' ? 'posted' : 'duplicate')));
		expect(await stored('KT')).toEqual([...again].sort());
	});

	test('a refused document in the middle of a composite fails alone with Intacct\'s error; the ones after it are sent again one by one and posted once', async () => {
		const list = ids('KF', 40);
		const chunk = contentChunks(list.map(key)).find((c) => c.length >= 3);
		if (chunk === undefined) throw new Error('no chunk of 3 in 40 keys');
		const bad = chunk[1];
		// V-100 exists: Intacct refuses a second vendor with that ID.
		const fns = list.map((id, n) => (n === bad ? vendor(id, 'V-100') : vendor(id)));
		const singlesBefore = sent('POST accounts-payable/vendor');
		const outcomes = await client().executeMany(fns);
		expect(flags(outcomes)).toEqual(list.map((_, n) => (n === bad ? 'failed' : 'posted')));
		const refused = outcomes[bad];
		// Intacct's own error numbers (ia::error details), as a single POST's refusal carries them.
		expect(refused.ok ? [] : refused.error.errors.map((e) => e.errorNo)).toContain('BL34000061');
		// The documents after the refused one in its composite were not processed: sent again alone.
		expect(sent('POST accounts-payable/vendor') - singlesBefore).toBeGreaterThanOrEqual(chunk.length - 2);
		expect(await stored('KF')).toEqual(list.filter((_, n) => n !== bad).sort());
	});

	test('a composite whose answer is lost is sent again under the same keys and posts nothing twice', async () => {
		const list = ids('KL', 25);
		sandbox.faults.add({ match: { functionName: 'services/core/composite' }, action: { type: 'resetAfterCommit' } });
		const outcomes = await client().executeMany(list.map((id) => vendor(id)));
		expect(sandbox.faults.pending()).toBe(0);
		expect(outcomes.every((o) => o.ok)).toBe(true);
		expect(await stored('KL')).toEqual([...list].sort());
	});

	test('a composite refused as a whole (its outer key with another body: 409) goes again one by one: the unchanged documents replay, the changed one is refused alone', async () => {
		const all = ids('KW', 30).map((id) => `src-${id}`);
		const chunk = contentChunks(all).find((c) => c.length >= 3);
		if (chunk === undefined) throw new Error('no chunk of 3 in 30 keys');
		const keys = chunk.slice(0, 3).map((n) => all[n]);
		const docs = (changed: string) => keys.map((k) => ({ key: k, body: { id: k.slice(4), name: k === keys[1] ? changed : k } }));
		const rest = client();
		const first = await createKeyed(rest, 'company-config/department', docs('Original'));
		expect(first.map((o) => o.ok)).toEqual([true, true, true]);
		const singles = sent('POST company-config/department');
		const second = await createKeyed(rest, 'company-config/department', docs('Changed'));
		expect(second.map((o) => (o.ok ? o.duplicate : o.error.httpStatus))).toEqual([true, 409, true]);
		expect(second.map((o) => (o.ok ? o.element.key : ''))).toEqual([first[0], undefined, first[2]].map((o) => (o?.ok ? o.element.key : '')));
		expect(sent('POST company-config/department') - singles).toBe(3);
	});

	test('One Request Per Document (keyedCreates single): each document alone under its own key, a re-run replayed one by one', async () => {
		const rest = client({ keyedCreates: 'single' });
		const compositesBefore = sent('POST services/core/composite');
		const list = ids('KS', 12);
		const first = await rest.executeMany(list.map((id) => vendor(id)));
		expect(flags(first)).toEqual(list.map(() => 'posted'));
		// One POST per document and one read-back of their webURL.
		expect(rest.stats.requests).toBe(13);
		const again = await client({ keyedCreates: 'single' }).executeMany([...list, 'KS-13'].map((id) => vendor(id)));
		expect(flags(again)).toEqual([...list.map(() => 'duplicate'), 'posted']);
		expect(sent('POST services/core/composite')).toBe(compositesBefore);
		expect(await stored('KS')).toEqual([...list, 'KS-13'].sort());
	});
});
