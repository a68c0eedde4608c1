/**
 * The Custom resource's parsing of the user's XML (helpers/customXml.ts), issue 12 items 7 and 10.
 */
import { isKnownRead, parseCustomFunctions } from '../../../../../nodes/shared/intacct/n8n/customXml';
import { writeRequest } from '../../../../../nodes/shared/intacct/xml/requestWriter';
import type { IntacctFunction } from '../../../../../nodes/shared/intacct/core/types';

function envelope(fns: IntacctFunction[]): string {
	return writeRequest({
		senderId: 's',
		senderPassword: 'p',
		controlId: 'c',
		uniqueId: false,
		transaction: false,
		authentication: { kind: 'session', sessionId: 'x' },
		functions: fns.map((fn, i) => ({ ...fn, controlId: fn.controlId ?? `f${i}` })),
	});
}

describe('parseCustomFunctions', () => {
	it('treats every function as a write unless it is known to only read (record_deposit is a write)', () => {
		const [deposit, read, readMore, unknown] = parseCustomFunctions(
			'<record_deposit><bankaccountid>BOA</bankaccountid></record_deposit><readByName><object>VENDOR</object><keys>V1</keys><fields>*</fields></readByName><readMore><resultId>r</resultId></readMore><some_future_function/>',
		);
		expect(deposit.isWrite).toBe(true);
		expect(read.isWrite).toBeUndefined();
		expect(readMore.isWrite).toBe(true); // moves the result set's cursor: never blindly repeated
		expect(unknown.isWrite).toBe(true);
		expect(isKnownRead('READBYQUERY')).toBe(true);
		expect(isKnownRead('get_accountbalances')).toBe(true);
		expect(isKnownRead('create')).toBe(false);
	});

	it('keeps elements named like Object.prototype members as plain elements', () => {
		const [fn] = parseCustomFunctions('<lookup><constructor>a</constructor><toString>b</toString><hasOwnProperty>c</hasOwnProperty></lookup>');
		expect(fn.body).toEqual({ constructor: 'a', toString: 'b', hasOwnProperty: 'c' });
		const xml = envelope([fn]);
		expect(xml).toContain('<lookup><constructor>a</constructor><toString>b</toString><hasOwnProperty>c</hasOwnProperty></lookup>');
		expect(xml).not.toContain('[native code]');
	});

	it('writes an element with attributes and text back as it was given', () => {
		const [fn] = parseCustomFunctions('<readByQuery><object>VENDOR</object><query>NAME = \'A &amp; B\'</query><fields mode="x">*</fields></readByQuery>');
		const xml = envelope([fn]);
		expect(xml).toContain('<fields mode="x">*</fields>');
		expect(xml).toContain("<query>NAME = &apos;A &amp; B&apos;</query>");
	});
});
