/**
 * Writes request envelopes (docs/protocol.md §1.2-§1.6) from plain data.
 *
 * Escaping decision: every text and attribute value escapes & < > ' ". Characters XML 1.0 cannot
 * carry at all (C0 controls other than tab/LF/CR, lone surrogates, U+FFFE/U+FFFF) are STRIPPED:
 * the gateway would otherwise refuse the whole request with XL03000003, and such characters carry
 * no meaning in accounting text (they arrive from copy-paste). CR is written as &#13; so it
 * survives XML line-end normalisation. Non-ASCII is written as UTF-8 as is. Element and attribute
 * names are validated instead (a bad name is a programming or mapping error, not data).
 */
import type { IntacctCredentials, IntacctFunction, XmlObject, XmlValue } from '../core/types';
import { validationError } from '../core/errors';
import { getAPISession } from './functions';

// eslint-disable-next-line no-control-regex
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const XML_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** Removes the characters XML 1.0 cannot represent (see the file comment). */
export function stripXmlIllegal(text: string): string {
	return text.replace(XML_ILLEGAL, '');
}

/** Any character escapeXml changes or removes (issue 16: most values have none, and skip the replaces). */
// eslint-disable-next-line no-control-regex
const XML_SPECIAL = /[&<>"'\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Escapes a value for element text or an attribute value. */
export function escapeXml(text: string): string {
	if (!XML_SPECIAL.test(text)) return text;
	return stripXmlIllegal(text)
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;')
		.replace(/\r/g, '&#13;');
}

/** Names already checked (element and attribute names repeat in every request). */
const checkedNames = new Set<string>();

function assertName(name: string, where: string): void {
	if (checkedNames.has(name)) return;
	if (XML_NAME.test(name)) {
		if (checkedNames.size < 10_000) checkedNames.add(name);
		return;
	}
	throw validationError(`"${name}" cannot be used as an XML ${where} name (letters, digits, _ . - only)`);
}

function textOf(value: string | number | boolean, path: string): string {
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) throw validationError(`${path} is not a finite number`);
		return String(value);
	}
	return String(value);
}

function writeAttributes(attributes: Record<string, string> | undefined): string {
	if (!attributes) return '';
	return Object.entries(attributes)
		.map(([name, value]) => {
			assertName(name, 'attribute');
			return ` ${name}="${escapeXml(String(value)).replace(/\n/g, '&#10;').replace(/\t/g, '&#9;')}"`;
		})
		.join('');
}

/** Writes `<name>value</name>` for any XmlValue (arrays repeat the element, null/undefined omit it). */
export function writeElement(name: string, value: XmlValue, path = name): string {
	if (value === null || value === undefined) return '';
	if (Array.isArray(value)) return value.map((item, i) => writeElement(name, item, `${path}[${i}]`)).join('');
	assertName(name, 'element');
	if (typeof value === 'object') {
		return `<${name}${writeAttributes(value.$attributes)}>${writeChildren(value, path)}</${name}>`;
	}
	return `<${name}>${escapeXml(textOf(value, path))}</${name}>`;
}

/** Writes an XmlObject's children in key order (`$attributes` belongs to the parent element, and
 * `#text` is the parent's own text, as for an element with attributes and a value). */
export function writeChildren(object: XmlObject, path = ''): string {
	let xml = '';
	for (const [key, child] of Object.entries(object)) {
		if (key === '$attributes') continue;
		if (key === '#text') {
			if (typeof child === 'string' || typeof child === 'number' || typeof child === 'boolean') xml += escapeXml(textOf(child, path));
			continue;
		}
		xml += writeElement(key, child as XmlValue, path ? `${path}.${key}` : key);
	}
	return xml;
}

export type EnvelopeAuthentication =
	| { kind: 'login'; userId: string; companyId: string; password: string; entityId?: string }
	| { kind: 'session'; sessionId: string };

export interface RequestEnvelope {
	senderId: string;
	senderPassword: string;
	/** Request-level controlid: an echo only, never deduplicated (§7). */
	controlId: string;
	uniqueId: boolean;
	transaction: boolean;
	authentication: EnvelopeAuthentication;
	/** Every function must have its controlId set by now (they correlate results, §1.6). */
	functions: Array<IntacctFunction & { controlId: string }>;
}

function writeAuthentication(auth: EnvelopeAuthentication): string {
	if (auth.kind === 'session') return writeElement('authentication', { sessionid: auth.sessionId });
	// Schema order inside login: userid, companyid, password, clientid?, locationid? (§1.5).
	return writeElement('authentication', {
		login: {
			userid: auth.userId,
			companyid: auth.companyId,
			password: auth.password,
			locationid: auth.entityId ? auth.entityId : undefined,
		},
	});
}

function writeFunction(fn: IntacctFunction & { controlId: string }): string {
	assertName(fn.name, 'function');
	const inner = `<${fn.name}${writeAttributes(fn.attributes)}>${writeChildren(fn.body, fn.name)}</${fn.name}>`;
	return `<function controlid="${escapeXml(fn.controlId)}">${inner}</function>`;
}

/** Checks what the schema checks (§1.6): controlid 1-256 characters, unique within the request. */
export function assertFunctionControlIds(functions: Array<{ controlId: string }>): void {
	const seen = new Set<string>();
	for (const { controlId } of functions) {
		if (controlId.length < 1 || controlId.length > 256) {
			throw validationError(`a function control ID must have 1 to 256 characters (got ${controlId.length})`);
		}
		if (seen.has(controlId)) {
			throw validationError(`control ID "${controlId}" is used by two functions of one request; results could not be told apart`);
		}
		seen.add(controlId);
	}
}

/** The whole request document. Control order per schema: senderid, password, controlid, uniqueid,
 * dtdversion, includewhitespace (§1.2); dtdversion 3.0 because generic functions need it. */
export function writeRequest(envelope: RequestEnvelope): string {
	if (envelope.functions.length === 0) throw validationError('a request needs at least one function');
	assertFunctionControlIds(envelope.functions);
	const control = writeElement('control', {
		senderid: envelope.senderId,
		password: envelope.senderPassword,
		controlid: envelope.controlId,
		uniqueid: envelope.uniqueId,
		dtdversion: '3.0',
		includewhitespace: false,
	});
	const content = `<content>${envelope.functions.map(writeFunction).join('')}</content>`;
	const operation = `<operation transaction="${envelope.transaction ? 'true' : 'false'}">${writeAuthentication(envelope.authentication)}${content}</operation>`;
	return `<?xml version="1.0" encoding="UTF-8"?>\n<request>${control}${operation}</request>`;
}

/**
 * A sign-in request: getAPISession with login authentication (§2.1), the one request that carries
 * the user's password. Used by the client, the credential diagnosis and the credential test.
 */
export function writeSignInRequest(
	credentials: IntacctCredentials,
	ids: { requestControlId: string; functionControlId: string },
	entityId: string | undefined = credentials.entityId,
): string {
	return writeRequest({
		senderId: credentials.senderId,
		senderPassword: credentials.senderPassword,
		controlId: ids.requestControlId,
		uniqueId: false,
		transaction: false,
		authentication: {
			kind: 'login',
			userId: credentials.userId,
			companyId: credentials.companyId,
			password: credentials.userPassword,
			entityId,
		},
		functions: [{ ...getAPISession(), controlId: ids.functionControlId }],
	});
}
