/**
 * Legacy functions (§5.3, §5.5): create_gltransaction, delete_gltransaction, create_bill,
 * update_bill, delete_bill, create_supdoc, delete_supdoc, create_supdocfolder, record_cctransaction,
 * reverse_cctransaction (writes/cctransaction.ts). Lower-case elements in strict XSD
 * order; they map onto the same business rules as the generic GLBATCH/APBILL writes and answer
 * with <key> (creates, update_bill) or nothing (deletes).
 * Sources and inventions: docs/fidelity-ap.md.
 */
import { RuleViolation, RULES, schemaError, writeFailure, type WriteVerb } from '../errors';
import type { FunctionOutcome, XmlElement } from '../contract';
import { formatUsDate, fromDateParts } from '../dates';
import { objectDef } from '../objects';
import { attribute, childElement, childText } from '../xml-element';
import { createApBill, deleteApBill, updateApBill } from './apbill';
import { reverseApPayment } from './appymt';
import { createInvoiceLegacy, deleteInvoiceLegacy, updateInvoiceLegacy } from './arinvoice';
import { recordDeposit } from './deposit';
import { recordCcTransaction, reverseCcTransaction } from './cctransaction';
import { createGlBatch, deleteGlBatch } from './glbatch';
import { checkSequence, legacyDateParts, type SequenceItem } from './legacy-order';
import { createMasterRecord } from './master-data';
import type { FieldInput } from './record-input';
import { readAttachments, removeSupdoc, writeSupdoc } from './supdoc';
import { lineCustomFields, refuseHeaderCustomFields } from './user-dimension-fields';
import type { WriteSession } from './write-session';

type LegacyHandler = (ws: WriteSession, fn: XmlElement) => FunctionOutcome;

const GLTRANSACTION_SEQUENCE: SequenceItem[] = [
	{ name: 'journalid', required: true },
	{ name: 'datecreated', required: true },
	{ name: 'reversedate' },
	{ name: 'description', required: true },
	{ name: 'referenceno' },
	{ name: 'sourceentity' },
	{ name: 'customfields' },
	{ name: 'state' },
	{ name: 'gltransactionentries', required: true },
];

const GLENTRY_SEQUENCE: SequenceItem[] = [
	'trtype',
	'amount',
	'glaccountno',
	'document',
	'datecreated',
	'memo',
	'locationid',
	'departmentid',
	'customerid',
	'vendorid',
	'employeeid',
	'projectid',
	'itemid',
	'classid',
	'contractid',
	'warehouseid',
	'customfields',
	'currency',
	'exchratedate',
	'exchratetype',
	'exchrate',
].map((name) => ({ name, required: ['trtype', 'amount', 'glaccountno'].includes(name) }));

const BILL_SEQUENCE: SequenceItem[] = [
	{ name: 'vendorid', required: true },
	{ name: 'datecreated', required: true },
	{ name: 'dateposted' },
	// api.xsd create_bill: a choice of (datedue, termname?) or termname (checked in createBill).
	{ name: 'datedue' },
	{ name: 'termname' },
	{ name: 'action' },
	{ name: 'batchkey' },
	{ name: 'billno' },
	{ name: 'ponumber' },
	{ name: 'onhold' },
	{ name: 'description' },
	{ name: 'externalid' },
	{ name: 'payto' },
	{ name: 'returnto' },
	{ name: 'basecurr' },
	{ name: 'currency' },
	{ name: 'exchratedate' },
	{ name: 'exchratetype' },
	{ name: 'exchrate' },
	{ name: 'nogl' },
	{ name: 'supdocid' },
	{ name: 'customfields' },
	{ name: 'billitems', required: true },
];

