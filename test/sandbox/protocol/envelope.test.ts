/** §12.1, §12.2, §12.4, §12.7, §12.8: transport and envelope validation through real HTTP. */
import type { Sandbox } from '../../../sandbox/api';
import { createSandboxClock } from '../../../sandbox/protocol/sandboxClock';
import { serveCompany } from '../../../sandbox/protocol/serveCompany';
import { at, call, childNames, envelope, errorsOf, fn, parseResponse, postRaw, textAt } from './gatewayClient';
import { scriptedCompany } from './scriptedCompany';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await serveCompany(scriptedCompany(), createSandboxClock());
});
afterAll(() => sandbox.close());

async function controlFailure(body: string): Promise<{ description2: string; echo: Record<string, string | undefined> }> {
	const response = await postRaw(sandbox.url, body);
	expect(response.status).toBe(200);
	const root = parseResponse(response.body);
	expect(textAt(root, 'control/status')).toBe('failure');
	expect(at(root, 'operation')).toBeUndefined();
	const errors = errorsOf(at(root, 'errormessage'));
	expect(errors).toHaveLength(1);
	expect(errors[0].errorno).toBe('XL03000003');
	return {
		description2: errors[0].description2,
		echo: { senderid: textAt(root, 'control/senderid'), controlid: textAt(root, 'control/controlid') },
	};
}

describe('transport', () => {
	it('answers POST on the gateway path with text/xml; encoding="UTF-8"', async () => {
		const response = await postRaw(sandbox.url, envelope(fn('f1', '<echo/>')));
		expect(response.status).toBe(200);
		expect(response.headers['content-type']).toBe('text/xml; encoding="UTF-8"');
		expect(textAt(parseResponse(response.body), 'operation/result/status')).toBe('success');
	});

	it('404s other paths and 405s other methods', async () => {
		expect((await postRaw(sandbox.url, '', { path: '/ia/xml/other.phtml' })).status).toBe(404);
		const get = await postRaw(sandbox.url, '', { method: 'GET' });
		expect(get.status).toBe(405);
		expect(get.headers['allow']).toBe('POST');
	});

	it('accepts any XML-ish content type but rejects JSON with 400 GW-0011 (bare control)', async () => {
		for (const type of ['application/xml', 'text/xml', 'x-intacct-xml-request']) {
			const ok = await postRaw(sandbox.url, envelope(fn('f1', '<echo/>')), { headers: { 'Content-Type': type } });
			expect(ok.status).toBe(200);
		}
		const json = await postRaw(sandbox.url, '{}', { headers: { 'Content-Type': 'application/json' } });
		expect(json.status).toBe(400);
		const root = parseResponse(json.body);
		expect(childNames(at(root, 'control'))).toEqual(['status']);
		expect(errorsOf(at(root, 'errormessage'))[0].errorno).toBe('GW-0011');
	});

	it('gzips the answer when Accept-Encoding asks for it', async () => {
		const response = await postRaw(sandbox.url, envelope(fn('f1', '<echo/>')), { headers: { 'Accept-Encoding': 'gzip, deflate' } });
		expect(response.headers['content-encoding']).toBe('gzip');
		expect(textAt(parseResponse(response.body), 'operation/result/status')).toBe('success');
	});

	it('pretty-prints unless includewhitespace is false (XSD default true)', async () => {
		const compact = await postRaw(sandbox.url, envelope(fn('f1', '<echo/>')));
		const pretty = await postRaw(sandbox.url, envelope(fn('f1', '<echo/>')).replace('<includewhitespace>false</includewhitespace>', ''));
		expect(compact.body).not.toMatch(/>\n\s+</);
		expect(pretty.body).toMatch(/>\n\s+</);
		expect(textAt(parseResponse(pretty.body), 'operation/result/status')).toBe('success');
	});
});

