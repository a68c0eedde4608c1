/**
 * The vendor's and customer's REST rows that are not plain text (records/restObjects.ts VENDOR,
 * restReceivables.ts CUSTOMER): booleans not named is… go out as JSON booleans, the customer's
 * HIDEDISPLAYCONTACT is REST's showInContactList inverted, amounts are numbers read with two decimals,
 * enumerations are REST values out and XML labels back.
 */
import { toRestBody, toXmlRecord } from '../../../../../nodes/shared/intacct/rest/translate';
import { restMapping } from '../../../../../nodes/shared/intacct/records/restObjects';

const VENDOR = restMapping('VENDOR')!;
const CUSTOMER = restMapping('CUSTOMER')!;

describe('vendor and customer fields over REST', () => {
	test('a vendor body: JSON booleans, a number, REST enumeration values, contact references by name', () => {
		const body = toRestBody(
			VENDOR,
			{ DONOTCUTCHECK: 'true', MERGEPAYMENTREQ: 'false', ONETIME: 'true', CREDITLIMIT: '2500.50', PAYMETHODKEY: 'Printed Check', OBJECTRESTRICTION: 'RootOnly', ACHREMITTANCETYPE: 'PPD', PAYTO: { CONTACTNAME: 'Pay Desk' } },
			'vendor',
		);
		expect(body).toEqual({
			doNotPay: true,
			mergePaymentRequests: false,
			isOneTimeUse: true,
			creditLimit: 2500.5,
			preferredPaymentMethod: 'printedCheck',
			vendorRestriction: 'rootOnly',
			ach: { remittanceType: 'personalPPD' },
			contacts: { payTo: { id: 'Pay Desk' } },
		});
	});

	test('a vendor record read back: XML spellings, amounts with two decimals', () => {
		const record = toXmlRecord(VENDOR, { doNotPay: true, creditLimit: 2500.5, retainagePercentage: 10, billingType: 'balanceForward', contacts: { returnTo: { key: null, id: 'Returns' } } });
		expect(record).toMatchObject({ DONOTCUTCHECK: 'true', CREDITLIMIT: '2500.50', RETAINAGEPERCENTAGE: '10.00', BILLINGTYPE: 'balanceforward', RETURNTO: { CONTACTNAME: 'Returns' } });
	});

	test("a customer's HIDEDISPLAYCONTACT is showInContactList inverted, both ways", () => {
		expect(toRestBody(CUSTOMER, { HIDEDISPLAYCONTACT: 'true', EMAILOPTIN: 'true', DELIVERY_OPTIONS: 'Print#~#E-Mail' }, 'customer')).toEqual({
			contacts: { default: { showInContactList: false } },
			emailOptIn: true,
			deliveryOptions: 'both',
		});
		expect(toXmlRecord(CUSTOMER, { contacts: { default: { showInContactList: true } } })).toMatchObject({ HIDEDISPLAYCONTACT: 'false' });
	});
});
