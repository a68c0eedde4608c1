/**
 * The schema check itself: libxml2 with Intacct's api.xsd accepts what the client writes and refuses
 * a deliberately invalid request with its own message, one verdict per document in a batch.
 */
import { lookup, query, readByQuery } from '../../../nodes/shared/intacct/xml/functions';
import { writeRequest, writeSignInRequest } from '../../../nodes/shared/intacct/xml/requestWriter';
import { KNOWN_INVALID } from './knownInvalid';
import { describeRequest, validateAgainstSchema, type Verdict } from './validateAgainstSchema';

const credentials = {
	companyId: 'ACME', entityId: '', senderId: 'sender', senderPassword: 'sp', userId: 'user', userPassword: 'up', endpointUrl: 'https://api.intacct.com/ia/xml/xmlgw.phtml',
};
const signIn = writeSignInRequest(credentials, { requestControlId: 'r1', functionControlId: 'f1' });
const glEntries = writeRequest({
	senderId: 'sender', senderPassword: 'sp', controlId: 'r2', uniqueId: false, transaction: false,
	authentication: { kind: 'session', sessionId: 'abc..' },
	functions: [{ ...readByQuery({ object: 'GLENTRY', fields: ['RECORDNO', 'ACCOUNTNO'], pageSize: 100 }), controlId: 'f1' }],
});
/** Deliberately invalid: an element readByQuery does not have. */
const unknownElement = glEntries.replace('<object>GLENTRY</object>', '<objectname>GLENTRY</objectname>');
/** Deliberately invalid: <control> children out of the schema's order. */
const controlOutOfOrder = glEntries.replace(/<senderid>sender<\/senderid><password>sp<\/password>/, '<password>sp</password><senderid>sender</senderid>');
const notWellFormed = glEntries.replace('</readByQuery>', '');
const structuredQuery = writeRequest({
	senderId: 'sender', senderPassword: 'sp', controlId: 'r3', uniqueId: false, transaction: false,
	authentication: { kind: 'session', sessionId: 'abc..' },
	functions: [{ ...query({ object: 'VENDOR', select: ['VENDORID'] }), controlId: 'f1' }],
});

const lookupRequest = writeRequest({
	senderId: 'sender', senderPassword: 'sp', controlId: 'r4', uniqueId: false, transaction: false,
	authentication: { kind: 'session', sessionId: 'abc..' },
	functions: [{ ...lookup('GLENTRY'), controlId: 'f1' }],
});

/** Deliberately invalid by Sage's published query schema: a page larger than 2,000, a query without <select>. */
const queryPageTooLarge = structuredQuery.replace('</query>', '<pagesize>2001</pagesize></query>');
const queryWithoutSelect = structuredQuery.replace(/<select>.*?<\/select>/, '');

const messagesOf = (verdict: Verdict): string[] => (verdict.valid ? [] : verdict.messages);

describe("Intacct's api.xsd through libxml2", () => {
	let verdicts: Verdict[];
	beforeAll(async () => {
		// One xmllint run for every document, as the suite-wide check does.
		verdicts = await validateAgainstSchema([signIn, glEntries, unknownElement, controlOutOfOrder, notWellFormed, structuredQuery, lookupRequest, queryPageTooLarge, queryWithoutSelect]);
	});

	it('accepts the sign-in and a readByQuery as the client writes them', () => {
		expect(verdicts[0]).toEqual({ valid: true });
		expect(verdicts[1]).toEqual({ valid: true });
	});

	it('refuses an unknown element and an out-of-order control block with libxml2\'s message', () => {
		expect(messagesOf(verdicts[2]).join('\n')).toMatch(/Element 'objectname': This element is not expected/);
		expect(messagesOf(verdicts[3]).join('\n')).toMatch(/Element 'password': This element is not expected\. Expected is \( senderid \)/);
	});

	it('refuses XML that is not well-formed without losing the other documents\' verdicts', () => {
		expect(verdicts[4].valid).toBe(false);
		expect(messagesOf(verdicts[4]).join('\n')).toMatch(/parser error/);
	});

	it('checks query by the schema Sage publishes for it and lookup by our declaration (api.xsd predates both)', () => {
		expect(verdicts[5]).toEqual({ valid: true });
		expect(verdicts[6]).toEqual({ valid: true });
		expect(verdicts[7].valid).toBe(false);
		expect(messagesOf(verdicts[7]).join('\n')).toMatch(/pagesize/);
		expect(verdicts[8].valid).toBe(false);
		expect(messagesOf(verdicts[8]).join('\n')).toMatch(/Element 'query': Missing child element\(s\)\. Expected is one of \( select,/);
		expect(KNOWN_INVALID).toHaveLength(0);
	});

	it('names requests by function and object', () => {
		expect(describeRequest(signIn)).toBe('getAPISession');
		expect(describeRequest(glEntries)).toBe('readByQuery GLENTRY');
		expect(describeRequest('<request><content><function controlid="a"><create><VENDOR><VENDORID>V</VENDORID></VENDOR></create></function><function controlid="b"><update><GLBATCH/></update></function></content></request>')).toBe(
			'create VENDOR, update GLBATCH',
		);
	});
});
