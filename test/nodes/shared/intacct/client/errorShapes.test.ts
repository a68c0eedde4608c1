import { create, readByName, readByQuery } from '../../../../../nodes/shared/intacct/xml/functions';
import { IntacctError } from '../../../../../nodes/shared/intacct/core/errors';
import { collectErrors, departments, useClientFixture } from '../../../../support/sandboxClient';
import type { HttpPost } from '../../../../../nodes/shared/intacct/core/types';
import { HAND_WRITTEN_HEADER } from '../../../../support/requestSchema/requestSink';

const fx = useClientFixture();

async function failWith(promise: Promise<unknown>): Promise<IntacctError> {
	const error = await collectErrors(promise);
	expect(error).toBeInstanceOf(IntacctError);
	return error as IntacctError;
}

describe('error shapes (§3)', () => {
	it('control failure: wrong sender password', async () => {
		const error = await failWith(fx.client({}, { senderPassword: 'nope' }).execute(departments()));
		expect(error).toMatchObject({ kind: 'control', transient: false });
		expect(error.errors[0].errorNo).toBe('XL03000006');
		expect(error.message).toMatch(/^Intacct refused the request before running it: XL03000006 Incorrect Intacct XML Partner ID or password/);
		expect(error.description).toContain('Sender ID');
	});

	it('authentication failure: sender not authorised for the company', async () => {
		const error = await failWith(fx.client({}, { senderId: 'unauthorised_partner', senderPassword: 'partner-secret' }).execute(departments()));
		expect(error.kind).toBe('authentication');
		expect(error.description).toContain('Web Services Authorization');
	});

	it('result failure: execute throws, executeBatch returns the failed result', async () => {
		const client = fx.client();
		const bad = readByQuery({ object: 'NOSUCHOBJECT' });
		const error = await failWith(client.execute(bad));
		expect(error).toMatchObject({ kind: 'result', functionName: 'readByQuery' });
		expect(error.message).toMatch(/^Intacct rejected the request: /);
		const [result] = await client.executeBatch([bad]);
		expect(result.status).toBe('failure');
		expect(result.errors.length).toBeGreaterThan(0);
	});

	it('transaction aborted: every function of the request fails with the rollback errors', async () => {
		const client = fx.client();
		const good = create('VENDOR', { VENDORID: 'TX-OK-1', NAME: 'Rolled back', DISPLAYCONTACT: { PRINTAS: 'Rolled back' } });
		const bad = create('APBILL', { VENDORID: 'NO-SUCH-VENDOR', WHENCREATED: '06/15/2024', WHENDUE: '07/15/2024', APBILLITEMS: { APBILLITEM: { ACCOUNTNO: '6220', TRX_AMOUNT: '1' } } });
		const outcomes = await client.executeMany([good, bad], { transaction: true });
		expect(outcomes.map((o) => o.ok)).toEqual([false, false]);
		for (const outcome of outcomes) {
			if (outcome.ok) throw new Error('unexpected success');
			expect(outcome.error.errors.some((e) => e.errorNo === 'XL03000009')).toBe(true);
		}
		const vendors = await client.executeBatch([readByQuery({ object: 'VENDOR', query: "VENDORID = 'TX-OK-1'" })]);
		expect(vendors[0].records).toHaveLength(0);
	});

	it('gateway 4xx with an XML body is an http error, not retried', async () => {
		const client = fx.client();
		await client.execute(departments());
		fx.sandbox.stats.reset();
		fx.sandbox.faults.add({ action: { type: 'status', status: 400, body: 'xml' } });
		const error = await failWith(client.execute(departments()));
		expect(error).toMatchObject({ kind: 'http', httpStatus: 400, transient: false });
		expect(error.errors.length).toBeGreaterThan(0);
		expect(fx.sandbox.stats.requests).toBe(1);
	});

	it('HTML 5xx pages are described in plain words and retried until retries run out', async () => {
		const client = fx.client({ maxRetries: 2 });
		await client.execute(departments());
		fx.sandbox.stats.reset();
		fx.sandbox.faults.add({ action: { type: 'status', status: 502, body: 'html' }, times: Infinity });
		const error = await failWith(client.execute(departments()));
		expect(error.message).toBe('The gateway returned an HTML error page (HTTP 502)');
		expect(error).toMatchObject({ kind: 'http', httpStatus: 502, transient: true });
		expect(fx.sandbox.stats.requests).toBe(3);
	});

	it('empty 5xx bodies', async () => {
		const client = fx.client({ maxRetries: 0 });
		await client.execute(departments());
		fx.sandbox.faults.add({ action: { type: 'status', status: 503, body: 'empty' } });
		const error = await failWith(client.execute(departments()));
		expect(error.message).toBe('The Intacct gateway answered HTTP 503 with an empty body');
	});

	it('malformed XML: control failure XL03000003 with the libxml-like description2, nothing ran, not retried', async () => {
		// The client never writes bad XML; a proxy that truncates the body stands in for it.
		// The truncated body is the proxy's, not the client's: marked so the schema check counts it apart.
		const truncating: HttpPost = async (request) =>
			request.body.includes('readByQuery')
				? await fx.post({ ...request, body: request.body.replace('</readByQuery>', ''), headers: { ...request.headers, [HAND_WRITTEN_HEADER]: 'true' } })
				: await fx.post(request);
		const client = fx.client({ post: truncating });
		await client.execute(readByName('VENDOR', 'V-100'));
		fx.sandbox.stats.reset();
		const error = await failWith(client.execute(departments()));
		expect(error).toMatchObject({ kind: 'control', transient: false });
		expect(error.errors[0].errorNo).toBe('XL03000003');
		expect(error.errors[0].description2).toMatch(/XML Parse/);
		expect(error.message).toMatch(/^Intacct refused the request before running it: XL03000003 /);
		expect(fx.sandbox.stats.requests).toBe(1);
	});

	it('401 XMLGW_JPP0002 (newer gateway sign-in failure): http error with where to fix the sign-in, not retried', async () => {
		const client = fx.client();
		await client.execute(departments());
		fx.sandbox.stats.reset();
		fx.sandbox.faults.add({ action: { type: 'status', status: 401, body: 'xml' } });
		const error = await failWith(client.execute(departments()));
		expect(error).toMatchObject({ kind: 'http', httpStatus: 401, transient: false });
		expect(error.errors[0].errorNo).toBe('XMLGW_JPP0002');
		expect(error.description).toContain('Web Services Users');
		expect(fx.sandbox.stats.requests).toBe(1);
	});

	it('a business error carries the whole chain (errorno, description, description2, correction), the function and its controlid, and is not retried', async () => {
		const client = fx.client({ maxRetries: 3 });
		await client.execute(create('VENDOR', { VENDORID: 'CHAIN-1', NAME: 'Chain', DISPLAYCONTACT: { PRINTAS: 'Chain' } }));
		fx.sandbox.stats.reset();
		const error = await failWith(client.execute(create('VENDOR', { VENDORID: 'CHAIN-1', NAME: 'Chain again', DISPLAYCONTACT: { PRINTAS: 'Chain again' } }, { controlId: 'dup-vendor-ctl' })));
		expect(error).toMatchObject({ kind: 'result', functionName: 'create', controlId: 'dup-vendor-ctl', transient: false });
		expect(error.errors.map((e) => e.errorNo)).toEqual(['BL34000061', 'BL01001973']);
		for (const detail of error.errors) {
			expect(Object.keys(detail).sort()).toEqual(['correction', 'description', 'description2', 'errorNo']);
		}
		expect(error.errors[0].description2).toMatch(/Another Vendor with the given value\(s\)/);
		// Plain words first, then every error of the chain in Intacct's words.
		expect(error.message).toMatch(/^Intacct rejected the request: BL34000061 .* - BL01001973 /);
		expect(error.description.split('\n')).toHaveLength(2);
		expect(fx.sandbox.stats.requests).toBe(1);
	});

	it('524 is never retried', async () => {
		const client = fx.client();
		await client.execute(departments());
		fx.sandbox.stats.reset();
		fx.sandbox.faults.add({ action: { type: 'status', status: 524, body: 'html' }, times: Infinity });
		const error = await failWith(client.execute(departments()));
		expect(error).toMatchObject({ kind: 'http', httpStatus: 524, transient: false });
		expect(fx.sandbox.stats.requests).toBe(1);
	});
});
