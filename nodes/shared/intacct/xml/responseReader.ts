/**
 * Reads the gateway's answer into typed results (docs/protocol.md §3), checking the three status
 * levels in order: HTTP, control, authentication, then each result. Failures of the first three
 * throw IntacctError (nothing ran); per-function failures stay results for the caller to judge.
 */
import type {
	HttpPostResponse,
	IntacctErrorDetail,
	IntacctFieldValue,
	IntacctRecord,
	IntacctResult,
	IntacctResultStatus,
} from '../core/types';
import { IntacctError, decodeSupportId } from '../core/errors';
import { parseXmlDocument, type XmlNode } from './xmlParser';

export interface ControlBlock {
	status: string;
	/** Gateway errors and expired demo companies omit these (§3.4). */
	senderId?: string;
	controlId?: string;
	uniqueId?: string;
	dtdVersion?: string;
}

export interface AuthenticationBlock {
	status: string;
	userId: string;
	companyId: string;
	/** Entity of the session ('' = top level). */
	locationId?: string;
	/** ISO 8601 with offset; older answers omit sessiontimeout (§2.2). */
	sessionTimestamp?: string;
	sessionTimeout?: string;
}

export interface ParsedResponse {
	control: ControlBlock;
	authentication?: AuthenticationBlock;
	results: IntacctResult[];
}

/** Texts meaning "retry later may succeed" whatever level they come at (§3.6, §4.7). */
const TRANSIENT_TEXT = /too many operations|temporarily off-?line|rate limit exceeded/i;
const TRANSIENT_ERROR_NUMBERS = new Set(['GW-0010']);

function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
	if (!node) return undefined;
	const lower = name.toLowerCase();
	return node.children.find((c) => c.name.toLowerCase() === lower);
}

function childText(node: XmlNode | undefined, name: string): string | undefined {
	return child(node, name)?.text;
}

function readErrors(errormessage: XmlNode | undefined): IntacctErrorDetail[] {
	if (!errormessage) return [];
	return errormessage.children
		.filter((c) => c.name.toLowerCase() === 'error')
		.map((e) => ({
			errorNo: (childText(e, 'errorno') ?? '').trim(),
			description: (childText(e, 'description') ?? '').trim(),
			description2: decodeSupportId((childText(e, 'description2') ?? '').trim()),
			correction: (childText(e, 'correction') ?? '').trim(),
		}));
}

function errorsText(errors: IntacctErrorDetail[]): string {
	return errors.map((e) => `${e.errorNo} ${e.description} ${e.description2} ${e.correction}`).join(' ');
}

/** Whether an error chain says "try again later" (rate limit, too many operations, off-line). */
export function isTransientErrorChain(errors: IntacctErrorDetail[]): boolean {
	return errors.some((e) => TRANSIENT_ERROR_NUMBERS.has(e.errorNo)) || TRANSIENT_TEXT.test(errorsText(errors));
}

/**
 * The gateway's answer to a function whose control ID was sent before under uniqueid=true (§7,
 * docs/fidelity.md "Writes and errors"): 'completed' (it already ran: nothing ran again), 'inProcess'
 * (the first request is still running: ask again later) or undefined (anything else, judged as the
 * failure it says it is). Only the caller knows whether uniqueid was sent and whether the control ID
 * is one it sent, so the caller asks; nothing here matches free text such as "already processed"
 * that a record's own values could echo back.
 *  - completed: errorno XL03000002, or a result without <status> (intacct-sdk-js #70);
 *  - in process: the Vena KB text "A request's function with the control ID <id> is in process",
 *    naming this very control ID (a plain substring test: linear in the text).
 */
export const FUNCTION_ALREADY_RAN_ERRORNO = 'XL03000002';
export function uniqueIdAnswer(result: IntacctResult): 'completed' | 'inProcess' | undefined {
	if (result.status === 'success') return undefined;
	if (result.statusMissing === true || result.errors.some((e) => e.errorNo === FUNCTION_ALREADY_RAN_ERRORNO)) return 'completed';
	const marker = `control ID ${result.controlId} is in process`;
	if (result.controlId !== '' && result.errors.some((e) => e.description2.includes(marker) || e.description.includes(marker))) return 'inProcess';
	return undefined;
}

/**
 * One element as a record value: text when it has neither children nor attributes; otherwise a
 * record of its children (repeated names become arrays, text members wrapped as {'#text': ...}),
 * with attributes under `$attributes` and own text under `#text` when present.
 */
function elementValue(node: XmlNode): IntacctFieldValue {
	const attributeNames = Object.keys(node.attributes);
	if (node.children.length === 0 && attributeNames.length === 0) return node.text;
	const record = elementToRecord(node);
	if (attributeNames.length > 0) record.$attributes = { ...node.attributes };
	if (node.children.length === 0 || node.text !== '') record['#text'] = node.text;
	return record;
}

