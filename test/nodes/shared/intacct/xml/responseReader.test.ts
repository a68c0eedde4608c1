import { readResponse, asRecords, fieldText, uniqueIdAnswer } from '../../../../../nodes/shared/intacct/xml/responseReader';
import { IntacctError } from '../../../../../nodes/shared/intacct/core/errors';
import type { HttpPostResponse } from '../../../../../nodes/shared/intacct/core/types';

const CONTROL_OK = '<control><status>success</status><senderid>S</senderid><controlid>c1</controlid><uniqueid>false</uniqueid><dtdversion>3.0</dtdversion></control>';
const AUTH_OK = '<authentication><status>success</status><userid>u</userid><companyid>C</companyid><locationid></locationid><sessiontimestamp>2024-06-01T10:00:01+00:00</sessiontimestamp><sessiontimeout>2024-06-02T10:00:01+00:00</sessiontimeout></authentication>';

function ok(results: string, status = 200, headers: Record<string, string> = { 'content-type': 'text/xml; encoding="UTF-8"' }): HttpPostResponse {
	return { statusCode: status, headers, body: `<?xml version="1.0" encoding="UTF-8"?>\n<response>${CONTROL_OK}<operation>${AUTH_OK}${results}</operation></response>` };
}

function failure(fn: () => unknown): IntacctError {
	try {
		fn();
	} catch (error) {
		if (error instanceof IntacctError) return error;
		throw error;
	}
	throw new Error('expected an IntacctError');
}