const BILL_LINE_SEQUENCE: SequenceItem[] = [
	{ name: 'glaccountno', or: ['accountlabel'], required: true },
	{ name: 'offsetglaccountno' },
	{ name: 'amount', required: true },
	{ name: 'allocationid' },
	{ name: 'memo' },
	{ name: 'locationid' },
	{ name: 'departmentid' },
	{ name: 'item1099' },
	{ name: 'form1099type' },
	{ name: 'form1099box' },
	{ name: 'key' },
	{ name: 'totalpaid' },
	{ name: 'totaldue' },
	{ name: 'customfields' },
	{ name: 'revrectemplate' },
	{ name: 'defrevaccount' },
	{ name: 'revrecstartdate' },
	{ name: 'revrecenddate' },
	{ name: 'projectid' },
	{ name: 'customerid' },
	{ name: 'vendorid' },
	{ name: 'employeeid' },
	{ name: 'itemid' },
	{ name: 'classid' },
	{ name: 'contractid' },
	{ name: 'warehouseid' },
	{ name: 'billable' },
];

/** api.xsd update_bill: the create_bill header without batchkey, externalid, basecurr and nogl; everything optional. */
const UPDATE_BILL_SEQUENCE: SequenceItem[] = [
	'vendorid',
	'datecreated',
	'dateposted',
	'datedue',
	'termname',
	'action',
	'billno',
	'ponumber',
	'onhold',
	'description',
	'payto',
	'returnto',
	// api.xsd: (currency, ((exchratedate?, exchratetype) | exchrate))?, read here as a flat optional sequence.
	'currency',
	'exchratedate',
	'exchratetype',
	'exchrate',
	'supdocid',
	'customfields',
	'updatebillitems',
].map((name) => ({ name }));

/** api.xsd updatelineitem (line_num attribute): every element optional. */
const UPDATE_BILL_LINE_SEQUENCE: SequenceItem[] = [
	{ name: 'glaccountno', or: ['accountlabel'] },
	...[
		'offsetglaccountno',
		'amount',
		'memo',
		'locationid',
		'departmentid',
		'item1099',
		'form1099type',
		'form1099box',
		'customfields',
		'revrectemplate',
		'defrevaccount',
		'revrecstartdate',
		'revrecenddate',
		'projectid',
		'customerid',
		'vendorid',
		'employeeid',
		'itemid',
		'classid',
		'contractid',
		'warehouseid',
		'billable',
	].map((name) => ({ name })),
];

/** update_bill's elements in api.xsd's order; <updatebillitems> holds one or more <lineitem> / <updatelineitem>. */
function checkUpdateBill(fn: XmlElement): void {
	checkSequence(fn, UPDATE_BILL_SEQUENCE);
	const items = childElement(fn, 'updatebillitems');
	if (!items) return;
	const choice = [{ name: 'lineitem', or: ['updatelineitem'], required: true }];
	if (items.children.length === 0) checkSequence(items, choice);
	for (const line of items.children) {
		if (line.name !== 'lineitem' && line.name !== 'updatelineitem') checkSequence(items, choice);
		checkSequence(line, line.name === 'lineitem' ? BILL_LINE_SEQUENCE : UPDATE_BILL_LINE_SEQUENCE);
	}
}

/** A legacy date block as the generic mm/dd/yyyy text (invalid dates fail like generic ones). */
function legacyDate(el: XmlElement | undefined, fieldId: string): string | undefined {
	if (!el) return undefined;
	const parts = legacyDateParts(el);
	const iso = fromDateParts(parts.year, parts.month, parts.day);
	if (!iso) throw RULES.invalidDate(fieldId, `${parts.month}/${parts.day}/${parts.year}`);
	return formatUsDate(iso);
}

function guarded(verb: WriteVerb, label: string, action: () => FunctionOutcome): FunctionOutcome {
	try {
		return action();
	} catch (error: unknown) {
		if (error instanceof RuleViolation) throw writeFailure(verb, label, error.errors);
		throw error;
	}
}

function set(map: FieldInput, key: string, text: string | undefined): void {
	if (text !== undefined && text !== '') map.set(key, text);
}

