/**
 * The DOCUMENT TEMPLATE users paste into Intacct (Platform Services > Objects > GL Entry > Triggers >
 * HTTP Post, Encoding JSON). Intacct replaces each {!GLENTRY.FIELD!} merge field with the record's
 * value (intacct-xml-api.md §9.1). Every value is quoted, so an empty field still gives valid JSON;
 * the trigger turns numbers and dates back into their types.
 */
import { templateFields } from './glEntryFields';

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
const MARK_EVENT = 'ZZEVENTZZ';

/** A JavaScript string literal safe inside an n8n `{{ }}` expression (braces escaped). */
function jsLiteral(text: string): string {
	return JSON.stringify(text).replace(/\{/g, '\\u007b').replace(/\}/g, '\\u007d');
}

/**
 * An n8n expression that renders buildDocumentTemplate() from the node's own parameters, so the
 * template shown in the node panel follows the options the user picks. It is built from the same
 * generator with markers in place of the user's values, so the two cannot drift apart. Plain
 * expression syntax only (no statements, no globals), braces escaped so `}}` never appears inside.
 */
export function documentTemplateExpression(): string {
	const refs: Record<string, string> = {
		[MARK_UDD]: `('GLDIM' + (($parameter.userDimension || '') + '').trim().toUpperCase().replace(/^GLDIM/, ''))`,
		[MARK_KEY]: `(($parameter.accessKey || ${jsLiteral(PASTE_HINT)}) + '').replace(/\\\\/g, '\\\\\\\\').replace(/"/g, '\\\\"')`,
		[MARK_EVENT]: `($parameter.templateEvent || 'created')`,
	};
	const perEvent = `$parameter.intacctTriggers !== 'oneForAllEvents'`;
	// Signed webhook delivery needs no access key in the body.
	const inBody = `$parameter.deliveryMode !== 'webhookDelivery' && $parameter.accessKeyLocation === 'body'`;
	const variant = (withEvent: boolean, withKey: boolean): string => {
		const text = buildDocumentTemplate({
			event: withEvent ? 'created' : undefined,
			userDimension: MARK_UDD,
			accessKeyInBody: withKey,
			accessKey: MARK_KEY,
		})
			.replace('"event": "created"', `"event": "${MARK_EVENT}"`)
			.split(`GLDIM${MARK_UDD}`)
			.join(MARK_UDD);
		return text
			.split(new RegExp(`(${MARK_UDD}|${MARK_KEY}|${MARK_EVENT})`))
			.filter((c) => c !== '')
			.map((c) => refs[c] ?? jsLiteral(c))
			.join(' + ');
	};
	const chosen =
		`(${perEvent}) ? ((${inBody}) ? ${variant(true, true)} : ${variant(true, false)})` +
		` : ((${inBody}) ? ${variant(false, true)} : ${variant(false, false)})`;
	// Without a dimension name the GLDIM line is dropped, as buildDocumentTemplate does.
	return `={{ (${chosen}).replace(/\\n *"GLDIM": "\\u007b!GLENTRY\\.GLDIM!\\u007d",/, '') }}`;
}
