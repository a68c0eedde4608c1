/**
 * Validation of the request envelope against the v3.0 XSD / v2.1 DTD rules the gateway enforces
 * (§1.2-§1.6, §12.4, §12.7, §12.8). Failures become control failures XL03000003 with a
 * libxml-like description2; nothing runs.
 */
import type { XmlElement } from '../model/contract';

export interface ControlEcho {
	senderId: string;
	controlId: string;
	uniqueId: string;
	dtdVersion: string;
}

export type LoginAuthentication = {
	kind: 'login';
	userId: string;
	companyId: string;
	password: string;
	/** The <locationid> element's text, or undefined when absent. */
	locationId: string | undefined;
	clientId: string | undefined;
};
export type SessionAuthentication = { kind: 'session'; sessionId: string };
export type RequestAuthentication = LoginAuthentication | SessionAuthentication;

export interface RequestFunction {
	controlId: string;
	/** The function's single child (<readByQuery>, <create>, <create_bill>, ...). */
	body: XmlElement;
}

export interface RequestOperation {
	transaction: boolean;
	authentication: RequestAuthentication;
	functions: RequestFunction[];
}

export interface RequestEnvelope {
	control: ControlEcho & { password: string; uniqueIdEnabled: boolean; includeWhitespace: boolean };
	operations: RequestOperation[];
}

export type EnvelopeResult =
	| { ok: true; envelope: RequestEnvelope }
	| { ok: false; echo: ControlEcho; includeWhitespace: boolean; description2: string };

/** Functions only the 3.0 schema knows (§1.6: "Generic (3.0 only)"); dtdversion 2.1 rejects them. */
export const GENERIC_FUNCTIONS: ReadonlySet<string> = new Set([
	'create',
	'update',
	'delete',
	'read',
	'readByName',
	'readByQuery',
	'readMore',
	'readRelated',
	'readView',
	'readReport',
	'query',
	'lookup',
	'inspect',
	'getAPISession',
	'getDimensions',
	'getDimensionRestrictedData',
	'getDimensionRelationships',
	'getDimensionAutofillDetails',
	'getUserPermissions',
	'installApp',
	'recallApBill',
]);

const CONTROL_REQUIRED = ['senderid', 'password', 'controlid'];
const CONTROL_OPTIONAL = new Set([
	'uniqueid',
	'dtdversion',
	'policyid',
	'debug',
	'includewhitespace',
	'showadditionalerrorinfo',
	'validate',
]);
const XS_BOOLEAN = new Set(['true', 'false', '1', '0']);
const MAX_CONTROL_ID = 256;

class SchemaViolation extends Error {}

function fail(message: string): never {
	throw new SchemaViolation(`XML Parse schema error: ${message}`);
}

function child(el: XmlElement, name: string): XmlElement | undefined {
	return el.children.find((c) => c.name === name);
}

function isTrue(value: string): boolean {
	return value === 'true' || value === '1';
}

function readBoolean(el: XmlElement | undefined, fallback: boolean): boolean {
	if (el === undefined) return fallback;
	const value = el.text.trim();
	if (!XS_BOOLEAN.has(value)) {
		fail(`Error 1824: Element '${el.name}': '${value}' is not a valid value of the atomic type 'xs:boolean'.`);
	}
	return isTrue(value);
}

function echoFrom(control: XmlElement | undefined): ControlEcho {
	const text = (name: string): string => (control === undefined ? '' : child(control, name)?.text ?? '');
	return {
		senderId: text('senderid'),
		controlId: text('controlid'),
		uniqueId: text('uniqueid'),
		dtdVersion: text('dtdversion'),
	};
}