const createGlTransaction: LegacyHandler = (ws, fn) => {
	checkSequence(fn, GLTRANSACTION_SEQUENCE);
	const entries = childElement(fn, 'gltransactionentries')!;
	const lineElements = entries.children;
	for (const line of lineElements) {
		if (line.name !== 'glentry') checkSequence(entries, [{ name: 'glentry' }]);
		checkSequence(line, GLENTRY_SEQUENCE);
	}
	return guarded('create', 'Journal Entry', () => {
		const fields: FieldInput = new Map();
		set(fields, 'JOURNAL', childText(fn, 'journalid'));
		set(fields, 'BATCH_DATE', legacyDate(childElement(fn, 'datecreated'), 'datecreated'));
		set(fields, 'REVERSEDATE', legacyDate(childElement(fn, 'reversedate'), 'reversedate'));
		set(fields, 'BATCH_TITLE', childText(fn, 'description'));
		set(fields, 'REFERENCENO', childText(fn, 'referenceno'));
		set(fields, 'BASELOCATION_NO', childText(fn, 'sourceentity'));
		set(fields, 'STATE', childText(fn, 'state'));
		refuseHeaderCustomFields('GLBATCH', fn);
		const lines = lineElements.map((line, index) => {
			const trtype = childText(line, 'trtype') ?? '';
			// §5.3: documented as the words debit/credit; numbers are refused (UNCERTAIN upstream).
			if (trtype !== 'debit' && trtype !== 'credit') throw RULES.invalidValue('trtype', trtype, 'debit, credit');
			const input: FieldInput = new Map([['TR_TYPE', trtype === 'debit' ? '1' : '-1']]);
			set(input, 'TRX_AMOUNT', childText(line, 'amount'));
			set(input, 'ACCOUNTNO', childText(line, 'glaccountno'));
			set(input, 'DOCUMENT', childText(line, 'document'));
			set(input, 'DESCRIPTION', childText(line, 'memo'));
			set(input, 'LOCATION', childText(line, 'locationid'));
			set(input, 'DEPARTMENT', childText(line, 'departmentid'));
			for (const dim of ['customerid', 'vendorid', 'employeeid', 'projectid', 'itemid', 'classid']) set(input, dim.toUpperCase(), childText(line, dim));
			set(input, 'CURRENCY', childText(line, 'currency'));
			for (const [name, text] of lineCustomFields('GLENTRY', line, ` (entry line ${index + 1})`)) input.set(name, text);
			return input;
		});
		return { kind: 'key', key: createGlBatch(ws, { fields, lines }).RECORDNO };
	});
};

function keyAttribute(fn: XmlElement): string {
	const key = attribute(fn, 'key');
	if (!key) throw RULES.required('key');
	return key;
}

const deleteGlTransaction: LegacyHandler = (ws, fn) =>
	guarded('delete', 'Journal Entry', () => {
		deleteGlBatch(ws, keyAttribute(fn));
		return { kind: 'none' };
	});

function element(name: string, children: XmlElement[] = [], text = ''): XmlElement {
	return { name, attributes: {}, children, text };
}

function leaf(name: string, text: string | undefined): XmlElement[] {
	return text === undefined || text === '' ? [] : [element(name, [], text)];
}

/** A legacy bill line as a generic APBILLITEM element; its customfields (user-defined dimensions only) as GLDIM<NAME> fields. */
function billLine(line: XmlElement, index: number, lineNo?: string): XmlElement {
	const map: Array<[string, string]> = [
		['glaccountno', 'ACCOUNTNO'],
		['offsetglaccountno', 'OFFSETGLACCOUNTNO'],
		['amount', 'TRX_AMOUNT'],
		['memo', 'ENTRYDESCRIPTION'],
		['locationid', 'LOCATIONID'],
		['departmentid', 'DEPARTMENTID'],
		['projectid', 'PROJECTID'],
		['customerid', 'CUSTOMERID'],
		['vendorid', 'VENDORID'],
		['employeeid', 'EMPLOYEEID'],
		['itemid', 'ITEMID'],
		['classid', 'CLASSID'],
		['billable', 'BILLABLE'],
	];
	const children = [...leaf('LINE_NO', lineNo), ...map.flatMap(([legacy, generic]) => leaf(generic, childText(line, legacy)))];
	for (const [name, text] of lineCustomFields('APBILLITEM', line, ` (bill line ${index + 1})`)) children.push(element(name, [], text));
	return element('APBILLITEM', children);
}

