import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import type { XmlObject } from '../../../shared/intacct/core/types';
import { prepareAttachment, uploadAttachment, type FolderCache } from '../../../shared/intacct/n8n/attachments';
import { ItemValidationError } from '../../../shared/intacct/n8n/errors';
import { itemParameter, optionalField, requiredText } from '../../../shared/intacct/n8n/parameters';
import { intacctDate, readLines } from '../../../shared/intacct/n8n/transactions';
import { runWrites } from '../../../shared/intacct/n8n/writes';
import { toCents, toDecimal } from '../../../shared/intacct/records/amounts';
import { intacctToIso } from '../../../shared/intacct/records/dates';
import { legacyFunction } from '../../../shared/intacct/xml/functions';
import { entityIdProperty, linesProperties, recordAttachmentProperties, resourceLocator, simplifyProperty, writeOptionsProperty } from '../common.descriptions';
import { cardLineElements, dateParts, findCardTransaction } from './shared';

const properties: INodeProperties[] = [
	resourceLocator('chargeCard', 'Charge Card', 'searchChargeCards', { required: true, placeholder: 'e.g. VISA-1234', description: 'The charge card account (chargecardid, a CARDID) the transaction is on' }),
	{ displayName: 'Payment Date', name: 'paymentDate', type: 'dateTime', required: true, default: '', description: 'The date of the charge (paymentdate, read back as WHENCREATED)' },
	...linesProperties('bill', true).map((p) =>
		p.name === 'linesJson'
			? { ...p, description: 'Array of lines: {"accountNo": "6000", "amount": 54.32, "locationId": "110"}; optional memo, departmentId, projectId, classId, customerId, vendorId, employeeId, itemId, userDefinedDimensions {}, customFields {}. Intacct requires a location on each line in a multi-entity company.' }
			: p,
	),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Attachments ID', name: 'attachmentsId', type: 'string', default: '', description: 'An existing attachment (supdocid) to link; replaced when files are attached below' },
			{ displayName: 'Currency', name: 'currency', type: 'string', default: '', placeholder: 'e.g. USD', description: 'Transaction currency; sent with the exchange rate type Intacct then requires' },
			{ displayName: 'Description', name: 'description', type: 'string', default: '' },
			{ displayName: 'Exchange Rate Type', name: 'exchangeRateType', type: 'string', default: 'Intacct Daily Rate', description: 'Exchange rate type (exchratetype), sent only with a currency' },
			{ displayName: 'Payee', name: 'payee', type: 'string', default: '', placeholder: 'e.g. Costco' },
			{ displayName: 'Reference Number', name: 'referenceNumber', type: 'string', default: '', description: 'Reference number (referenceno), e.g. the expense claim or statement line; also used to find the transaction again after a duplicate' },
		],
	},
	...recordAttachmentProperties('card transaction'),
	entityIdProperty,
	simplifyProperty,
	writeOptionsProperty(true),
];

export const description = updateDisplayOptions({ show: { resource: ['cardTransaction'], operation: ['create'] } }, properties);

interface CardFields {
	attachmentsId?: string;
	currency?: string;
	description?: string;
	exchangeRateType?: string;
	payee?: string;
	referenceNumber?: string;
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const folders: FolderCache = new Map();
	return await runWrites.call(this, 'cardtransaction-create', true, async (i) => {
		const what = `Card transaction (item ${i + 1})`;
		const cardId = requiredText(this, 'chargeCard', i, what, { locator: true });
		const paymentDate = intacctDate(what, 'paymentDate', this.getNodeParameter('paymentDate', i));
		const lines = readLines(this, i, what, true);
		if (lines.length === 0) throw new ItemValidationError(`${what} has no lines (Intacct needs at least one)`);
		const items = cardLineElements(what, lines);
		const additional = this.getNodeParameter('additionalFields', i, {}) as CardFields;
		const referenceNumber = optionalField(what, 'referenceNumber', additional.referenceNumber);
		const payee = optionalField(what, 'payee', additional.payee);
		const currency = optionalField(what, 'currency', additional.currency);
		const total = toDecimal(lines.reduce((sum, line) => sum + toCents(line.amount), 0));
		const body: XmlObject = {
			chargecardid: cardId,
			paymentdate: dateParts(paymentDate),
			referenceno: referenceNumber,
			payee,
			description: optionalField(what, 'description', additional.description),
			supdocid: optionalField(what, 'attachmentsId', additional.attachmentsId),
			// api.xsd: a currency must be followed by an exchange rate type (or rate).
			currency,
			exchratetype: currency ? (optionalField(what, 'exchangeRateType', additional.exchangeRateType) ?? 'Intacct Daily Rate') : undefined,
			ccpayitems: { ccpayitem: items },
		};
		const label = `card ${cardId} ${referenceNumber ?? ''} ${payee ?? ''} ${intacctToIso(paymentDate)}`.replace(/\s+/g, ' ').trim();
		const attachment = await prepareAttachment(this, i, what, () => JSON.stringify(body), `charge ${label}`);
		if (attachment) body.supdocid = attachment.supdocId;
		const simplify = itemParameter(this, 'simplify', i, true);
		return {
			before: attachment ? async (client, options) => await uploadAttachment(client, options, attachment, folders) : undefined,
			fn: legacyFunction('record_cctransaction', body, { isWrite: true }),
			onSuccess: (result) => {
				const key = result.key ?? String(result.records[0]?.RECORDNO ?? '');
				if (!simplify) return { RECORDNO: key };
				return {
					recordNo: key === '' ? null : Number(key),
					chargeCardId: cardId,
					paymentDate: intacctToIso(paymentDate),
					referenceNumber: referenceNumber ?? null,
					payee: payee ?? null,
					total: Number(total),
					lines: lines.length,
					attachmentsId: typeof body.supdocid === 'string' ? body.supdocid : null,
				};
			},
			findExisting: async (client, options) => await findCardTransaction(client, options, { cardId, paymentDate, total, referenceNumber }),
			owner: cardId,
			intended: { FINANCIALENTITY: cardId, WHENCREATED: paymentDate, TOTALENTERED: total },
		};
	});
}
