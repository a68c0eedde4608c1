/**
 * Recorded real gateway answers (test/support/recorded, sources in its README) replayed through the
 * client's response reader, and the sandbox's rendering of the same query compared with them:
 * element case, empty elements, dates, numbers as text, the composite GLDETAIL RECORDNO, the field
 * list of GLENTRY (no JOURNAL, no MEGAENTITYID).
 */
import { startSandbox } from '../../../../../sandbox';
import type { Sandbox } from '../../../../../sandbox/api';
import { IntacctClient } from '../../../../../nodes/shared/intacct/client/client';
import { query } from '../../../../../nodes/shared/intacct/xml/functions';
import { readResponse, fieldText } from '../../../../../nodes/shared/intacct/xml/responseReader';
import { IntacctError } from '../../../../../nodes/shared/intacct/core/errors';
import { signInAdvice } from '../../../../../nodes/shared/intacct/client/signInHints';
import { createNodeHttpPost } from '../../../../support/nodeHttpPost';
import { recordedFields, recordedGlEntryFields, recording } from '../../../../support/recorded/recordings';

const XML = { 'content-type': 'text/xml; encoding="UTF-8";charset=UTF-8' };
const US_DATE = /^\d{2}\/\d{2}\/\d{4}$/;
const US_TIMESTAMP = /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/;

describe('recorded real responses through the reader', () => {
	it('GLENTRY query: UPPER-case records, empty elements as empty text, dates and numbers as text', () => {
		const parsed = readResponse({ statusCode: 200, headers: XML, body: recording('glentry-query') });
		const [result] = parsed.results;
		expect(result.status).toBe('success');
		expect(result.records).toHaveLength(1);
		const line = result.records[0];
		expect(fieldText(line.RECORDNO)).toBe('55172');
		expect(fieldText(line.DEPARTMENT)).toBe('');
		expect(fieldText(line.ENTRY_DATE)).toMatch(US_DATE);
		expect(fieldText(line.WHENMODIFIED)).toMatch(US_TIMESTAMP);
		expect(fieldText(line.AMOUNT)).toBe('1022');
		expect(line).not.toHaveProperty('JOURNAL');
		expect(line).not.toHaveProperty('MEGAENTITYID');
	});

	it('GLDETAIL query: the RECORDNO is a composite text key', () => {
		const parsed = readResponse({ statusCode: 200, headers: XML, body: recording('gldetail-query') });
		const detail = parsed.results[0].records[0];
		expect(fieldText(detail.RECORDNO)).toBe('3220-55186-27290--accrual');
		expect(fieldText(detail.GLENTRYKEY)).toBe('9834');
	});

	it('the HTTP 401 sign-in refusal: an http error with XMLGW_JPP0002 and the Web Services user advice', () => {
		let error: unknown;
		try {
			readResponse({ statusCode: 401, headers: XML, body: recording('signin-401') });
		} catch (caught) {
			error = caught;
		}
		expect(error).toBeInstanceOf(IntacctError);
		const e = error as IntacctError;
		expect(e).toMatchObject({ kind: 'http', httpStatus: 401, transient: false });
		expect(e.errors[0].errorNo).toBe('XMLGW_JPP0002');
		expect(signInAdvice(e.kind, e.errors, e.httpStatus)).toContain('Web Services Users');
	});
});

describe('the sandbox renders like the recordings', () => {
	let sandbox: Sandbox;
	let client: IntacctClient;
	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0 });
		client = new IntacctClient({ credentials: sandbox.credentials, post: createNodeHttpPost(), retryBaseDelayMs: 1 });
	});
	afterAll(async () => await sandbox.close());

	it('GLENTRY: every sandbox field the recording has too; JOURNAL and MEGAENTITYID refused like any unknown field', async () => {
		const recorded = new Set(recordedGlEntryFields());
		const shared = ['RECORDNO', 'BATCHNO', 'LINE_NO', 'TR_TYPE', 'ENTRY_DATE', 'AMOUNT', 'TRX_AMOUNT', 'BATCH_NUMBER', 'BATCH_DATE', 'ACCOUNTNO', 'DEPARTMENT', 'LOCATION', 'WHENMODIFIED', 'STATE'];
		for (const f of shared) expect(recorded).toContain(f);
		const result = await client.execute(query({ object: 'GLENTRY', select: shared, pageSize: 1, showPrivate: true }));
		const line = result.records[0];
		expect(Object.keys(line)).toEqual(shared);
		expect(fieldText(line.ENTRY_DATE)).toMatch(US_DATE);
		expect(fieldText(line.WHENMODIFIED)).toMatch(US_TIMESTAMP);
		for (const invented of ['JOURNAL', 'MEGAENTITYID']) {
			expect(recorded.has(invented)).toBe(false);
			await expect(client.execute(query({ object: 'GLENTRY', select: ['RECORDNO', invented], pageSize: 1 }))).rejects.toThrow(new RegExp(invented));
		}
	});

	it('GLDETAIL: composite text RECORDNO of the recorded shape, GLENTRYKEY, no MEGAENTITYID', async () => {
		const recorded = recordedFields('gldetail-query', 'GLDETAIL');
		expect(recorded).toEqual(expect.arrayContaining(['RECORDNO', 'GLENTRYKEY', 'BATCHKEY', 'SYMBOL']));
		expect(recorded).not.toContain('MEGAENTITYID');
		const result = await client.execute(query({ object: 'GLDETAIL', select: ['RECORDNO', 'GLENTRYKEY', 'BATCHKEY'], pageSize: 1, showPrivate: true }));
		const detail = result.records[0];
		expect(fieldText(detail.RECORDNO)).toMatch(/^\d+-\d+-\d+--accrual$/);
		expect(fieldText(detail.RECORDNO)).toContain(`-${fieldText(detail.BATCHKEY)}-${fieldText(detail.GLENTRYKEY)}--`);
		await expect(client.execute(query({ object: 'GLDETAIL', select: ['RECORDNO', 'MEGAENTITYID'], pageSize: 1 }))).rejects.toThrow(/MEGAENTITYID/);
	});
});
