/**
 * Document-template merge fields of Platform Services triggers (§9.1): {!OBJECT.FIELD!} is replaced
 * by the record's value, escaped for the trigger's encoding (JSON string content, or XML text).
 *
 * Sandbox rules (docs/sandbox.md): only the trigger's own object is merged; unknown fields, nested
 * values and related-object paths ({!GLENTRY.ACCOUNT.TITLE!}) become empty; anything that is not a
 * {!X.Y!} token (including a made-up {!EVENT!}) stays as written - real Intacct has no event merge field.
 */
import type { RenderRecord } from '../model/contract';
import { escapeAttribute } from '../protocol/xml/writeXml';

const MERGE_FIELD = /\{!([A-Za-z0-9_]+)\.([A-Za-z0-9_.]+)!\}/g;

function escapeFor(encoding: 'json' | 'xml', value: string): string {
	return encoding === 'json' ? JSON.stringify(value).slice(1, -1) : escapeAttribute(value);
}

function fieldValue(fields: RenderRecord, field: string): string {
	const wanted = field.toUpperCase();
	for (const [name, value] of Object.entries(fields)) {
		if (name.toUpperCase() === wanted) return typeof value === 'string' ? value : '';
	}
	return '';
}

export function mergeTemplate(template: string, object: string, fields: RenderRecord, encoding: 'json' | 'xml'): string {
	return template.replace(MERGE_FIELD, (_token, tokenObject: string, path: string) => {
		if (tokenObject.toUpperCase() !== object.toUpperCase() || path.includes('.')) return '';
		return escapeFor(encoding, fieldValue(fields, path));
	});
}
