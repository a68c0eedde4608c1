/**
 * AP payments over REST (accounts-payable.md: POST/GET /objects/accounts-payable/payment, GET
 * payment-detail; spec/accounts-payable.json `objects.accounts-payable.payment`): the model's APPYMT
 * with its APPYMTDETAIL rows as `details`. Choices the sources leave open: docs/fidelity-rest.md.
 */
import { auditFields, entityFields, f, type RestObjectDef } from './restObjectDef';

/** The model's payment methods under the camelCase names of Sage's create example (`creditCard`). */
export const PAYMENT_METHODS: ReadonlyArray<readonly [string, string]> = [
	['printedCheck', 'Printed Check'],
	['jointCheck', 'Joint Check'],
	['cash', 'Cash'],
	['eft', 'EFT'],
	['creditCard', 'Credit Card'],
	['ach', 'ACH'],
	['checkDelivery', 'Check Delivery'],
	['wfCheck', 'WF Check'],
	['wfDomesticAch', 'WF Domestic ACH'],
	['wfUsdWire', 'WF USD Wire'],
];

/** OpenAPI `state` enum values for the model's states (Complete = confirmed, Voided = voided). */
export const PAYMENT_STATES: ReadonlyArray<readonly [string, string]> = [
	['draft', 'Draft'],
	['submitted', 'Submitted'],
	['approved', 'Approved'],
	['confirmed', 'Complete'],
	['voided', 'Voided'],
];

export const PAYMENT_DETAIL: RestObjectDef = {
	name: 'accounts-payable/payment-detail',
	xmlObject: 'APPYMTDETAIL',
	idXml: 'RECORDNO',
	idWritable: false,
	owned: true,
	owner: { path: 'apPayment', object: 'accounts-payable/payment', xml: 'PAYMENTKEY' },
	fields: [
		f.ref('bill', 'accounts-payable/bill', 'RECORDKEY', undefined, { required: true }),
		{ path: 'billLine.key', xml: 'ENTRYKEY', kind: 'string' },
		f.dec('txnCurrency.paymentAmount', 'TRX_PAYMENTAMOUNT'),
		f.str('txnCurrency.currency', 'CURRENCY', { readOnly: true }),
		f.dec('baseCurrency.paymentAmount', 'PAYMENTAMOUNT', { readOnly: true }),
		f.date('paymentDate', 'PAYMENTDATE', { readOnly: true }),
		f.enum('state', 'STATE', PAYMENT_STATES, { readOnly: true }),
		...auditFields(),
	],
};

export const PAYMENT: RestObjectDef = {
	name: 'accounts-payable/payment',
	xmlObject: 'APPYMT',
	idXml: 'RECORDNO',
	idWritable: false,
	createdXml: 'AUDITWHENCREATED',
	// The OpenAPI schema gives `state` the default `draft`; the XML API's default ACTION is Submit.
	createDefaults: (input) => (input.state === undefined ? { state: 'draft' } : {}),
	fields: [
		f.str('financialEntity.entityId', 'FINANCIALENTITY', { required: true }),
		f.enum('paymentMethod', 'PAYMENTMETHOD', PAYMENT_METHODS, { required: true }),
		f.ref('vendor', 'accounts-payable/vendor', 'VENDORID', 'VENDORNAME', { required: true }),
		f.str('documentNumber', 'DOCNUMBER'),
		f.str('description', 'DESCRIPTION'),
		f.date('paymentDate', 'PAYMENTDATE', { required: true, writeOnly: true, immutable: true }),
		f.date('txnDate', 'WHENCREATED', { readOnly: true }),
		f.date('txnPaidDate', 'WHENPAID', { readOnly: true }),
		f.enum('state', 'STATE', PAYMENT_STATES, {
			createValues: ['draft', 'submitted'],
			immutable: true,
			writeXml: 'ACTION',
			writeValues: [
				['draft', 'Draft'],
				['submitted', 'Submit'],
			],
		}),
		f.str('txnCurrency.currency', 'CURRENCY', { required: true }),
		f.str('baseCurrency.currency', 'BASECURR'),
		f.dec('baseCurrency.totalAmount', 'TOTALENTERED', { readOnly: true }),
		f.dec('baseCurrency.totalPaid', 'TOTALPAID', { readOnly: true }),
		f.dec('txnCurrency.totalAmount', 'TRX_TOTALENTERED', { readOnly: true }),
		f.enum('paymentRequestMethod', 'PAYMENTREQUESTMETHOD', [
			['useVendorPreference', 'vendorpref'],
			['generateOneRequestPerBill', 'bill'],
			['mergeRequestsIntoOnePerVendor', 'vendor'],
			['mergeRequestIntoOnePerVendorPayToContact', 'payto'],
		]),
		f.str('webURL', 'RECORD_URL', { readOnly: true }),
		...auditFields('AUDITWHENCREATED'),
		...entityFields(),
	],
	lines: { path: 'details', xmlCollection: 'APPYMTDETAILS', xmlLine: 'APPYMTDETAIL', object: PAYMENT_DETAIL, ownerPath: 'apPayment', required: true, ownerXml: 'PAYMENTKEY' },
};