function validateControl(control: XmlElement): void {
	const names = control.children.map((c) => c.name);
	// xs:sequence: senderid, password, controlid come first and in this order.
	CONTROL_REQUIRED.forEach((required, index) => {
		if (names[index] !== required) {
			const got = names[index];
			fail(
				got === undefined
					? `Error 1871: Element 'control': Missing child element(s). Expected is ( ${required} ).`
					: `Error 1871: Element '${got}': This element is not expected. Expected is ( ${required} ).`,
			);
		}
	});
	const seen = new Set<string>();
	for (const name of names.slice(CONTROL_REQUIRED.length)) {
		if (!CONTROL_OPTIONAL.has(name) || seen.has(name)) {
			fail(`Error 1871: Element '${name}': This element is not expected.`);
		}
		seen.add(name);
	}
	const controlId = child(control, 'controlid')?.text ?? '';
	if (controlId.length > MAX_CONTROL_ID) {
		fail(
			`Error 1831: Element 'controlid': [facet 'maxLength'] The value has a length of '${controlId.length}'; this exceeds the allowed maximum length of '${MAX_CONTROL_ID}'.`,
		);
	}
	const dtdVersion = child(control, 'dtdversion')?.text.trim();
	if (dtdVersion !== undefined && dtdVersion !== '3.0' && dtdVersion !== '2.1') {
		fail(`Error 1840: Element 'dtdversion': [facet 'enumeration'] The value '${dtdVersion}' is not an element of the set {'2.1', '3.0'}.`);
	}
}

function parseAuthentication(operation: XmlElement): RequestAuthentication {
	const auth = operation.children[0];
	if (auth === undefined || auth.name !== 'authentication') {
		fail(
			auth === undefined
				? `Error 1871: Element 'operation': Missing child element(s). Expected is ( authentication ).`
				: `Error 1871: Element '${auth.name}': This element is not expected. Expected is ( authentication ).`,
		);
	}
	if (auth.children.length !== 1) {
		fail(`Error 1871: Element 'authentication': Expected exactly one of ( login, sessionid ).`);
	}
	const choice = auth.children[0];
	if (choice.name === 'sessionid') return { kind: 'session', sessionId: choice.text.trim() };
	if (choice.name !== 'login') {
		fail(`Error 1871: Element '${choice.name}': This element is not expected. Expected is one of ( login, sessionid ).`);
	}
	const order = ['userid', 'companyid', 'password', 'clientid', 'locationid'];
	let position = 0;
	for (const el of choice.children) {
		const index = order.indexOf(el.name);
		if (index < position) fail(`Error 1871: Element '${el.name}': This element is not expected.`);
		position = index + 1;
	}
	for (const required of ['userid', 'companyid', 'password']) {
		if (child(choice, required) === undefined) {
			fail(`Error 1871: Element 'login': Missing child element(s). Expected is ( ${required} ).`);
		}
	}
	return {
		kind: 'login',
		userId: child(choice, 'userid')?.text.trim() ?? '',
		companyId: child(choice, 'companyid')?.text.trim() ?? '',
		password: child(choice, 'password')?.text ?? '',
		clientId: child(choice, 'clientid')?.text.trim(),
		locationId: child(choice, 'locationid')?.text.trim(),
	};
}

function parseFunctions(operation: XmlElement, dtdVersion: string): RequestFunction[] {
	const functions: RequestFunction[] = [];
	for (const el of operation.children.slice(1)) {
		if (el.name === 'preferences') continue;
		if (el.name !== 'content') fail(`Error 1871: Element '${el.name}': This element is not expected. Expected is ( content ).`);
		if (el.children.length === 0) {
			fail(`Error 1871: Element 'content': Missing child element(s). Expected is ( function ).`);
		}
		for (const fn of el.children) {
			if (fn.name !== 'function') fail(`Error 1871: Element '${fn.name}': This element is not expected. Expected is ( function ).`);
			const controlId = fn.attributes['controlid'];
			if (controlId === undefined) {
				fail(`Error 1868: Element 'function': The attribute 'controlid' is required but missing.`);
			}
			if (controlId.length > MAX_CONTROL_ID) {
				fail(
					`Error 1831: Element 'function', attribute 'controlid': [facet 'maxLength'] The value has a length of '${controlId.length}'; this exceeds the allowed maximum length of '${MAX_CONTROL_ID}'.`,
				);
			}
			if (fn.children.length !== 1) {
				fail(
					fn.children.length === 0
						? `Error 1871: Element 'function': Missing child element(s). Expected is one function element.`
						: `Error 1871: Element '${fn.children[1].name}': This element is not expected.`,
				);
			}
			const body = fn.children[0];
			if (dtdVersion === '2.1' && GENERIC_FUNCTIONS.has(body.name)) {
				// The 2.1 DTD declares only object-specific (legacy) functions (§1.3, §12.7). The real
				// wording is UNCERTAIN; this mimics libxml's DTD validity message.
				fail(`Error 0: No declaration for element ${body.name} (dtdversion 2.1 accepts legacy functions only; use dtdversion 3.0)`);
			}
			functions.push({ controlId, body });
		}
	}
	return functions;
}

