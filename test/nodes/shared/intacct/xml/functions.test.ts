import * as f from '../../../../../nodes/shared/intacct/xml/functions';
import { writeRequest } from '../../../../../nodes/shared/intacct/xml/requestWriter';
import { parseXmlDocument, type XmlNode } from '../../../../../nodes/shared/intacct/xml/xmlParser';
import type { IntacctFunction } from '../../../../../nodes/shared/intacct/core/types';

/** The function's element as the gateway would parse it. */
function written(fn: IntacctFunction): XmlNode {
	const xml = writeRequest({
		senderId: 's',
		senderPassword: 'p',
		controlId: 'r',
		uniqueId: false,
		transaction: false,
		authentication: { kind: 'session', sessionId: 'x' },
		functions: [{ ...fn, controlId: fn.controlId ?? 'c' }],
	});
	const content = parseXmlDocument(xml).children[1].children[1];
	return content.children[0].children[0];
}

const names = (node: XmlNode) => node.children.map((c) => c.name);
const text = (node: XmlNode, name: string) => node.children.find((c) => c.name === name)?.text;

describe('function builders', () => {
	it('readByQuery: object, fields, query, pagesize in order; * and empty query by default', () => {
		const node = written(f.readByQuery({ object: 'GLENTRY', fields: ['RECORDNO', 'AMOUNT'], query: "BATCHNO = '1' AND X >= 2", pageSize: 500 }));
		expect(node.name).toBe('readByQuery');
		expect(names(node)).toEqual(['object', 'fields', 'query', 'pagesize']);
		expect(text(node, 'fields')).toBe('RECORDNO,AMOUNT');
		expect(text(node, 'query')).toBe("BATCHNO = '1' AND X >= 2");
		const plain = written(f.readByQuery({ object: 'VENDOR' }));
		expect([text(plain, 'fields'), text(plain, 'query')]).toEqual(['*', '']);
		expect(() => f.readByQuery({ object: 'X', pageSize: 1001 })).toThrow(/1 to 1000/);
	});

	it('query: select, filter tree, orderby, options, pagesize, offset', () => {
		const node = written(
			f.query({
				object: 'GLDETAIL',
				select: ['RECORDNO', 'AMOUNT'],
				filter: {
					operator: 'and',
					filters: [
						{ operator: 'greaterthanorequalto', field: 'WHENMODIFIED', value: '06/01/2024 00:00:00' },
						{ operator: 'in', field: 'MODULEKEY', values: ['2.GL', '3.AP'] },
						{ operator: 'or', filters: [{ operator: 'isnull', field: 'X' }] },
					],
				},
				orderBy: [{ field: 'WHENMODIFIED' }, { field: 'RECORDNO', descending: true }],
				caseInsensitive: true,
				pageSize: 2000,
				offset: 4000,
			}),
		);
		expect(names(node)).toEqual(['object', 'select', 'filter', 'orderby', 'options', 'pagesize', 'offset']);
		const and = node.children[2].children[0];
		expect(and.name).toBe('and');
		expect(names(and)).toEqual(['greaterthanorequalto', 'in', 'isnull']);
		expect(and.children[1].children.map((c) => c.text)).toEqual(['MODULEKEY', '2.GL', '3.AP']);
		const orders = node.children[3].children;
		expect(orders.map((o) => names(o))).toEqual([['field', 'ascending'], ['field', 'descending']]);
		expect(text(node, 'offset')).toBe('4000');
		expect(() => f.query({ object: 'X', select: [] })).toThrow(/select/);
		expect(() => f.query({ object: 'X', select: ['A'], filter: { operator: 'in', field: 'A', values: [] } })).toThrow(/1 to 1000/);
		expect(() => f.query({ object: 'X', select: ['A'], pageSize: 2001 })).toThrow(/1 to 2000/);
	});

	it('read/readByName/delete join keys and cap them at 100; writes are marked isWrite', () => {
		expect(text(written(f.read('GLBATCH', ['31', '32'])), 'keys')).toBe('31,32');
		expect(text(written(f.readByName('GLACCOUNT', '6100, 6200', ['TITLE'])), 'keys')).toBe('6100,6200');
		expect(() => f.read('X', Array.from({ length: 101 }, (_, i) => String(i)))).toThrow(/at most 100/);
		expect(f.read('X', '1').isWrite).toBeUndefined();
		expect(f.create('APBILL', { VENDORID: 'V1' }, { controlId: 'bill-1' })).toEqual({ name: 'create', body: { APBILL: { VENDORID: 'V1' } }, controlId: 'bill-1', isWrite: true });
		expect(f.update('APBILL', { RECORDNO: '1' }).isWrite).toBe(true);
		expect(f.deleteRecords('GLBATCH', ['1', '2'])).toMatchObject({ name: 'delete', body: { object: 'GLBATCH', keys: '1,2' }, isWrite: true });
		expect(f.legacyFunction('create_bill', { vendorid: 'V' }).isWrite).toBe(true);
		expect(f.legacyFunction('get_list', {}, { attributes: { object: 'class' } })).toMatchObject({ attributes: { object: 'class' } });
	});

	it('getAPISession, readMore, lookup, inspect', () => {
		expect(names(written(f.getAPISession()))).toEqual([]);
		expect(text(written(f.getAPISession('')), 'locationid')).toBe('');
		expect(text(written(f.readMore('abc')), 'resultId')).toBe('abc');
		expect(text(written(f.lookup('GLBATCH')), 'object')).toBe('GLBATCH');
		expect(written(f.inspect('GLENTRY', true)).attributes.detail).toBe('1');
	});
});