function asRecordMember(value: IntacctFieldValue): IntacctRecord[] {
	if (typeof value === 'string') return [{ '#text': value }];
	return Array.isArray(value) ? value : [value];
}

/** The children of an element as a record (field name -> value), whatever the element's name. */
export function elementToRecord(node: XmlNode): IntacctRecord {
	const record: IntacctRecord = {};
	for (const c of node.children) {
		if (c.name === '__proto__' || c.name === 'constructor' || c.name === 'prototype') continue;
		const value = elementValue(c);
		const existing = Object.prototype.hasOwnProperty.call(record, c.name) ? record[c.name] : undefined;
		if (existing === undefined) record[c.name] = value;
		else record[c.name] = [...asRecordMember(existing), ...asRecordMember(value)];
	}
	return record;
}

/** A child of <data> as a record; its own attributes (lookup's <Type Name=...>) under `$attributes`. */
function dataRecord(node: XmlNode): IntacctRecord {
	const record = elementToRecord(node);
	if (Object.keys(node.attributes).length > 0) record.$attributes = { ...node.attributes };
	return record;
}

/** Normalises one-vs-many for nested values (e.g. lookup's Fields.Field): always an array of records. */
export function asRecords(value: IntacctFieldValue | undefined): IntacctRecord[] {
	if (value === undefined || value === '') return [];
	return asRecordMember(value);
}

/** A field's text whether it came as plain text or as a {'#text'} record. */
export function fieldText(value: IntacctFieldValue | undefined): string | undefined {
	if (value === undefined) return undefined;
	if (typeof value === 'string') return value;
	if (Array.isArray(value)) return undefined;
	const text = value['#text'];
	return typeof text === 'string' ? text : undefined;
}

function toNumber(text: string | undefined): number | undefined {
	if (text === undefined || text.trim() === '') return undefined;
	const n = Number(text);
	return Number.isFinite(n) ? n : undefined;
}

const RESULT_STATUSES: ReadonlySet<string> = new Set(['success', 'failure', 'aborted']);

function readResult(node: XmlNode): IntacctResult {
	const statusText = childText(node, 'status')?.trim().toLowerCase();
	const errors = readErrors(child(node, 'errormessage'));
	const data = child(node, 'data');
	const legacyListType = child(node, 'listtype');
	const attributes = data?.attributes ?? {};
	const result: IntacctResult = {
		status: statusText && RESULT_STATUSES.has(statusText) ? (statusText as IntacctResultStatus) : 'failure',
		function: childText(node, 'function') ?? '',
		controlId: childText(node, 'controlid') ?? '',
		records: data ? data.children.map(dataRecord) : [],
		errors,
	};
	const listType = attributes.listtype ?? legacyListType?.text;
	if (listType !== undefined) result.listType = listType;
	const numbers: Array<[keyof IntacctResult, string | undefined]> = [
		['count', attributes.count],
		['totalCount', attributes.totalcount ?? legacyListType?.attributes.total],
		['numRemaining', attributes.numremaining],
		['offset', attributes.offset],
	];
	for (const [field, text] of numbers) {
		const n = toNumber(text);
		if (n !== undefined) (result as unknown as Record<string, number>)[field] = n;
	}
	if (attributes.resultId !== undefined) result.resultId = attributes.resultId;
	const key = childText(node, 'key');
	if (key !== undefined) result.key = key.trim();
	// A result without <status> (a uniqueid repeat, SDK issue #70): kept as a failure; the client
	// decides whether it is a duplicate of its own function (uniqueIdAnswer).
	if (!statusText) {
		result.status = 'failure';
		result.statusMissing = true;
		if (errors.length === 0) {
			result.errors = [
				{
					errorNo: '',
					description: 'The result came back without a status',
					description2: `Intacct answered the function with control ID "${result.controlId}" without saying whether it ran.`,
					correction: '',
				},
			];
		}
	}
	return result;
}

function looksLikeHtml(response: HttpPostResponse): boolean {
	const contentType = String(response.headers['content-type'] ?? '');
	return /text\/html/i.test(contentType) || /^\s*(<!doctype html|<html)/i.test(response.body);
}

function httpError(response: HttpPostResponse, summary: string, errors: IntacctErrorDetail[] = []): IntacctError {
	const status = response.statusCode;
	// 524 = Cloudflare gave up waiting for Intacct; the request may still be running there, so it
	// is never retried (SDK noRetryServerErrorCodes, §1.1). Other 5xx and 429 may be.
	const transient =
		status === 429 || (status >= 500 && status !== 524) || isTransientErrorChain(errors);
	return new IntacctError({
		kind: 'http',
		summary,
		errors,
		httpStatus: status,
		transient,
		hint:
			status === 524
				? 'Intacct may still have completed the request: check for the record before sending it again.'
				: transient
					? 'The gateway is busy or unavailable; retrying later may succeed.'
					: undefined,
	});
}