function billHeader(fn: XmlElement): XmlElement[] {
	return [
		...leaf('VENDORID', childText(fn, 'vendorid')),
		...leaf('WHENCREATED', legacyDate(childElement(fn, 'datecreated'), 'datecreated')),
		...leaf('WHENPOSTED', legacyDate(childElement(fn, 'dateposted'), 'dateposted')),
		...leaf('WHENDUE', legacyDate(childElement(fn, 'datedue'), 'datedue')),
		...leaf('TERMNAME', childText(fn, 'termname')),
		...leaf('ACTION', childText(fn, 'action')),
		...leaf('RECORDID', childText(fn, 'billno')),
		...leaf('DOCNUMBER', childText(fn, 'ponumber')),
		...leaf('ONHOLD', childText(fn, 'onhold')),
		...leaf('DESCRIPTION', childText(fn, 'description')),
		...leaf('CURRENCY', childText(fn, 'currency')),
		...leaf('SUPDOCID', childText(fn, 'supdocid')),
	];
}

const createBill: LegacyHandler = (ws, fn) => {
	checkSequence(fn, BILL_SEQUENCE);
	const items = childElement(fn, 'billitems')!;
	for (const line of items.children) {
		if (line.name !== 'lineitem') checkSequence(items, [{ name: 'lineitem' }]);
		checkSequence(line, BILL_LINE_SEQUENCE);
	}
	if (!childElement(fn, 'datedue') && !childElement(fn, 'termname')) {
		throw schemaError("XML Parse schema error: Element 'create_bill': Missing child element(s). Expected is one of ( datedue, termname ).");
	}
	return guarded('create', 'Bill', () => {
		refuseHeaderCustomFields('APBILL', fn);
		const generic = element('APBILL', [...billHeader(fn), element('APBILLITEMS', items.children.map((l, i) => billLine(l, i)))]);
		return { kind: 'key', key: createApBill(ws, generic, { dueFromTerm: true }).RECORDNO };
	});
};

/**
 * update_bill key="…": header fields as in create_bill, in api.xsd's order (an element the schema
 * does not allow is a schema error, as for create_bill), and <updatebillitems> with
 * <updatelineitem line_num="n"> (changes line n) and <lineitem> (adds a line); lines not mentioned
 * stay as they are.
 */
const updateBill: LegacyHandler = (ws, fn) => {
	checkUpdateBill(fn);
	return guarded('update', 'Bill', () => {
		const key = keyAttribute(fn);
		const existing = ws.db.table('APBILL').get(Number(key));
		if (!existing) throw RULES.notFound('Bill', key, 'update');
		refuseHeaderCustomFields('APBILL', fn);
		const children = [element('RECORDNO', [], key), ...billHeader(fn)];
		const updates = childElement(fn, 'updatebillitems');
		if (updates) {
			const current = ws.db.table('APBILLITEM').children(Number(key));
			const lines: XmlElement[] = current.map((_, i) => element('APBILLITEM', [element('LINE_NO', [], String(i + 1))]));
			for (const u of updates.children) {
				if (u.name === 'updatelineitem') {
					const n = Number(attribute(u, 'line_num') ?? '0');
					if (n < 1 || n > lines.length) throw RULES.invalidValue('line_num', String(n));
					lines[n - 1] = billLine(u, n - 1, String(n));
				} else if (u.name === 'lineitem') {
					lines.push(billLine(u, lines.length));
				}
			}
			children.push(element('APBILLITEMS', lines));
		}
		return { kind: 'key', key: updateApBill(ws, element('APBILL', children)).RECORDNO };
	});
};

