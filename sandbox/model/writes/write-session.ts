/**
 * One write function's view of the company: the database, who is writing and when, the audit
 * stamp every written row gets (§12.23), entity stamping (§8), and the change events to publish
 * once the function's writes are done (§12.25).
 */
import type { CallContext, ChangeEvent, RenderRecord } from '../contract';
import type { Database } from '../database';
import { storedTimestampOf } from '../dates';
import { objectDef } from '../objects';
import { renderNested } from '../render';
import type { ObjectDef } from '../schema';
import type { Row } from '../store';

/** Path of Intacct's record links (`https://<host>/ia/acct/ur.phtml?.r=<key>`). Rows store the path
 * only; the gateway prefixes the address the request came to (protocol/recordLinks.ts), so a link
 * opens the sandbox that answered. */
export const RECORD_URL_PATH = '/ia/acct/ur.phtml';
export const RECORD_URL_BASE = `${RECORD_URL_PATH}?.r=`;

export class WriteSession {
	readonly events: ChangeEvent[] = [];
	readonly now: string;

	constructor(
		readonly db: Database,
		readonly ctx: CallContext,
		/** Company settings the rules read (bill number required). */
		readonly settings: { billNumberRequired: boolean; closedBefore: string },
	) {
		this.now = storedTimestampOf(ctx.now);
	}

	/** USERINFO record number of the caller (seeded users), for CREATEDBY/MODIFIEDBY. */
	userKey(): string {
		return this.ctx.userId === 'ws_west' ? '3' : this.ctx.userId === 'ws_n8n' ? '2' : '1';
	}

	/** Audit and entity columns of a new row. */
	createdStamp(object: string, recordNo: number): Record<string, string> {
		const entity = this.ctx.entityId ? this.db.table('LOCATIONENTITY').getById(this.ctx.entityId) : undefined;
		return {
			RECORDNO: String(recordNo),
			WHENCREATED: this.now,
			WHENMODIFIED: this.now,
			CREATEDBY: this.userKey(),
			MODIFIEDBY: this.userKey(),
			MEGAENTITYKEY: entity?.RECORDNO ?? '',
			MEGAENTITYID: entity?.LOCATIONID ?? '',
			MEGAENTITYNAME: entity?.NAME ?? '',
			RECORD_URL: recordUrl(object, recordNo),
		};
	}

	modifiedStamp(): Record<string, string> {
		return { WHENMODIFIED: this.now, MODIFIEDBY: this.userKey() };
	}

	/**
	 * Queues the change event of a written row. Its `fields` are rendered on first read only: most
	 * events reach no one (no Platform Services subscription for the object), and rendering every
	 * written row cost more than the write itself. Rows are immutable, so a late render shows the
	 * same values an immediate one would.
	 */
	emit(object: string, kind: ChangeEvent['kind'], row: Row): void {
		const def = objectDef(object);
		if (!def) return;
		this.events.push(lazyEvent(object, kind, row, def.fields));
	}
}

/** A ChangeEvent whose `fields` (an own, enumerable property like any other) render on first read. */
function lazyEvent(object: string, kind: ChangeEvent['kind'], row: Row, fields: ObjectDef['fields']): ChangeEvent {
	// Keys in the order an eagerly built event had them (object, kind, recordNo, fields, entityId).
	const event = { object, kind, recordNo: row.RECORDNO } as ChangeEvent;
	Object.defineProperty(event, 'fields', {
		enumerable: true,
		configurable: true,
		get(): RenderRecord {
			const rendered = renderNested(row, fields);
			Object.defineProperty(event, 'fields', { value: rendered, enumerable: true, writable: true, configurable: true });
			return rendered;
		},
		set(value: RenderRecord): void {
			Object.defineProperty(event, 'fields', { value, enumerable: true, writable: true, configurable: true });
		},
	});
	event.entityId = row.MEGAENTITYID ?? '';
	return event;
}

export function recordUrl(object: string, recordNo: number): string {
	return `${RECORD_URL_BASE}${encodeURIComponent(`${object.toLowerCase()}:${recordNo}`)}`;
}
