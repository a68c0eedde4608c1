/**
 * Reading one Platform Services HTTP Post delivery: the body rendered from our document template.
 * Every problem comes back as `{ problem }` naming the part of the template that is wrong, so the
 * trigger can answer 400 with a message an Intacct administrator can act on.
 */
import type { IDataObject } from 'n8n-workflow';

import { ACCESS_KEY_BODY_FIELD, type GlEntryEvent } from './documentTemplate';

/** A value, or what is wrong with the request. */
export type Checked<T> = { value: T; problem?: undefined } | { problem: string };

export interface Delivery {
	/** The event the template names; undefined when one Intacct trigger covers every event. */
	event?: GlEntryEvent;
	object: string;
	/** GLENTRY field -> text, as Intacct merged it. */
	record: Record<string, string>;
	/** The body without the access key, for the raw output option. */
	raw: IDataObject;
}

const EVENT_ALIASES: Record<string, GlEntryEvent> = {
	created: 'created',
	create: 'created',
	aftercreate: 'created',
	updated: 'updated',
	update: 'updated',
	afterupdate: 'updated',
	deleted: 'deleted',
	delete: 'deleted',
	afterdelete: 'deleted',
};

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The JSON object in the request: n8n's parsed body, or the raw bytes when it was not parsed. */
export function bodyObject(parsed: unknown, rawBody: Buffer | undefined): Checked<IDataObject> {
	if (isObject(parsed) && Object.keys(parsed).length > 0) return { value: parsed };
	const text = typeof parsed === 'string' ? parsed : rawBody?.toString('utf8') ?? '';
	if (text.trim() === '') {
		return { problem: 'The request body is empty. Paste the document template from the n8n node into the Intacct trigger.' };
	}
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return {
			problem:
				'The request body is not JSON. In the Intacct trigger set Encoding to JSON and paste the document template from the n8n node unchanged.',
		};
	}
	if (!isObject(value)) return { problem: 'The request body must be a JSON object like the document template, not a list or a single value.' };
	return { value };
}

/** Finds a merge field Intacct did not fill (`{!...!}` still in the text). */
function findUnfilled(value: unknown, path: string): string | undefined {
	if (typeof value === 'string') return value.includes('{!') ? path : undefined;
	if (Array.isArray(value)) {
		for (let i = 0; i < value.length; i++) {
			const hit = findUnfilled(value[i], `${path}[${i}]`);
			if (hit) return hit;
		}
	} else if (isObject(value)) {
		for (const [k, v] of Object.entries(value)) {
			const hit = findUnfilled(v, path ? `${path}.${k}` : k);
			if (hit) return hit;
		}
	}
	return undefined;
}

/** Validates the body against the template's shape. The access key is checked by the caller. */
export function parseDelivery(body: IDataObject): Checked<Delivery> {
	const unfilled = findUnfilled(body, '');
	if (unfilled) {
		return {
			problem:
				`The template field "${unfilled}" still contains a merge field ("{!...!}") that Intacct did not fill. ` +
				'Check that the trigger is on the GL Entry object and that the field name exists (user-defined dimensions are GLDIM<NAME>).',
		};
	}
	// Our template nests the entry under "record"; a flat hand-written template works too.
	const source = isObject(body.record) ? body.record : body;
	const record: Record<string, string> = {};
	for (const [k, v] of Object.entries(source)) {
		if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') record[k.toUpperCase()] = String(v);
	}
	const recordNo = (record.RECORDNO ?? '').trim();
	if (recordNo === '') {
		return { problem: 'The template has no "record.RECORDNO" value ({!GLENTRY.RECORDNO!}). Paste the whole document template from the n8n node.' };
	}
	if (!/^\d+$/.test(recordNo)) {
		return { problem: `The template field "record.RECORDNO" must be the GL entry's record number, got "${recordNo.slice(0, 40)}".` };
	}
	let event: GlEntryEvent | undefined;
	if (body.event !== undefined && body.event !== '') {
		event = EVENT_ALIASES[String(body.event).toLowerCase().replace(/[^a-z]/g, '')];
		if (!event) {
			return { problem: `The template field "event" must be "created", "updated" or "deleted", got "${String(body.event).slice(0, 40)}".` };
		}
	}
	const object = typeof body.object === 'string' && body.object !== '' ? body.object.toUpperCase() : 'GLENTRY';
	if (object !== 'GLENTRY') {
		return { problem: `The template field "object" is "${object}", but this trigger handles GL entries ("GLENTRY").` };
	}
	const { [ACCESS_KEY_BODY_FIELD]: _key, ...raw } = body;
	return { value: { event, object, record, raw } };
}