describe('responseReader', () => {
	it('reads read results with UPPER records, readByQuery with lower records, numbers from attributes', () => {
		const parsed = readResponse(
			ok(
				'<result><status>success</status><function>readByName</function><controlid>f-1</controlid><data listtype="GLACCOUNT" count="1"><GLACCOUNT><RECORDNO>55</RECORDNO><ACCOUNTNO>0012</ACCOUNTNO></GLACCOUNT></data></result>' +
					'<result><status>success</status><function>readByQuery</function><controlid>f-2</controlid><data listtype="glentry" count="2" totalcount="35" numremaining="33" resultId="77abc"><glentry><RECORDNO>1</RECORDNO></glentry><glentry><RECORDNO>2</RECORDNO></glentry></data></result>' +
					'<result><status>success</status><function>query</function><controlid>f-3</controlid><data listtype="GLDETAIL" totalcount="97" offset="0" count="1" numremaining="96"><GLDETAIL><JOURNAL.SYMBOL>GJ</JOURNAL.SYMBOL></GLDETAIL></data></result>',
			),
		);
		expect(parsed.authentication?.sessionTimeout).toBe('2024-06-02T10:00:01+00:00');
		const [a, b, c] = parsed.results;
		expect(a).toMatchObject({ status: 'success', function: 'readByName', controlId: 'f-1', listType: 'GLACCOUNT', count: 1 });
		expect(a.records).toEqual([{ RECORDNO: '55', ACCOUNTNO: '0012' }]);
		expect(b).toMatchObject({ count: 2, totalCount: 35, numRemaining: 33, resultId: '77abc', listType: 'glentry' });
		expect(b.records).toHaveLength(2);
		expect(c).toMatchObject({ offset: 0, numRemaining: 96 });
		expect(c.records[0]['JOURNAL.SYMBOL']).toBe('GJ');
	});

	it('normalises one-vs-many nested values, attributes and empty data', () => {
		const parsed = readResponse(
			ok(
				'<result><status>success</status><function>lookup</function><controlid>l</controlid><data listtype="All" count="1"><Type Name="GLBATCH" DocumentType=""><Fields><Field><ID>RECORDNO</ID><VALIDVALUES><VALIDVALUE>a</VALIDVALUE><VALIDVALUE>b</VALIDVALUE></VALIDVALUES></Field></Fields></Type></data></result>' +
					'<result><status>success</status><function>readByQuery</function><controlid>e</controlid><data listtype="department" count="0" totalcount="0" numremaining="0" resultId=""/></result>' +
					'<result><status>success</status><function>create_bill</function><controlid>k</controlid><key>3430</key></result>' +
					'<result><status>success</status><function>delete</function><controlid>d</controlid></result>',
			),
		);
		const [lookup, empty, key, del] = parsed.results;
		const type = lookup.records[0];
		expect(type.$attributes).toEqual({ Name: 'GLBATCH', DocumentType: '' });
		const fields = asRecords((type.Fields as Record<string, never>).Field);
		expect(fields).toHaveLength(1);
		expect(fields[0].ID).toBe('RECORDNO');
		expect(asRecords((fields[0].VALIDVALUES as Record<string, never>).VALIDVALUE).map((v) => fieldText(v))).toEqual(['a', 'b']);
		expect(empty).toMatchObject({ records: [], count: 0, numRemaining: 0, resultId: '' });
		expect(key.key).toBe('3430');
		expect(del).toMatchObject({ status: 'success', records: [], errors: [] });
	});

	it('reads a function failure with its error chain and decodes the support ID', () => {
		const [r] = readResponse(
			ok(
				'<result><status>failure</status><function>create</function><controlid>f</controlid><data listtype="objects" count="0"/><errormessage><error><errorno>BL34000061</errorno><description></description><description2>Another Class with the given value(s) UT01  already exists [Support ID: ab%7Ecd]</description2><correction>Use a unique value instead.</correction></error><error><errorno>BL01001973</errorno><description></description><description2>Could not create class record!</description2><correction></correction></error></errormessage></result>',
			),
		).results;
		expect(r.status).toBe('failure');
		expect(r.duplicate).toBeUndefined();
		expect(r.errors.map((e) => e.errorNo)).toEqual(['BL34000061', 'BL01001973']);
		expect(r.errors[0].description2).toContain('[Support ID: ab~cd]');
	});

	it('reads transaction rollback: aborted and failure results', () => {
		const results = readResponse(
			ok(
				'<result><status>aborted</status><function>create</function><controlid>a</controlid><errormessage><error><errorno>XL03000009</errorno><description></description><description2>The entire transaction in this operation has been rolled back due to an error.</description2><correction></correction></error></errormessage></result>' +
					'<result><status>failure</status><function>create</function><controlid>b</controlid><errormessage><error><errorno>BL01001973</errorno><description2>bad</description2></error><error><errorno>XL03000009</errorno></error></errormessage></result>',
			),
		).results;
		expect(results.map((r) => r.status)).toEqual(['aborted', 'failure']);
		expect(results[1].errors[0]).toEqual({ errorNo: 'BL01001973', description: '', description2: 'bad', correction: '' });
	});

	it('tells the two uniqueid answers apart: a result without <status> ran already, "is in process" is still running (issue 12 item 2)', () => {
		const results = readResponse(
			ok(
				'<result><function>create</function><controlid>dup-1</controlid></result>' +
					"<result><status>failure</status><function>create</function><controlid>dup-2</controlid><errormessage><error><errorno></errorno><description></description><description2>A request's function with the control ID dup-2 is in process.</description2><correction></correction></error></errormessage></result>" +
					'<result><status>failure</status><function>create</function><controlid>dup-3</controlid><errormessage><error><errorno>XL03000002</errorno><description2>x</description2></error></errormessage></result>' +
					'<result><status>failure</status><function>create</function><controlid>dup-4</controlid><errormessage><error><errorno>BL01001973</errorno><description2>Vendor "Has already been processed Ltd" is inactive</description2></error></errormessage></result>',
			),
		).results;
		expect(results.map((r) => [r.status, uniqueIdAnswer(r)])).toEqual([
			['failure', 'completed'],
			['failure', 'inProcess'],
			['failure', 'completed'],
			['failure', undefined],
		]);
		// The reader itself no longer calls anything a duplicate: only the client can (its own IDs, uniqueid sent).
		expect(results.map((r) => r.duplicate)).toEqual([undefined, undefined, undefined, undefined]);
	});

	it('throws control failures, tolerating control blocks without senderid/controlid/uniqueid (§3.4)', () => {
		const error = failure(() =>
			readResponse({
				statusCode: 200,
				headers: {},
				body: '<response><control><status>failure</status></control><errormessage><error><errorno>PL04000055</errorno><description>This company is a demo company and has expired.</description></error></errormessage></response>',
			}),
		);
		expect(error.kind).toBe('control');
		expect(error.errors[0].errorNo).toBe('PL04000055');
		expect(error.message).toBe('Intacct refused the request before running it: PL04000055 This company is a demo company and has expired.');
		expect(error.transient).toBe(false);
	});

	it('throws authentication failures with the errormessage inside <operation>', () => {
		const error = failure(() =>
			readResponse({
				statusCode: 200,
				headers: {},
				body: `<response>${CONTROL_OK}<operation><authentication><status>failure</status><userid>u</userid><companyid>C</companyid></authentication><errormessage><error><errorno>XL03000006</errorno><description></description><description2>Sign-in information is incorrect</description2><correction></correction></error></errormessage></operation></response>`,
			}),
		);
		expect(error.kind).toBe('authentication');
		expect(error.message).toContain('XL03000006 Sign-in information is incorrect');
	});

	it('classifies gateway HTTP errors: 429 GW-0010 transient, 400 GW-0011 and 401 XMLGW_JPP0002 not', () => {
		const xml = (no: string, text: string) => `<?xml version="1.0"?><response><control><status>failure</status></control><errormessage><error><errorno>${no}</errorno><description>${text}</description></error></errormessage></response>`;
		const rate = failure(() => readResponse({ statusCode: 429, headers: {}, body: xml('GW-0010', 'Rate limit exceeded') }));
		expect(rate).toMatchObject({ kind: 'http', httpStatus: 429, transient: true });
		expect(rate.errors[0].errorNo).toBe('GW-0010');
		expect(failure(() => readResponse({ statusCode: 400, headers: {}, body: xml('GW-0011', 'Invalid Request') }))).toMatchObject({ kind: 'http', httpStatus: 400, transient: false });
		const signIn = failure(() => readResponse({ statusCode: 401, headers: {}, body: xml('XMLGW_JPP0002', 'Sign-in information is incorrect. Please check your request.') }));
		expect(signIn).toMatchObject({ kind: 'http', httpStatus: 401, transient: false });
		expect(signIn.message).toContain('XMLGW_JPP0002');
	});

	it('describes HTML pages, empty 5xx and 524 in plain words; 524 is never transient', () => {
		const html = failure(() => readResponse({ statusCode: 502, headers: { 'content-type': 'text/html' }, body: '<!DOCTYPE html><html><body>Bad gateway <br> cloudflare</body></html>' }));
		expect(html.message).toBe('The gateway returned an HTML error page (HTTP 502)');
		expect(html).toMatchObject({ kind: 'http', transient: true });
		const empty = failure(() => readResponse({ statusCode: 503, headers: {}, body: '' }));
		expect(empty.message).toBe('The Intacct gateway answered HTTP 503 with an empty body');
		expect(empty.transient).toBe(true);
		const timeout = failure(() => readResponse({ statusCode: 524, headers: { 'content-type': 'text/html' }, body: '<html>timeout</html>' }));
		expect(timeout).toMatchObject({ kind: 'http', httpStatus: 524, transient: false });
		expect(timeout.message).toMatch(/HTTP 524/);
	});

	it('reports answers that are not Intacct XML as parse errors', () => {
		expect(failure(() => readResponse({ statusCode: 200, headers: {}, body: 'hello' }))).toMatchObject({ kind: 'parse' });
		expect(failure(() => readResponse({ statusCode: 200, headers: {}, body: '<html><body>login</body></html>' })).message).toMatch(/HTML page/);
		expect(failure(() => readResponse({ statusCode: 200, headers: {}, body: '<other/>' })).message).toMatch(/not an Intacct <response>/);
	});

	it('treats "too many operations" as transient wherever it appears', () => {
		const error = failure(() =>
			readResponse({
				statusCode: 200,
				headers: {},
				body: '<response><control><status>failure</status></control><errormessage><error><errorno></errorno><description></description><description2>There are too many operations running for this company (200024).</description2><correction></correction></error></errormessage></response>',
			}),
		);
		expect(error).toMatchObject({ kind: 'control', transient: true });
	});
});
