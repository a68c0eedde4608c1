/**
 * Intacct's attachment name and type have no period (company-console-attachments.md, create_supdoc):
 * how the node splits an n8n binary's file name and MIME type.
 */
import { attachmentNameAndType } from '../../nodes/shared/intacct/xml/attachments';

describe('attachmentNameAndType', () => {
	it.each([
		['invoice.pdf', 'application/pdf', { name: 'invoice', type: 'pdf' }],
		['INV.2026.10.PDF', undefined, { name: 'INV_2026_10', type: 'pdf' }],
		['scan', 'image/jpeg', { name: 'scan', type: 'jpg' }],
		['report', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', { name: 'report', type: 'xlsx' }],
		['notes', 'text/plain; charset=utf-8', { name: 'notes', type: 'txt' }],
		['drawing', 'image/svg+xml', { name: 'drawing', type: 'svg' }],
		['blob', undefined, { name: 'blob', type: 'bin' }],
		['.hidden', undefined, { name: '_hidden', type: 'bin' }],
	])('%s (%s)', (fileName, mimeType, expected) => {
		const result = attachmentNameAndType(fileName, mimeType);
		expect(result).toEqual(expected);
		expect(`${result.name}${result.type}`).not.toContain('.');
	});
});
