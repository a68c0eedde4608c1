import type { RenderRecord, XmlElement } from '../../../sandbox/model/contract';
import { VENDOR } from '../../../sandbox/rest/objects/accountsPayable';
import { JOURNAL_ENTRY } from '../../../sandbox/rest/objects/generalLedger';
import { renderRestRecord, restInputToXml } from '../../../sandbox/rest/recordMapping';
import type { RefResolver } from '../../../sandbox/rest/refResolver';
import { RestError } from '../../../sandbox/rest/restErrors';

/** A resolver over a fixed table: account 6000 has key 40. */
const refs = {
	keyOf: (object: string, id: string) => (object === 'general-ledger/account' && id === '6000' ? '40' : null),
	idOf: (object: string, key: string) => (object === 'general-ledger/account' && key === '40' ? '6000' : null),
	nameOf: () => null,
} as unknown as RefResolver;

function child(el: XmlElement, name: string): XmlElement | undefined {
	return el.children.find((c) => c.name === name);
}

describe('REST <-> model record mapping (sandbox/rest/recordMapping.ts)', () => {
	test('reads: dates, timestamps, enums, booleans, references with key and href, owned lines', () => {
		const record: RenderRecord = {
			RECORDNO: '7',
			BATCH_TITLE: 'Accrual',
			JOURNAL: 'GJ',
			BATCH_DATE: '11/02/2026',
			STATE: 'Draft',
			WHENCREATED: '11/02/2026 10:11:12',
			ENTRIES: { glentry: [{ RECORDNO: '70', TR_TYPE: '-1', TRX_AMOUNT: '5.00', ACCOUNTNO: '6000', ACCOUNTTITLE: 'Supplies' }] },
		};
		const out = renderRestRecord(JOURNAL_ENTRY, record, refs);
		expect(out).toMatchObject({ key: '7', id: '7', postingDate: '2026-11-02', state: 'draft', audit: { createdDateTime: '2026-11-02T10:11:12Z' }, href: '/objects/general-ledger/journal-entry/7' });
		expect(out.lines).toEqual([
			expect.objectContaining({
				key: '70',
				txnType: 'credit',
				txnAmount: '5.00',
				journalEntry: { key: '7', id: '7', href: '/objects/general-ledger/journal-entry/7' },
				glAccount: { key: '40', id: '6000', name: 'Supplies', href: '/objects/general-ledger/account/40' },
			}),
		]);
	});

	test('writes: nested contact fields become nested model elements; a reference by key resolves to its id', () => {
		const xml = restInputToXml(VENDOR, { id: 'V-9', name: 'Nine', defaultExpenseGLAccount: { key: '40' }, contacts: { default: { email1: 'a@b.example', mailingAddress: { city: 'Leeds' } } } }, 'create', refs);
		expect(xml.name).toBe('VENDOR');
		expect(child(xml, 'APACCOUNT')?.text).toBe('6000');
		const contact = child(xml, 'DISPLAYCONTACT');
		expect(child(contact!, 'EMAIL1')?.text).toBe('a@b.example');
		expect(child(child(contact!, 'MAILADDRESS')!, 'CITY')?.text).toBe('Leeds');
	});

	test('writes: every bad field is reported at once, with its path', () => {
		let error: unknown;
		try {
			restInputToXml(VENDOR, { name: 5, isOnHold: 'maybe', defaultExpenseGLAccount: { key: '999' }, shoeSize: 9 }, 'create', refs);
		} catch (e: unknown) {
			error = e;
		}
		expect(error).toBeInstanceOf(RestError);
		expect((error as RestError).details.map((d) => d.field).sort()).toEqual(['defaultExpenseGLAccount.key', 'id', 'isOnHold', 'shoeSize']);
	});
});
