/**
 * The DOCUMENT TEMPLATE users paste into Intacct (Platform Services > Objects > GL Entry > Triggers >
 * HTTP Post, Encoding JSON). Intacct replaces each {!GLENTRY.FIELD!} merge field with the record's
 * value (intacct-xml-api.md §9.1). Every value is quoted, so an empty field still gives valid JSON;
 * the trigger turns numbers and dates back into their types.
 */
import { templateFields } from '../shared/intacct/records/glEntryFields';

export type GlEntryEvent = 'created' | 'updated' | 'deleted';

export const EVENT_LABELS: Record<GlEntryEvent, string> = {
	created: 'After Create',
	updated: 'After Update',
	deleted: 'After Delete',
};

/** Body field that carries the access key when the key travels in the template. */
export const ACCESS_KEY_BODY_FIELD = 'accessKey';
/** Shown instead of the key when the caller does not pass the real one. */
export const PASTE_HINT = 'PASTE-THE-ACCESS-KEY-FROM-THE-N8N-NODE';

export interface DocumentTemplateOptions {
	/** The literal event this Intacct trigger fires on; omit for one trigger covering every event. */
	event?: GlEntryEvent;
	/** User-defined dimension name (FUNDINGSOURCE -> GLDIMFUNDINGSOURCE); '' for none. */
	userDimension: string;
	/** Put the access key in the body (the value, or the placeholder when undefined). */
	accessKeyInBody: boolean;
	accessKey?: string;
}

/** Renders the template as Intacct should receive it (pretty JSON text with merge fields). */
export function buildDocumentTemplate(options: DocumentTemplateOptions): string {
	const record: Record<string, string> = {};
	for (const f of templateFields(options.userDimension)) record[f.field] = `{!GLENTRY.${f.field}!}`;
	const body: Record<string, unknown> = { object: 'GLENTRY' };
	if (options.event !== undefined) body.event = options.event;
	if (options.accessKeyInBody) body[ACCESS_KEY_BODY_FIELD] = options.accessKey ?? PASTE_HINT;
	body.record = record;
	return JSON.stringify(body, null, 2);
}

// Markers the expression builder swaps for $parameter references (they cannot occur in templates).
const MARK_UDD = 'ZZUDDZZ';
const MARK_KEY = 'ZZKEYZZ';

/** A JavaScript string literal safe inside an n8n `{{ }}` expression (braces escaped). */
function jsLiteral(text: string): string {
	return JSON.stringify(text).replace(/\{/g, '\\u007b').replace(/\}/g, '\\u007d');
}

/** A line of the template as a JS string expression: literal text, markers replaced by `refs`. */
function lineExpression(line: string, refs: Record<string, string>): string {
	return line
		.split(new RegExp(`(${Object.keys(refs).join('|')})`))
		.filter((c) => c !== '')
		.map((c) => refs[c] ?? jsLiteral(c))
		.join(' + ');
}

/**
 * The n8n expression behind the trigger's Document Template field. It reads as the template itself:
 * the generator's text (buildDocumentTemplate with every optional line) with each optional line
 * (event, access key, user-defined dimension) replaced by a small `{{ }}` that renders it from the
 * node's options or leaves it out. So the field shows the JSON an admin pastes, its Result is
 * exactly buildDocumentTemplate() for the options chosen (tested), and the two cannot drift apart.
 * The static text holds no `{{` or `}}` (merge fields are `{!...!}`), so only the holes evaluate.
 */
export function documentTemplateExpression(): string {
	const full = buildDocumentTemplate({ event: 'created', userDimension: MARK_UDD, accessKeyInBody: true, accessKey: MARK_KEY });
	const dimension = `(($parameter.userDimension || '') + '').trim().toUpperCase().replace(/^GLDIM/, '')`;
	const optional: Array<{ matches: (line: string) => boolean; when: string; refs: Record<string, string> }> = [
		{
			matches: (line) => line.startsWith('  "event": '),
			when: `$parameter.intacctTriggers !== 'oneForAllEvents'`,
			refs: { created: `($parameter.templateEvent || 'created')` },
		},
		{
			matches: (line) => line.includes(MARK_KEY),
			when: `$parameter.accessKeyLocation === 'body'`,
			refs: { [MARK_KEY]: `(($parameter.accessKey || ${jsLiteral(PASTE_HINT)}) + '').replace(/\\\\/g, '\\\\\\\\').replace(/"/g, '\\\\"')` },
		},
		{
			matches: (line) => line.includes(`GLDIM${MARK_UDD}`),
			when: `${dimension} !== ''`,
			refs: { [MARK_UDD]: dimension },
		},
	];
	const lines = full.split('\n');
	let text = lines[0];
	for (const line of lines.slice(1)) {
		const hole = optional.find((o) => o.matches(line));
		text += hole === undefined ? `\n${line}` : `{{ (${hole.when}) ? ${jsLiteral('\n')} + ${lineExpression(line, hole.refs)} : '' }}`;
	}
	return `=${text}`;
}