describe('envelope validation (control failure XL03000003, no operation)', () => {
	it('rejects malformed XML with a libxml-like message and still echoes what it can', async () => {
		const body = envelope(fn('f1', '<echo/>')).replace('</content>', '</contnt>');
		const { description2, echo } = await controlFailure(body);
		expect(description2).toMatch(/^XML Parse schema error: Fatal Error 76: /);
		expect(echo).toEqual({ senderid: 'n8n_sandbox', controlid: 'req-1' });
	});

	it('says in words which element a truncated request leaves open (not an array dump)', async () => {
		const body = envelope(fn('f1', '<echo/>'));
		const { description2 } = await controlFailure(body.slice(0, body.indexOf('</control>')));
		expect(description2).toMatch(/^XML Parse schema error: Fatal Error 77: Premature end of data in tag \w+ line \d+: the document ends before <\/\w+> \(still open: request, control/);
		expect(description2).not.toMatch(/\[\s*"/);
		const empty = await controlFailure('');
		expect(empty.description2).toMatch(/Start tag expected.*empty or is not XML/);
	});

	it('rejects a control block missing controlid', async () => {
		const { description2 } = await controlFailure(envelope(fn('f1', '<echo/>')).replace('<controlid>req-1</controlid>', ''));
		expect(description2).toContain('controlid');
	});

	it('rejects a request without an operation', async () => {
		const body = envelope(fn('f1', '<echo/>')).replace(/<operation[\s\S]*<\/operation>/, '');
		const { description2 } = await controlFailure(body);
		expect(description2).toContain('Expected is ( operation )');
	});

	it('rejects a function without controlid, with a controlid over 256 chars, or with != 1 child', async () => {
		expect((await controlFailure(envelope('<function><echo/></function>'))).description2).toContain("attribute 'controlid' is required");
		expect((await controlFailure(envelope(fn('x'.repeat(257), '<echo/>')))).description2).toContain('maxLength');
		expect((await controlFailure(envelope(fn('f1', '<echo/><echo/>')))).description2).toContain("'echo': This element is not expected");
		expect((await controlFailure(envelope('<function controlid="f"></function>'))).description2).toContain('Missing child');
	});

	it('accepts a 256-character function controlid and an empty one (XSD 0-256)', async () => {
		const root = await call(sandbox.url, fn('x'.repeat(256), '<echo/>') + fn('', '<echo/>'));
		expect(textAt(root, 'control/status')).toBe('success');
		expect(root.children.find((c) => c.name === 'operation')?.children.filter((c) => c.name === 'result')).toHaveLength(2);
	});

	it('dtdversion 2.1 rejects generic functions but runs legacy ones', async () => {
		const { description2 } = await controlFailure(envelope(fn('f1', '<readByQuery><object>GLENTRY</object></readByQuery>'), { dtdVersion: '2.1' }));
		expect(description2).toContain('readByQuery');
		const legacy = await call(sandbox.url, fn('f1', '<echo/>'), { dtdVersion: '2.1' });
		expect(textAt(legacy, 'operation/result/status')).toBe('success');
		expect(textAt(legacy, 'control/dtdversion')).toBe('2.1');
	});
});

describe('control echo (§12.7)', () => {
	it('echoes senderid, controlid, uniqueid and dtdversion in that order after status', async () => {
		const root = await call(sandbox.url, fn('f1', '<echo/>'), { controlId: 'abc-42', uniqueId: false });
		expect(childNames(at(root, 'control'))).toEqual(['status', 'senderid', 'controlid', 'uniqueid', 'dtdversion']);
		expect(textAt(root, 'control/controlid')).toBe('abc-42');
		expect(textAt(root, 'control/uniqueid')).toBe('false');
		expect(textAt(root, 'control/dtdversion')).toBe('3.0');
	});

	it('escapes echoed values', async () => {
		const root = await call(sandbox.url, fn('f&1', '<echo/>'), { controlId: 'a&amp;b&lt;c' });
		expect(textAt(root, 'control/controlid')).toBe('a&b<c');
		expect(textAt(root, 'operation/result/controlid')).toBe('f&1');
	});
});

describe('listen address', () => {
	it('advertises loopback when listening on every interface', async () => {
		const wide = await serveCompany(scriptedCompany(), createSandboxClock(), { host: '0.0.0.0' });
		try {
			expect(wide.url).toBe(`http://127.0.0.1:${wide.port}/ia/xml/xmlgw.phtml`);
			expect((await postRaw(wide.url, envelope(fn('f', '<echo/>')))).status).toBe(200);
		} finally {
			await wide.close();
		}
	});
});