function nonXmlHttpError(response: HttpPostResponse): IntacctError {
	const status = response.statusCode;
	if (status === 524) {
		return httpError(response, 'The Intacct gateway timed out waiting for Intacct (HTTP 524); the request may still have run, so it was not retried');
	}
	if (looksLikeHtml(response)) {
		return httpError(response, `The gateway returned an HTML error page (HTTP ${status})`);
	}
	if (response.body.trim() === '') {
		return httpError(response, `The Intacct gateway answered HTTP ${status} with an empty body`);
	}
	return httpError(response, `The Intacct gateway answered HTTP ${status} with a body that is not Intacct XML`);
}

function parseError(summary: string, response: HttpPostResponse): IntacctError {
	return new IntacctError({
		kind: 'parse',
		summary: `${summary} (HTTP ${response.statusCode})`,
		httpStatus: response.statusCode,
		hint: 'Check that the endpoint URL is the Intacct XML gateway (https://api.intacct.com/ia/xml/xmlgw.phtml).',
	});
}

function readControl(node: XmlNode | undefined): ControlBlock {
	return {
		status: (childText(node, 'status') ?? '').trim().toLowerCase(),
		senderId: childText(node, 'senderid'),
		controlId: childText(node, 'controlid'),
		uniqueId: childText(node, 'uniqueid'),
		dtdVersion: childText(node, 'dtdversion'),
	};
}

function readAuthentication(node: XmlNode): AuthenticationBlock {
	return {
		status: (childText(node, 'status') ?? '').trim().toLowerCase(),
		userId: childText(node, 'userid') ?? '',
		companyId: childText(node, 'companyid') ?? '',
		locationId: childText(node, 'locationid'),
		sessionTimestamp: childText(node, 'sessiontimestamp'),
		sessionTimeout: childText(node, 'sessiontimeout'),
	};
}

/** Reads one HTTP answer of the gateway. Throws IntacctError for HTTP, parse, control and
 * authentication failures; returns every <result> (successful or not) otherwise. */
export function readResponse(response: HttpPostResponse): ParsedResponse {
	const ok = response.statusCode >= 200 && response.statusCode < 300;
	let root: XmlNode;
	try {
		if (!ok && looksLikeHtml(response)) throw new Error('html');
		root = parseXmlDocument(response.body);
	} catch (error) {
		if (!ok) throw nonXmlHttpError(response);
		if (looksLikeHtml(response)) throw parseError('The gateway returned an HTML page instead of Intacct XML', response);
		if (response.body.trim() === '') throw parseError('The Intacct gateway answered with an empty body', response);
		throw parseError(`The Intacct gateway's answer is not XML: ${(error as Error).message}`, response);
	}
	if (root.name.toLowerCase() !== 'response') {
		if (!ok) throw nonXmlHttpError(response);
		if (root.name.toLowerCase() === 'html') throw parseError('The gateway returned an HTML page instead of Intacct XML', response);
		throw parseError(`The gateway's answer is <${root.name}>, not an Intacct <response>`, response);
	}
	const control = readControl(child(root, 'control'));
	// Control-level errormessage is a sibling of <control> (§3.4).
	const controlErrors = readErrors(child(root, 'errormessage'));
	if (!ok) {
		// Gateway-level rejections: 429 GW-0010, 400 GW-0011, 401 XMLGW_JPP0002 (§1.1).
		throw httpError(response, `The Intacct gateway rejected the request (HTTP ${response.statusCode})`, controlErrors);
	}
	if (control.status !== 'success') {
		throw new IntacctError({
			kind: 'control',
			summary: 'Intacct refused the request before running it',
			errors: controlErrors,
			httpStatus: response.statusCode,
			transient: isTransientErrorChain(controlErrors),
		});
	}
	const operation = child(root, 'operation');
	if (!operation) {
		if (child(root, 'acknowledgement')) {
			throw parseError('Intacct acknowledged an asynchronous (policy) request; this client only runs synchronous requests', response);
		}
		throw parseError('The Intacct answer has no <operation> block', response);
	}
	const authNode = child(operation, 'authentication');
	const authentication = authNode ? readAuthentication(authNode) : undefined;
	if (!authentication || authentication.status !== 'success') {
		const errors = readErrors(child(operation, 'errormessage'));
		throw new IntacctError({
			kind: 'authentication',
			summary: 'Intacct could not sign in',
			errors,
			httpStatus: response.statusCode,
			transient: isTransientErrorChain(errors),
		});
	}
	const results = operation.children.filter((c) => c.name.toLowerCase() === 'result').map(readResult);
	return { control, authentication, results };
}

/** True when an authentication error means the session is gone (expired, unknown): log in again. */
export function isInvalidSessionError(error: IntacctError): boolean {
	return error.kind === 'authentication' && /session/i.test(errorsText(error.errors));
}
