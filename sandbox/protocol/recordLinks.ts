/**
 * RECORD_URL values: rows keep Intacct's record-link path (model/writes/write-session.ts); answers
 * carry it under the address the client called, so the link resolves to this sandbox, which serves
 * a short page for it (a real company's link opens the record in Intacct's UI, signed in).
 */
import type { FunctionOutcome, RenderValue } from '../model/contract';
import { RECORD_URL_PATH } from '../model/writes/write-session';

function absolute(value: RenderValue, origin: string): RenderValue {
	if (typeof value === 'string') return value.startsWith(RECORD_URL_PATH) ? `${origin}${value}` : value;
	if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v : withOrigin(v, origin)));
	return withOrigin(value, origin);
}

function withOrigin(record: { [field: string]: RenderValue }, origin: string): { [field: string]: RenderValue } {
	for (const [field, value] of Object.entries(record)) {
		if (field === 'RECORD_URL' || typeof value !== 'string') record[field] = absolute(value, origin);
	}
	return record;
}

/** Rewrites RECORD_URL paths in a function's records to `<origin><path>` (in place). */
export function absoluteRecordLinks(outcome: FunctionOutcome | undefined, endpointUrl: string): void {
	if (outcome?.kind !== 'data') return;
	const origin = new URL(endpointUrl).origin;
	for (const record of outcome.records) withOrigin(record.fields, origin);
}

/**
 * The REST API's record links (`webURL`, sandbox/rest/objects) in an answer's JSON text made absolute
 * against the address the client called, as the XML gateway's RECORD_URL is: one record, one link
 * over either API. On the serialized text (no walk of a 4,000-row query answer): JSON.stringify
 * writes `"webURL":"<path>` with no space, and the origin is a checked host (no quote, no backslash).
 */
export function absoluteWebUrls(json: string, origin: string): string {
	const needle = `"webURL":"${RECORD_URL_PATH}`;
	return json.includes(needle) ? json.split(needle).join(`"webURL":"${origin}${RECORD_URL_PATH}`) : json;
}

/** The page a record link opens in the sandbox. */
export function recordLinkPage(query: string): string {
	const key = new URLSearchParams(query).get('.r') ?? '';
	const escaped = key.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
	return [
		'<!doctype html><html><head><meta charset="utf-8"><title>Sage Intacct sandbox record</title></head><body>',
		`<h1>Record ${escaped === '' ? '(none)' : escaped}</h1>`,
		'<p>This is the local Intacct sandbox. In a real company this link opens the record in Sage Intacct (after signing in).</p>',
		'</body></html>',
		'',
	].join('\n');
}
