/**
 * A deliberately independent, minimal XML gateway client for the e2e checks: it builds the envelope
 * by hand and parses with fast-xml-parser, so effects are verified without the package's own client.
 */
import { XMLParser } from 'fast-xml-parser';
import { httpCall } from './http';

export interface GatewayCredentials {
	companyId: string;
	entityId?: string;
	senderId: string;
	senderPassword: string;
	userId: string;
	userPassword: string;
	endpointUrl: string;
}

export type GatewayRecord = Record<string, unknown>;

export interface GatewayResult {
	status: string;
	records: GatewayRecord[];
	attributes: Record<string, string>;
	errors: string[];
	raw: unknown;
}

export function escapeXml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, trimValues: true });

function asArray<T>(value: T | T[] | undefined): T[] {
	if (value === undefined || value === null) return [];
	return Array.isArray(value) ? value : [value];
}

function errorTexts(errormessage: unknown): string[] {
	const em = errormessage as { error?: unknown } | undefined;
	return asArray(em?.error as Record<string, unknown> | Record<string, unknown>[] | undefined).map((e) =>
		[e.errorno, e.description, e.description2, e.correction].filter((x) => typeof x === 'string' && x !== '').join(' | '),
	);
}

/** Sends one function (inner XML of <function>) with login authentication and returns its result. */
export async function callFunction(creds: GatewayCredentials, functionXml: string): Promise<GatewayResult> {
	const companyId = creds.entityId ? `${creds.companyId}|${creds.entityId}` : creds.companyId;
	const body =
		'<?xml version="1.0" encoding="UTF-8"?><request><control>' +
		`<senderid>${escapeXml(creds.senderId)}</senderid><password>${escapeXml(creds.senderPassword)}</password>` +
		`<controlid>e2e-${Date.now()}</controlid><uniqueid>false</uniqueid><dtdversion>3.0</dtdversion><includewhitespace>false</includewhitespace>` +
		'</control><operation><authentication><login>' +
		`<userid>${escapeXml(creds.userId)}</userid><companyid>${escapeXml(companyId)}</companyid><password>${escapeXml(creds.userPassword)}</password>` +
		`</login></authentication><content><function controlid="e2e-f1">${functionXml}</function></content></operation></request>`;
	const response = await httpCall(creds.endpointUrl, { method: 'POST', headers: { 'Content-Type': 'application/xml' }, body, timeoutMs: 30_000 });
	const text = response.text;
	if (response.status !== 200) throw new Error(`gateway HTTP ${response.status}: ${text.slice(0, 300)}`);
	const doc = parser.parse(text) as { response?: Record<string, unknown> };
	const resp = doc.response ?? {};
	const control = resp.control as Record<string, unknown> | undefined;
	if (control?.status !== 'success') throw new Error(`gateway control failure: ${errorTexts(resp.errormessage).join('; ')}`);
	const operation = resp.operation as Record<string, unknown> | undefined;
	const auth = operation?.authentication as Record<string, unknown> | undefined;
	if (auth?.status !== 'success') throw new Error(`gateway authentication failure: ${errorTexts(operation?.errormessage).join('; ')}`);
	const result = asArray(operation?.result as Record<string, unknown> | Record<string, unknown>[] | undefined)[0] ?? {};
	const data = result.data as Record<string, unknown> | undefined;
	const attributes: Record<string, string> = {};
	const records: GatewayRecord[] = [];
	if (data !== undefined && typeof data === 'object') {
		for (const [k, v] of Object.entries(data)) {
			if (k.startsWith('@')) attributes[k.slice(1)] = String(v);
			else records.push(...asArray(v as GatewayRecord | GatewayRecord[]));
		}
	}
	return { status: String(result.status ?? ''), records, attributes, errors: errorTexts(result.errormessage), raw: result };
}

/** readByQuery with readMore paging until numremaining is 0. */
export async function readAll(creds: GatewayCredentials, object: string, fields: string, query: string): Promise<GatewayRecord[]> {
	const out: GatewayRecord[] = [];
	let result = await callFunction(
		creds,
		`<readByQuery><object>${object}</object><fields>${escapeXml(fields)}</fields><query>${escapeXml(query)}</query><pagesize>1000</pagesize></readByQuery>`,
	);
	for (;;) {
		if (result.status !== 'success') throw new Error(`readByQuery ${object} failed: ${result.errors.join('; ')}`);
		out.push(...result.records);
		const remaining = Number(result.attributes.numremaining ?? '0');
		const resultId = result.attributes.resultId;
		if (remaining <= 0 || !resultId) return out;
		result = await callFunction(creds, `<readMore><resultId>${escapeXml(resultId)}</resultId></readMore>`);
	}
}
