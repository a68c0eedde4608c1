/**
 * Test helper: posts raw XML to the sandbox over real HTTP (node:http) and reads the answer back as
 * an XmlElement tree. Also builds request envelopes so tests state only what they vary.
 */
import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import type { XmlElement } from '../../../sandbox/model/contract';
import { SANDBOX_LOGIN } from '../../../sandbox/model/contract';
import { parseXml } from '../../../sandbox/protocol/xml/parseXml';
import { HAND_WRITTEN_HEADER } from '../../support/requestSchema/requestSink';

export interface RawResponse {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: string;
}

export interface PostOptions {
	method?: string;
	path?: string;
	headers?: Record<string, string>;
	/** Gives up (rejecting with code ETIMEDOUT) when no response arrived in time. */
	timeoutMs?: number;
}

/** Resolves for every HTTP status; rejects (with the socket error's code) when no response arrived. */
export function postRaw(url: string, body: string, options: PostOptions = {}): Promise<RawResponse> {
	const target = new URL(url);
	if (options.path !== undefined) target.pathname = options.path;
	return new Promise((resolve, reject) => {
		const req = request(
			target,
			// Hand-written probes of the sandbox, not a client's requests: counted apart, not schema-validated.
			{ method: options.method ?? 'POST', headers: { 'Content-Type': 'application/xml', [HAND_WRITTEN_HEADER]: 'true', ...options.headers } },
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (chunk: Buffer) => chunks.push(chunk));
				res.on('error', reject);
				res.on('end', () => {
					let raw = Buffer.concat(chunks);
					if (res.headers['content-encoding'] === 'gzip') raw = gunzipSync(raw);
					resolve({ status: res.statusCode ?? 0, headers: res.headers, body: raw.toString('utf8') });
				});
			},
		);
		req.on('error', reject);
		if (options.timeoutMs !== undefined) {
			req.setTimeout(options.timeoutMs, () => req.destroy(Object.assign(new Error('client timeout'), { code: 'ETIMEDOUT' })));
		}
		req.end(method(options) === 'GET' ? undefined : body);
	});
}

function method(options: PostOptions): string {
	return options.method ?? 'POST';
}

export function parseResponse(body: string): XmlElement {
	const parsed = parseXml(body);
	if (!parsed.ok) throw new Error(`response is not XML: ${parsed.description2}\n${body}`);
	return parsed.root;
}

/** The first element at a slash-separated path of child names (e.g. 'operation/result/status'). */
export function at(root: XmlElement, path: string): XmlElement | undefined {
	let current: XmlElement | undefined = root;
	for (const name of path.split('/')) current = current?.children.find((c) => c.name === name);
	return current;
}

export function textAt(root: XmlElement, path: string): string | undefined {
	return at(root, path)?.text;
}

export function all(root: XmlElement, name: string): XmlElement[] {
	return root.children.filter((c) => c.name === name);
}

export function childNames(el: XmlElement | undefined): string[] {
	return el === undefined ? [] : el.children.map((c) => c.name);
}

/** errorno/description2 pairs of an <errormessage>. */
export function errorsOf(errormessage: XmlElement | undefined): Array<{ errorno: string; description2: string }> {
	if (errormessage === undefined) return [];
	return all(errormessage, 'error').map((e) => ({ errorno: textAt(e, 'errorno') ?? '', description2: textAt(e, 'description2') ?? '' }));
}

export interface EnvelopeOptions {
	senderId?: string;
	senderPassword?: string;
	controlId?: string;
	uniqueId?: boolean;
	dtdVersion?: string;
	transaction?: boolean;
	/** Raw <authentication> inner XML; default a login of the demo user. */
	authentication?: string;
}

export function loginXml(options: { userId?: string; companyId?: string; password?: string; locationId?: string } = {}): string {
	return (
		'<login>' +
		`<userid>${options.userId ?? SANDBOX_LOGIN.userId}</userid>` +
		`<companyid>${options.companyId ?? SANDBOX_LOGIN.companyId}</companyid>` +
		`<password>${options.password ?? SANDBOX_LOGIN.userPassword}</password>` +
		(options.locationId !== undefined ? `<locationid>${options.locationId}</locationid>` : '') +
		'</login>'
	);
}

export function sessionXml(sessionId: string): string {
	return `<sessionid>${sessionId}</sessionid>`;
}

/** A complete request; `functions` is raw XML of the <function> elements. */
export function envelope(functions: string, options: EnvelopeOptions = {}): string {
	return (
		'<?xml version="1.0" encoding="UTF-8"?><request><control>' +
		`<senderid>${options.senderId ?? SANDBOX_LOGIN.senderId}</senderid>` +
		`<password>${options.senderPassword ?? SANDBOX_LOGIN.senderPassword}</password>` +
		`<controlid>${options.controlId ?? 'req-1'}</controlid>` +
		`<uniqueid>${String(options.uniqueId ?? false)}</uniqueid>` +
		`<dtdversion>${options.dtdVersion ?? '3.0'}</dtdversion>` +
		'<includewhitespace>false</includewhitespace>' +
		`</control><operation transaction="${String(options.transaction ?? false)}">` +
		`<authentication>${options.authentication ?? loginXml()}</authentication>` +
		`<content>${functions}</content></operation></request>`
	);
}

export function fn(controlId: string, body: string): string {
	return `<function controlid="${controlId}">${body}</function>`;
}

/** Posts an envelope and parses the answer (expects XML). */
export async function call(url: string, functions: string, options: EnvelopeOptions = {}, post: PostOptions = {}): Promise<XmlElement> {
	const response = await postRaw(url, envelope(functions, options), post);
	return parseResponse(response.body);
}

/** Logs in with getAPISession and returns the session ID (optionally for an entity). */
export async function openSession(url: string, login: Parameters<typeof loginXml>[0] = {}): Promise<string> {
	const response = await call(url, fn('s', '<getAPISession/>'), { authentication: loginXml(login) });
	const sessionId = textAt(response, 'operation/result/data/api/sessionid');
	if (sessionId === undefined) throw new Error('no session in response');
	return sessionId;
}

/** Polls a condition (state the sandbox exposes) every few ms; rejects after `limitMs`. */
export async function waitFor(condition: () => boolean, limitMs = 10_000): Promise<void> {
	const deadline = Date.now() + limitMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error('condition not reached');
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}
