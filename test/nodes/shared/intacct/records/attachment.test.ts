/**
 * Attachments as the legacy get / get_list answer them: the answer's shape (a <listtype start end
 * total> element before <data>, lower-case supdoc records with their files, as in a recorded answer;
 * docs/fidelity-flows.md) read by the client's reader into the one output shape and the files' bytes;
 * and the get_list request built in api.xsd's element order.
 */
import { attachmentFiles, attachmentOutput, folderOutput } from '../../../../../nodes/shared/intacct/records/attachment';
import { listSupdocRecords, getSupdocRecord, mimeTypeOf } from '../../../../../nodes/shared/intacct/xml/attachments';
import { readResponse } from '../../../../../nodes/shared/intacct/xml/responseReader';
import { writeChildren } from '../../../../../nodes/shared/intacct/xml/requestWriter';

const bytes = Buffer.from([0, 1, 2, 250, 255]);

function answer(data: string, listType = '<listtype start="0" end="0" total="1">supdoc</listtype>'): string {
	return `<?xml version="1.0" encoding="UTF-8"?><response><control><status>success</status><senderid>s</senderid><controlid>c</controlid><uniqueid>false</uniqueid><dtdversion>3.0</dtdversion></control><operation><authentication><status>success</status><userid>u</userid><companyid>C</companyid><locationid></locationid><sessiontimestamp>t</sessiontimestamp><sessiontimeout>t</sessiontimeout></authentication><result><status>success</status><function>get_list</function><controlid>f1</controlid>${listType}<data>${data}</data></result></operation></response>`;
}

const SUPDOC = `<supdoc><recordno>42</recordno><supdocid>RCPT-7</supdocid><supdocname>Taxi receipt</supdocname><folder>Receipts</folder><description>Card expense</description><creationdate>11/04/2026</creationdate><createdby>2</createdby><attachments><attachment><attachmentname>taxi</attachmentname><attachmenttype>jpg</attachmenttype><attachmentdata>${bytes.toString('base64')}</attachmentdata></attachment><attachment><attachmentname>note</attachmentname><attachmenttype>txt</attachmenttype><attachmentdata>aGk=</attachmentdata></attachment></attachments></supdoc>`;

describe('legacy supdoc answers', () => {
	it('are read with the listtype element\'s total, the files decoded byte for byte', () => {
		const [result] = readResponse({ statusCode: 200, headers: {}, body: answer(SUPDOC) }).results;
		expect(result).toMatchObject({ status: 'success', listType: 'supdoc', totalCount: 1 });
		const files = attachmentFiles(result.records[0]);
		expect(files.map((f) => [f.name, f.type])).toEqual([
			['taxi', 'jpg'],
			['note', 'txt'],
		]);
		expect(files[0].data.equals(bytes)).toBe(true);
		expect(files[1].data.toString()).toBe('hi');
	});

	it('simplify to one shape without the data; raw keeps the record minus the files\' data', () => {
		const [result] = readResponse({ statusCode: 200, headers: {}, body: answer(SUPDOC) }).results;
		expect(attachmentOutput(result.records[0], true)).toEqual({
			recordNo: 42,
			attachmentId: 'RCPT-7',
			name: 'Taxi receipt',
			folder: 'Receipts',
			description: 'Card expense',
			createdOn: '2026-11-04',
			createdBy: '2',
			files: [
				{ fileName: 'taxi.jpg', type: 'jpg', size: 5 },
				{ fileName: 'note.txt', type: 'txt', size: 2 },
			],
		});
		const raw = attachmentOutput(result.records[0], false);
		expect(raw.supdocid).toBe('RCPT-7');
		expect(JSON.stringify(raw)).not.toContain(bytes.toString('base64'));
	});

	it('folders simplify to name, description and parent', () => {
		const body = answer('<supdocfolder><recordno>3</recordno><name>Receipts</name><description>Card receipts</description><parentfolder></parentfolder><creationdate>11/01/2026</creationdate><createdby>1</createdby></supdocfolder>', '<listtype start="0" end="0" total="1">supdocfolder</listtype>');
		const [result] = readResponse({ statusCode: 200, headers: {}, body }).results;
		expect(folderOutput(result.records[0], true)).toMatchObject({ recordNo: 3, name: 'Receipts', description: 'Card receipts', parentFolder: '', createdOn: '2026-11-01' });
	});
});

describe('legacy supdoc requests', () => {
	it('get_list: filter (one expression, or logical and), sorts, fields in api.xsd order; start and maxitems as attributes', () => {
		const one = listSupdocRecords({ object: 'supdoc', start: 100, maxItems: 100, equals: { folder: 'Receipts' }, fields: ['supdocid'], sortBy: 'supdocid' });
		expect(one.attributes).toEqual({ object: 'supdoc', start: '100', maxitems: '100' });
		expect(writeChildren(one.body)).toBe(
			'<filter><expression><field>folder</field><operator>=</operator><value>Receipts</value></expression></filter><sorts><sortfield order="asc">supdocid</sortfield></sorts><fields><field>supdocid</field></fields>',
		);
		const two = listSupdocRecords({ object: 'supdoc', start: 0, maxItems: 10, equals: { folder: 'A', supdocname: 'B' } });
		expect(writeChildren(two.body)).toContain('<filter><logical logical_operator="and"><expression><field>folder</field>');
		expect(one.isWrite).toBeUndefined();
	});

	it('get: object and key attributes, no body', () => {
		const fn = getSupdocRecord('supdocfolder', 'Receipts');
		expect(fn).toMatchObject({ name: 'get', attributes: { object: 'supdocfolder', key: 'Receipts' }, body: {} });
	});

	it('file types map back to MIME types', () => {
		expect([mimeTypeOf('pdf'), mimeTypeOf('JPG'), mimeTypeOf('png'), mimeTypeOf('xyz')]).toEqual(['application/pdf', 'image/jpeg', 'image/png', 'application/octet-stream']);
	});
});
