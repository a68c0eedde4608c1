/**
 * Renders gateway responses (§3): control, authentication and result blocks in the DTD's element
 * order. Only this file turns protocol outcomes into XmlNode trees.
 */
import type { ApiError, FunctionOutcome, RenderRecord, RenderValue } from '../model/contract';
import type { ControlEcho } from './requestEnvelope';
import { type XmlNode, parentNode, textNode, writeXmlDocument } from './xml/writeXml';

export type ResultStatus = 'success' | 'failure' | 'aborted';

export interface FunctionResult {
	/** null reproduces intacct-sdk-js #70 (a duplicate's result without <status>); opt-in only. */
	status: ResultStatus | null;
	functionName: string;
	controlId: string;
	outcome?: FunctionOutcome;
	errors: ApiError[];
}

export type AuthenticationBlock =
	| {
			ok: true;
			userId: string;
			companyId: string;
			entityId: string;
			sessionTimestamp: string;
			sessionTimeout: string;
	  }
	| { ok: false; userId: string; companyId: string; errors: ApiError[] };

export interface OperationBlock {
	authentication: AuthenticationBlock;
	results: FunctionResult[];
}

function errorMessageNode(errors: ApiError[]): XmlNode {
	return parentNode(
		'errormessage',
		errors.map((e) => {
			const children = [textNode('errorno', e.errorno)];
			// §3.3: error = errorno, description?, description2?, correction?; gateway (GW-) errors have
			// only errorno + description.
			if (e.description !== undefined) children.push(textNode('description', e.description));
			if (e.description2 !== undefined) children.push(textNode('description2', e.description2));
			if (e.correction !== undefined) children.push(textNode('correction', e.correction));
			return parentNode('error', children);
		}),
	);
}

function controlNode(status: 'success' | 'failure', echo: ControlEcho | null): XmlNode {
	const children = [textNode('status', status)];
	if (echo !== null) {
		children.push(
			textNode('senderid', echo.senderId),
			textNode('controlid', echo.controlId),
			textNode('uniqueid', echo.uniqueId),
			textNode('dtdversion', echo.dtdVersion),
		);
	}
	return parentNode('control', children);
}

/**
 * A record field: text, a nested record, or a list of records repeating the field's element
 * (e.g. { ENTRIES: { glentry: [ ... ] } }). A nested record's `$attributes` holds its attributes
 * (lookup's <Type Name="GLBATCH">).
 */
function fieldNodes(name: string, value: RenderValue): XmlNode[] {
	if (typeof value === 'string') return [textNode(name, value)];
	if (Array.isArray(value)) return value.flatMap((record) => fieldNodes(name, record));
	return [recordNode(name, value)];
}

function recordNode(name: string, record: RenderRecord): XmlNode {
	const children: XmlNode[] = [];
	let attributes: Array<[string, string]> | undefined;
	for (const [field, value] of Object.entries(record)) {
		if (field === '$attributes') {
			if (typeof value === 'object' && !Array.isArray(value)) {
				attributes = Object.entries(value).map(([k, v]) => [k, typeof v === 'string' ? v : '']);
			}
			continue;
		}
		children.push(...fieldNodes(field, value));
	}
	return children.length > 0 ? { name, attributes, children } : { name, attributes, text: '' };
}

function dataNode(outcome: Extract<FunctionOutcome, { kind: 'data' }>): XmlNode {
	const attributes: Array<[string, string]> = [];
	if (outcome.listType !== null) attributes.push(['listtype', outcome.listType]);
	for (const [key, value] of Object.entries(outcome.attributes)) attributes.push([key, value]);
	return { name: 'data', attributes, children: outcome.records.map((r) => recordNode(r.element, r.fields)) };
}

function resultNode(result: FunctionResult): XmlNode {
	const children: XmlNode[] = [];
	if (result.status !== null) children.push(textNode('status', result.status));
	children.push(textNode('function', result.functionName), textNode('controlid', result.controlId));
	if (result.outcome?.kind === 'key') children.push(textNode('key', result.outcome.key));
	if (result.outcome?.kind === 'data' && result.outcome.legacyList) {
		const list = result.outcome.legacyList;
		children.push({ name: 'listtype', attributes: [['start', list.start], ['end', list.end], ['total', list.total]], text: list.name });
	}
	if (result.outcome?.kind === 'data') children.push(dataNode(result.outcome));
	if (result.errors.length > 0) children.push(errorMessageNode(result.errors));
	return parentNode('result', children);
}

function authenticationNode(auth: AuthenticationBlock): XmlNode {
	const children = [textNode('status', auth.ok ? 'success' : 'failure'), textNode('userid', auth.userId), textNode('companyid', auth.companyId)];
	if (auth.ok) {
		children.push(
			textNode('locationid', auth.entityId),
			textNode('sessiontimestamp', auth.sessionTimestamp),
			textNode('sessiontimeout', auth.sessionTimeout),
		);
	}
	return parentNode('authentication', children);
}

function operationNode(operation: OperationBlock): XmlNode {
	const children = [authenticationNode(operation.authentication)];
	if (!operation.authentication.ok) children.push(errorMessageNode(operation.authentication.errors));
	else children.push(...operation.results.map(resultNode));
	return parentNode('operation', children);
}

/** control/status=failure: nothing ran; <errormessage> is a sibling of <control>, no <operation> (§3.1). */
export function renderControlFailure(echo: ControlEcho, errors: ApiError[], pretty: boolean): string {
	return writeXmlDocument(parentNode('response', [controlNode('failure', echo), errorMessageNode(errors)]), pretty);
}

/** Gateway rejections (401 XMLGW_JPP0002, 400 GW-0011, 429 GW-0010): bare control, no senderid/controlid (§3.4). */
export function renderBareControlFailure(errors: ApiError[]): string {
	return writeXmlDocument(parentNode('response', [controlNode('failure', null), errorMessageNode(errors)]), false);
}

export function renderResponse(echo: ControlEcho, operations: OperationBlock[], pretty: boolean): string {
	return writeXmlDocument(parentNode('response', [controlNode('success', echo), ...operations.map(operationNode)]), pretty);
}