/** Checks the parsed document's envelope and extracts what the gateway needs. */
export function readRequestEnvelope(root: XmlElement): EnvelopeResult {
	const control = root.name === 'request' ? child(root, 'control') : undefined;
	const echo = echoFrom(control);
	const includeWhitespaceEl = control === undefined ? undefined : child(control, 'includewhitespace');
	const includeWhitespace = includeWhitespaceEl === undefined ? true : isTrue(includeWhitespaceEl.text.trim());
	try {
		if (root.name !== 'request') fail(`Error 1845: Element '${root.name}': No matching global declaration available for the validation root.`);
		if (root.children[0]?.name !== 'control' || control === undefined) {
			fail(`Error 1871: Element 'request': Missing child element(s). Expected is ( control ).`);
		}
		validateControl(control);
		// §1.3: docs say uniqueid defaults to true when omitted [UNCERTAIN]; the sandbox follows the docs.
		const uniqueIdEnabled = readBoolean(child(control, 'uniqueid'), true);
		readBoolean(includeWhitespaceEl, true);
		const dtdVersion = child(control, 'dtdversion')?.text.trim() ?? '3.0';
		const operationEls = root.children.slice(1);
		if (operationEls.length === 0) {
			fail(`Error 1871: Element 'request': Missing child element(s). Expected is ( operation ).`);
		}
		const operations: RequestOperation[] = operationEls.map((operation) => {
			if (operation.name !== 'operation') {
				fail(`Error 1871: Element '${operation.name}': This element is not expected. Expected is ( operation ).`);
			}
			const transactionAttr = operation.attributes['transaction'] ?? 'false';
			if (!XS_BOOLEAN.has(transactionAttr)) {
				fail(`Error 1824: Element 'operation', attribute 'transaction': '${transactionAttr}' is not a valid value of the atomic type 'xs:boolean'.`);
			}
			return {
				transaction: isTrue(transactionAttr),
				authentication: parseAuthentication(operation),
				functions: parseFunctions(operation, dtdVersion),
			};
		});
		return {
			ok: true,
			envelope: {
				control: {
					...echo,
					uniqueId: echo.uniqueId === '' ? String(uniqueIdEnabled) : echo.uniqueId,
					dtdVersion,
					password: child(control, 'password')?.text ?? '',
					uniqueIdEnabled,
					includeWhitespace,
				},
				operations,
			},
		};
	} catch (error: unknown) {
		if (error instanceof SchemaViolation) return { ok: false, echo, includeWhitespace, description2: error.message };
		throw error;
	}
}

/** Element names of every function in a parsed document (for stats and fault matching). */
export function functionNamesOf(root: XmlElement): string[] {
	const names: string[] = [];
	for (const operation of root.children) {
		if (operation.name !== 'operation') continue;
		for (const content of operation.children) {
			if (content.name !== 'content') continue;
			for (const fn of content.children) {
				if (fn.name === 'function' && fn.children[0] !== undefined) names.push(fn.children[0].name);
			}
		}
	}
	return names;
}
