import { parseXmlDocument, type XmlNode } from '../../../../../nodes/shared/intacct/xml/xmlParser';
import { escapeXml, writeElement, writeRequest, type RequestEnvelope } from '../../../../../nodes/shared/intacct/xml/requestWriter';
import { IntacctError } from '../../../../../nodes/shared/intacct/core/errors';

function envelope(overrides: Partial<RequestEnvelope> = {}): RequestEnvelope {
	return {
		senderId: 'sender',
		senderPassword: 's-pass',
		controlId: 'req-1',
		uniqueId: false,
		transaction: false,
		authentication: { kind: 'session', sessionId: 'sess..' },
		functions: [{ name: 'readByName', controlId: 'f-1', body: { object: 'GLACCOUNT', keys: '6100', fields: '*' } }],
		...overrides,
	};
}

function find(node: XmlNode, path: string): XmlNode {
	let current = node;
	for (const name of path.split('/')) {
		const next = current.children.find((c) => c.name === name);
		if (!next) throw new Error(`no ${name} in ${current.name}`);
		current = next;
	}
	return current;
}

describe('requestWriter', () => {
	it('writes the control block in schema order with dtdversion 3.0 and includewhitespace false', () => {
		const root = parseXmlDocument(writeRequest(envelope({ uniqueId: true })));
		expect(root.name).toBe('request');
		const control = find(root, 'control');
		expect(control.children.map((c) => c.name)).toEqual(['senderid', 'password', 'controlid', 'uniqueid', 'dtdversion', 'includewhitespace']);
		expect(control.children.map((c) => c.text)).toEqual(['sender', 's-pass', 'req-1', 'true', '3.0', 'false']);
	});

	it('writes the transaction attribute and session authentication', () => {
		const root = parseXmlDocument(writeRequest(envelope({ transaction: true })));
		expect(find(root, 'operation').attributes.transaction).toBe('true');
		expect(find(root, 'operation/authentication/sessionid').text).toBe('sess..');
	});

	it('writes login authentication in schema order, locationid only for an entity', () => {
		const top = parseXmlDocument(
			writeRequest(envelope({ authentication: { kind: 'login', userId: 'u', companyId: 'C', password: 'p', entityId: '' } })),
		);
		expect(find(top, 'operation/authentication/login').children.map((c) => c.name)).toEqual(['userid', 'companyid', 'password']);
		const entity = parseXmlDocument(
			writeRequest(envelope({ authentication: { kind: 'login', userId: 'u', companyId: 'C', password: 'p', entityId: '200' } })),
		);
		const login = find(entity, 'operation/authentication/login');
		expect(login.children.map((c) => c.name)).toEqual(['userid', 'companyid', 'password', 'locationid']);
		expect(find(login, 'locationid').text).toBe('200');
	});

	it('puts each function controlid on its <function> and writes the body generically', () => {
		const root = parseXmlDocument(
			writeRequest(
				envelope({
					functions: [
						{ name: 'inspect', controlId: 'a', attributes: { detail: '1' }, body: { object: 'GLENTRY' } },
						{
							name: 'create',
							controlId: 'b',
							body: { GLBATCH: { JOURNAL: 'GJ', ENTRIES: { GLENTRY: [{ ACCOUNTNO: '6500', TR_TYPE: 1 }, { ACCOUNTNO: '2080', TR_TYPE: -1 }] }, SKIP: undefined, NIL: null, EMPTY: '' } },
						},
					],
				}),
			),
		);
		const fns = find(root, 'operation/content').children;
		expect(fns.map((f) => f.attributes.controlid)).toEqual(['a', 'b']);
		expect(fns[0].children[0].attributes.detail).toBe('1');
		const batch = find(fns[1], 'create/GLBATCH');
		expect(batch.children.map((c) => c.name)).toEqual(['JOURNAL', 'ENTRIES', 'EMPTY']);
		expect(find(batch, 'ENTRIES').children.map((c) => find(c, 'TR_TYPE').text)).toEqual(['1', '-1']);
	});

	it('escapes & < > \' " in every value, keeps non-ASCII, and CR survives', () => {
		const nasty = `Tom & Jerry's <"bill"> é ü 東京 🎉\r\nline`;
		const xml = writeRequest(
			envelope({
				senderId: nasty,
				senderPassword: nasty,
				controlId: nasty,
				authentication: { kind: 'login', userId: nasty, companyId: nasty, password: nasty, entityId: nasty },
				functions: [{ name: 'create', controlId: nasty, attributes: { note: nasty }, body: { VENDOR: { NAME: nasty } } }],
			}),
		);
		expect(xml).not.toMatch(/<"bill">/);
		const root = parseXmlDocument(xml);
		for (const path of ['control/senderid', 'control/password', 'control/controlid', 'operation/authentication/login/userid', 'operation/authentication/login/companyid', 'operation/authentication/login/password', 'operation/authentication/login/locationid']) {
			expect(find(root, path).text).toBe(nasty);
		}
		const fn = find(root, 'operation/content/function');
		expect(fn.attributes.controlid).toBe(nasty);
		expect(find(fn, 'create').attributes.note).toBe(nasty);
		expect(find(fn, 'create/VENDOR/NAME').text).toBe(nasty);
	});

	it('strips characters XML 1.0 cannot carry (documented decision) and keeps tab and newline', () => {
		expect(escapeXml('a\u0000b\u0007c\u000Bd\u001Fe\tf\ng\uFFFEh\uD800i')).toBe('abcde\tf\nghi');
		expect(escapeXml('😀')).toBe('😀');
	});

	it('rejects bad element names, non-finite numbers, empty or duplicate control IDs as validation errors', () => {
		expect(() => writeElement('MY FIELD', 'x')).toThrow(IntacctError);
		expect(() => writeElement('AMOUNT', Number.NaN)).toThrow(/finite/);
		const dup = envelope({ functions: [{ name: 'read', controlId: 'x', body: {} }, { name: 'read', controlId: 'x', body: {} }] });
		expect(() => writeRequest(dup)).toThrow(/used by two functions/);
		const empty = envelope({ functions: [{ name: 'read', controlId: '', body: {} }] });
		let error: unknown;
		try {
			writeRequest(empty);
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(IntacctError);
		expect((error as IntacctError).kind).toBe('validation');
		expect(() => writeRequest(envelope({ functions: [{ name: 'read', controlId: 'x'.repeat(257), body: {} }] }))).toThrow(/1 to 256/);
	});
});
