/** The sandbox's REST customer (sandbox/rest/objects/accountsReceivable.ts): showInContactList is the model's HIDEDISPLAYCONTACT inverted. */
import type { XmlElement } from '../../../sandbox/model/contract';
import { CUSTOMER } from '../../../sandbox/rest/objects/accountsReceivable';
import { renderRestRecord, restInputToXml } from '../../../sandbox/rest/recordMapping';
import type { RefResolver } from '../../../sandbox/rest/refResolver';

const noRefs = { keyOf: () => null, idOf: () => null, nameOf: () => null } as unknown as RefResolver;

describe('REST customer over the model', () => {
	test('HIDEDISPLAYCONTACT true reads as showInContactList false; a JSON false writes HIDEDISPLAYCONTACT true', () => {
		expect(renderRestRecord(CUSTOMER, { RECORDNO: '3', CUSTOMERID: 'C-3', HIDEDISPLAYCONTACT: 'true' }, noRefs)).toMatchObject({ contacts: { default: { showInContactList: false } } });
		expect(renderRestRecord(CUSTOMER, { RECORDNO: '3', CUSTOMERID: 'C-3', HIDEDISPLAYCONTACT: 'false' }, noRefs)).toMatchObject({ contacts: { default: { showInContactList: true } } });
		const xml = restInputToXml(CUSTOMER, { contacts: { default: { showInContactList: false } } }, 'update', noRefs);
		expect(xml.children.find((c: XmlElement) => c.name === 'HIDEDISPLAYCONTACT')?.text).toBe('true');
	});
});
