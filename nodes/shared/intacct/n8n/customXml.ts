/**
 * The Custom resource's input: the user's XML - one or more <function> elements, or bare function
 * bodies such as <readByName>...</readByName> - parsed with the client's own XML parser into
 * IntacctFunction data, which the client then writes into its authenticated envelope.
 */
import type { IntacctFieldValue, IntacctFunction, IntacctRecord, XmlObject, XmlValue } from '../core/types';
import { MASK } from '../core/secretMasking';
import { parseXmlDocument, type XmlNode } from '../xml/xmlParser';
import { ItemValidationError } from './errors';

function toXmlValue(node: XmlNode): XmlValue {
	const hasAttributes = Object.keys(node.attributes).length > 0;
	if (node.children.length === 0 && !hasAttributes) return node.text;
	const out: XmlObject = {};
	if (hasAttributes) out.$attributes = { ...node.attributes };
	for (const child of node.children) {
		const value = toXmlValue(child);
		// own keys only: an element named constructor or toString must not meet Object.prototype
		const existing = Object.prototype.hasOwnProperty.call(out, child.name) ? out[child.name] : undefined;
		if (existing === undefined) out[child.name] = value;
		else if (Array.isArray(existing)) existing.push(value);
		else out[child.name] = [existing as XmlValue, value];
	}
	if (node.children.length === 0 && node.text !== '') out['#text'] = node.text;
	return out;
}

function bodyOf(node: XmlNode): XmlObject {
	const value = toXmlValue({ ...node, attributes: {} });
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
}

/**
 * The functions known to only read (functions.md, queries.md and the object pages of Sage's
 * reference). Everything else is treated as a write: retried only when it cannot run twice
 * (record_deposit, install_app, a function this list does not know yet...). readMore moves the
 * result set's cursor, so it is not on the list either.
 */
const READ_ONLY_FUNCTIONS = new Set(
	[
		'read', 'readByName', 'readByQuery', 'readView', 'readRelated', 'readReport', 'readUserFormatting',
		'query', 'lookup', 'inspect', 'getAPISession', 'getUserPermissions', 'getDimensions',
		'getDimensionRestrictedData', 'getDimensionRelationships', 'getDdsDdl', 'getAuditTrail',
		'getApprovalHistory', 'getVendorApprovalHistory', 'getTransactionsToApprove', 'getFinancialSetup',
		'getCompanyPrefs', 'get_list', 'get_trialbalance', 'get_accountbalances',
		'get_accountbalancesbydimensions', 'get_araging', 'get_apaging',
	].map((name) => name.toLowerCase()),
);

export function isKnownRead(functionName: string): boolean {
	return READ_ONLY_FUNCTIONS.has(functionName.toLowerCase());
}

export function parseCustomFunctions(xml: string): IntacctFunction[] {
	const text = xml.trim().replace(/^<\?xml[^>]*\?>/, '');
	if (text === '') throw new ItemValidationError('XML: give at least one function, e.g. <readByName>...</readByName>');
	let root: XmlNode | undefined;
	let reason = '';
	try {
		root = parseXmlDocument(`<functions>${text}</functions>`);
	} catch (error) {
		reason = (error as Error).message;
	}
	if (!root) throw new ItemValidationError(`XML is not well-formed: ${reason}`);
	if (root.children.length === 0) throw new ItemValidationError('XML: give at least one function element');
	return root.children.map((element, index) => {
		let controlId: string | undefined;
		let inner = element;
		if (element.name === 'function') {
			if (element.children.length !== 1) {
				throw new ItemValidationError(`XML function ${index + 1}: a <function> holds exactly one function element`);
			}
			controlId = element.attributes.controlid;
			inner = element.children[0];
		}
		if (['request', 'control', 'operation', 'authentication', 'content'].includes(inner.name)) {
			throw new ItemValidationError(
				`XML function ${index + 1}: <${inner.name}> is part of the envelope; give only the functions (the node signs in for you)`,
			);
		}
		const fn: IntacctFunction = { name: inner.name, body: bodyOf(inner) };
		if (Object.keys(inner.attributes).length > 0) fn.attributes = { ...inner.attributes };
		if (controlId) fn.controlId = controlId;
		if (!isKnownRead(inner.name)) fn.isWrite = true;
		return fn;
	});
}

function maskedValue(value: IntacctFieldValue): IntacctFieldValue {
	if (typeof value === 'string') return value;
	if (Array.isArray(value)) return value.map(maskSessionIds);
	return maskSessionIds(value);
}

/**
 * A record with every `sessionid` field blanked: a custom getAPISession answers with a live session
 * ID, which is a password for as long as it lives and must not land in the workflow's data.
 */
export function maskSessionIds(record: IntacctRecord): IntacctRecord {
	const out: IntacctRecord = {};
	for (const [field, value] of Object.entries(record)) {
		out[field] = field.toLowerCase() === 'sessionid' ? MASK : maskedValue(value);
	}
	return out;
}