const deleteBill: LegacyHandler = (ws, fn) =>
	guarded('delete', 'Bill', () => {
		deleteApBill(ws, keyAttribute(fn));
		return { kind: 'none' };
	});

/** api.xsd: <attachments> holds one or more <attachment>(attachmentname, attachmenttype, attachmentdata). */
function checkAttachments(fn: XmlElement): void {
	const attachments = childElement(fn, 'attachments');
	if (!attachments) return;
	if (attachments.children.length === 0) checkSequence(attachments, [{ name: 'attachment', required: true }]);
	for (const a of attachments.children) {
		if (a.name !== 'attachment') checkSequence(attachments, [{ name: 'attachment' }]);
		checkSequence(a, [
			{ name: 'attachmentname', required: true },
			{ name: 'attachmenttype', required: true },
			{ name: 'attachmentdata', required: true },
		]);
	}
}

/**
 * create_supdoc (Sage's Attachments page, Create Attachment (Legacy)): supdocid is required by
 * the XSD; supdocname and supdocfoldername are required by the reference (the XSD leaves them optional,
 * the stricter source wins), checked as business rules.
 */
const createSupdoc: LegacyHandler = (ws, fn) => {
	checkSequence(fn, [{ name: 'supdocid', required: true }, { name: 'supdocname' }, { name: 'supdocfoldername' }, { name: 'supdocdescription' }, { name: 'attachments' }]);
	checkAttachments(fn);
	return guarded('create', 'Attachment', () => {
		const row = writeSupdoc(ws, {
			id: childText(fn, 'supdocid'),
			name: childText(fn, 'supdocname'),
			folder: childText(fn, 'supdocfoldername'),
			description: childText(fn, 'supdocdescription'),
			attachments: readAttachments(childElement(fn, 'attachments')),
		});
		return { kind: 'key', key: row.SUPDOCID };
	});
};

/** delete_supdoc key="…" (Delete Attachment (Legacy)). */
const deleteSupdocLegacy: LegacyHandler = (ws, fn) =>
	guarded('delete', 'Attachment', () => {
		removeSupdoc(ws, keyAttribute(fn));
		return { kind: 'none' };
	});

const createSupdocFolder: LegacyHandler = (ws, fn) => {
	checkSequence(fn, [{ name: 'supdocfoldername', required: true }, { name: 'supdocfolderdescription' }, { name: 'supdocparentfoldername' }]);
	return guarded('create', 'Attachment Folder', () => {
		const input: FieldInput = new Map();
		set(input, 'NAME', childText(fn, 'supdocfoldername'));
		set(input, 'DESCRIPTION', childText(fn, 'supdocfolderdescription'));
		set(input, 'PARENTFOLDERNAME', childText(fn, 'supdocparentfoldername'));
		return { kind: 'key', key: createMasterRecord(ws, objectDef('SUPDOCFOLDER')!, input).NAME };
	});
};

export const LEGACY_FUNCTIONS: Record<string, LegacyHandler> = {
	create_gltransaction: createGlTransaction,
	delete_gltransaction: deleteGlTransaction,
	create_bill: createBill,
	update_bill: updateBill,
	delete_bill: deleteBill,
	create_supdoc: createSupdoc,
	delete_supdoc: deleteSupdocLegacy,
	create_supdocfolder: createSupdocFolder,
	reverse_appayment: reverseApPayment,
	create_invoice: createInvoiceLegacy,
	update_invoice: updateInvoiceLegacy,
	delete_invoice: deleteInvoiceLegacy,
	record_deposit: recordDeposit,
	record_cctransaction: recordCcTransaction,
	reverse_cctransaction: reverseCcTransaction,
};
