/**
 * The XML a hand-built per-item integration sends (an HTTP Request node with a body template): one
 * getAPISession, then one request per document with a single generic create. Written by hand on
 * purpose (it is the baseline, not our client); escaping is the minimum XML needs.
 */
import { toIntacctDate, type BenchBill, type BenchJournalEntry } from '../../bench/payloads';

export interface NaiveLogin {
	senderId: string;
	senderPassword: string;
	userId: string;
	companyId: string;
	userPassword: string;
}

const escapeXml = (text: string): string =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function envelope(login: NaiveLogin, controlId: string, authentication: string, fn: string): string {
	return (
		'<?xml version="1.0" encoding="UTF-8"?><request><control>' +
		`<senderid>${escapeXml(login.senderId)}</senderid><password>${escapeXml(login.senderPassword)}</password>` +
		`<controlid>${controlId}</controlid><uniqueid>false</uniqueid><dtdversion>3.0</dtdversion>` +
		'<includewhitespace>false</includewhitespace></control><operation transaction="false">' +
		`<authentication>${authentication}</authentication><content>` +
		`<function controlid="${controlId}">${fn}</function></content></operation></request>`
	);
}

export function sessionRequest(login: NaiveLogin): string {
	const auth =
		`<login><userid>${escapeXml(login.userId)}</userid><companyid>${escapeXml(login.companyId)}</companyid>` +
		`<password>${escapeXml(login.userPassword)}</password></login>`;
	return envelope(login, 'session', auth, '<getAPISession/>');
}

export function billRequest(login: NaiveLogin, sessionId: string, bill: BenchBill, controlId: string): string {
	const lines = bill.lines
		.map(
			(l) =>
				`<APBILLITEM><ACCOUNTNO>${escapeXml(l.accountNo)}</ACCOUNTNO><TRX_AMOUNT>${l.amount.toFixed(2)}</TRX_AMOUNT>` +
				`<ENTRYDESCRIPTION>${escapeXml(l.memo)}</ENTRYDESCRIPTION><DEPARTMENTID>${escapeXml(l.departmentId)}</DEPARTMENTID><LOCATIONID>${escapeXml(l.locationId)}</LOCATIONID></APBILLITEM>`,
		)
		.join('');
	const fn =
		`<create><APBILL><VENDORID>${escapeXml(bill.vendorId)}</VENDORID><WHENCREATED>${toIntacctDate(bill.date)}</WHENCREATED>` +
		`<WHENDUE>${toIntacctDate(bill.dueDate)}</WHENDUE><RECORDID>${escapeXml(bill.billNumber)}</RECORDID>` +
		`<DESCRIPTION>${escapeXml(bill.description)}</DESCRIPTION><APBILLITEMS>${lines}</APBILLITEMS></APBILL></create>`;
	return envelope(login, controlId, `<sessionid>${escapeXml(sessionId)}</sessionid>`, fn);
}

export function journalEntryRequest(login: NaiveLogin, sessionId: string, entry: BenchJournalEntry, controlId: string): string {
	const lines = entry.lines
		.map(
			(l) =>
				`<GLENTRY><ACCOUNTNO>${escapeXml(l.accountNo)}</ACCOUNTNO><TR_TYPE>${l.type === 'debit' ? 1 : -1}</TR_TYPE>` +
				`<TRX_AMOUNT>${l.amount.toFixed(2)}</TRX_AMOUNT><DESCRIPTION>${escapeXml(l.memo)}</DESCRIPTION>` +
				(l.departmentId ? `<DEPARTMENT>${escapeXml(l.departmentId)}</DEPARTMENT>` : '') +
				`<LOCATION>${escapeXml(l.locationId)}</LOCATION>` +
				'</GLENTRY>',
		)
		.join('');
	const fn =
		`<create><GLBATCH><JOURNAL>${escapeXml(entry.journal)}</JOURNAL><BATCH_DATE>${toIntacctDate(entry.date)}</BATCH_DATE>` +
		`<BATCH_TITLE>${escapeXml(entry.title)}</BATCH_TITLE><REFERENCENO>${escapeXml(entry.referenceNo)}</REFERENCENO>` +
		`<ENTRIES>${lines}</ENTRIES></GLBATCH></create>`;
	return envelope(login, controlId, `<sessionid>${escapeXml(sessionId)}</sessionid>`, fn);
}
