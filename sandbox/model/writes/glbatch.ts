/**
 * Journal entries: generic create/update/delete of GLBATCH (general-ledger-journal-entries.md:
 * Create / Update / Delete Journal Entry). Writable STATE is Posted or Draft only; there is no
 * reverse function (docs/fidelity.md, "General ledger").
 * Lines become GLENTRY rows (BATCHNO = parent RECORDNO, LINE_NO 1..n); GLDETAIL derives from them.
 */
import { formatUsDate } from '../dates';
import { RULES, violation } from '../errors';
import type { Row } from '../store';
import { requireReference, entityOfLocation, GL_LINE_DIMENSIONS, resolveDimensions } from './dimensions';
import { formatAmount, parseAmount, toCents } from './gl-amounts';
import { dateInput, requireOpenPeriod, requireText } from './input-values';
import { value, type FieldInput } from './record-input';
import type { WriteSession } from './write-session';

export interface GlBatchInput {
	fields: FieldInput;
	/** undefined on update = keep the existing lines. */
	lines: FieldInput[] | undefined;
}

/** Set by subledgers (AP bills) posting through the same rules. */
export interface GlBatchSource {
	module: string;
	prRecordKey: string;
}

interface BuiltLine {
	entity: string;
	debitCents: number;
	creditCents: number;
	columns: Record<string, string>;
}

const STATES: Record<string, 'Draft' | 'Posted'> = { draft: 'Draft', posted: 'Posted' };

function buildLines(ws: WriteSession, lines: FieldInput[], batchState: string): BuiltLine[] {
	if (lines.length < 2) throw RULES.tooFewLines('journal entry', 2);
	return lines.map((line, index) => {
		try {
			return buildLine(ws, line, batchState);
		} catch (error: unknown) {
			if (error instanceof Error && 'errors' in error) {
				const v = error as Error & { errors: Array<{ description2?: string }> };
				for (const e of v.errors) e.description2 = `${e.description2 ?? ''} (entry line ${index + 1})`;
			}
			throw error;
		}
	});
}

function buildLine(ws: WriteSession, line: FieldInput, batchState: string): BuiltLine {
	const accountNo = requireText(line, 'ACCOUNTNO');
	const account = requireReference(ws.db, ws.ctx, 'GLACCOUNT', 'ACCOUNTNO', accountNo);
	const trType = requireText(line, 'TR_TYPE');
	if (trType !== '1' && trType !== '-1') throw RULES.invalidValue('TR_TYPE', trType, '1, -1');
	const amountText = value(line, 'TRX_AMOUNT') ?? value(line, 'AMOUNT');
	if (amountText === undefined) throw RULES.required('TRX_AMOUNT');
	const amount = parseAmount('TRX_AMOUNT', amountText);
	if (amount < 0) throw RULES.invalidValue('TRX_AMOUNT', amountText, 'an absolute amount; TR_TYPE gives the side');
	// §8: at an entity the line defaults to (and must stay in) that entity; at the top level of this
	// multi-entity company LOCATION is required.
	const withLocation = new Map(line);
	if (!value(line, 'LOCATION') && ws.ctx.entityId) withLocation.set('LOCATION', ws.ctx.entityId);
	if (!value(withLocation, 'LOCATION')) throw RULES.required('LOCATION');
	const dims = resolveDimensions(ws.db, ws.ctx, GL_LINE_DIMENSIONS, withLocation, account);
	// §8: every line's location must sit inside an entity (its own or an ancestor).
	const entity = entityOfLocation(ws.db, dims.LOCATION);
	if (entity === undefined) throw RULES.locationWithoutEntity(dims.LOCATION);
	if (ws.ctx.entityId && entity !== ws.ctx.entityId) throw RULES.locationOutsideEntity(dims.LOCATION, ws.ctx.entityId);
	const cents = toCents(amount);
	return {
		entity,
		debitCents: trType === '1' ? cents : 0,
		creditCents: trType === '-1' ? cents : 0,
		columns: {
			TR_TYPE: trType,
			AMOUNT: formatAmount(amount),
			TRX_AMOUNT: formatAmount(amount),
			ACCOUNTKEY: account.RECORDNO,
			ACCOUNTNO: account.ACCOUNTNO,
			ACCOUNTTITLE: account.TITLE,
			STATISTICAL: 'false',
			CURRENCY: value(line, 'CURRENCY') ?? 'USD',
			BASECURR: 'USD',
			DESCRIPTION: value(line, 'DESCRIPTION') ?? '',
			DOCUMENT: value(line, 'DOCUMENT') ?? '',
			STATE: batchState,
			...dims,
		},
	};
}

/** Debits = credits, per entity unless BASELOCATION_NO names the source entity (§5.2, §8). */
function checkBalance(lines: BuiltLine[], baseLocation: string | undefined): void {
	const groups = new Map<string, { debit: number; credit: number }>();
	for (const line of lines) {
		const key = baseLocation ? '' : line.entity;
		const g = groups.get(key) ?? { debit: 0, credit: 0 };
		g.debit += line.debitCents;
		g.credit += line.creditCents;
		groups.set(key, g);
	}
	for (const [entity, g] of groups) {
		if (g.debit !== g.credit) {
			throw RULES.unbalanced(formatAmount(g.debit / 100), formatAmount(g.credit / 100), entity && groups.size > 1 ? ` for entity ${entity}` : '');
		}
	}
}

function nextBatchNo(ws: WriteSession, journal: Row): string {
	const next = Number(journal.NEXTBATCHNO || '1');
	ws.db.table('GLJOURNAL').put({ ...journal, NEXTBATCHNO: String(next + 1) });
	return String(next);
}

/** Existing lines as inputs, for header-only updates (lines are kept but re-validated). */
function linesAsInput(lines: Row[]): FieldInput[] {
	const keep = ['ACCOUNTNO', 'TR_TYPE', 'TRX_AMOUNT', 'CURRENCY', 'DESCRIPTION', 'DOCUMENT', ...GL_LINE_DIMENSIONS.map((d) => d.field)];
	return lines.map((row) => new Map(keep.filter((k) => row[k]).map((k) => [k, row[k]])));
}

interface BuiltBatch {
	header: Record<string, string>;
	lines: BuiltLine[];
}

function buildBatch(ws: WriteSession, fields: FieldInput, lines: FieldInput[], existing: Row | undefined): BuiltBatch {
	const missing = ['JOURNAL', 'BATCH_DATE', 'BATCH_TITLE'].filter((f) => !value(fields, f) && !existing?.[f]);
	if (missing.length) throw RULES.required(missing.join(', '));
	const journalSymbol = value(fields, 'JOURNAL') ?? existing!.JOURNAL;
	const journal = requireReference(ws.db, ws.ctx, 'GLJOURNAL', 'JOURNAL', journalSymbol);
	const batchDate = dateInput(fields, 'BATCH_DATE') ?? existing!.BATCH_DATE;
	const reverseDate = fields.has('REVERSEDATE') ? dateInput(fields, 'REVERSEDATE') : existing?.REVERSEDATE || undefined;
	if (reverseDate !== undefined && reverseDate <= batchDate) {
		throw violation('BL03000020', `Reverse date ${formatUsDate(reverseDate)} must be after the posting date ${formatUsDate(batchDate)}.`, 'Use a later reverse date.');
	}
	requireOpenPeriod(ws.settings.closedBefore, batchDate);
	const stateText = value(fields, 'STATE');
	const state = stateText === undefined ? existing?.STATE ?? 'Posted' : STATES[stateText.toLowerCase()];
	if (!state) throw RULES.invalidValue('STATE', stateText ?? '', 'Draft, Posted');
	const baseLocation = value(fields, 'BASELOCATION_NO') ?? (existing?.BASELOCATION_NO || undefined);
	const baseEntity = baseLocation ? requireReference(ws.db, ws.ctx, 'LOCATIONENTITY', 'BASELOCATION_NO', baseLocation) : undefined;
	const supdoc = value(fields, 'SUPDOCID') ?? (existing?.SUPDOCID || undefined);
	if (supdoc) requireReference(ws.db, ws.ctx, 'SUPDOC', 'SUPDOCID', supdoc);
	const title = value(fields, 'BATCH_TITLE') ?? existing!.BATCH_TITLE;
	const built = buildLines(ws, lines, state);
	checkBalance(built, baseLocation);
	const pick = (f: string): string => value(fields, f) ?? existing?.[f] ?? '';
	return {
		header: {
			BATCH_TITLE: title,
			JOURNAL: journal.SYMBOL,
			JOURNALKEY: journal.RECORDNO,
			BATCH_DATE: batchDate,
			REVERSEDATE: reverseDate ?? '',
			ADJ: journal.ADJ || 'false',
			STATE: state,
			REFERENCENO: pick('REFERENCENO'),
			HISTORY_COMMENT: pick('HISTORY_COMMENT'),
			BASELOCATION_NO: baseEntity?.LOCATIONID ?? '',
			BASELOCATION_NAME: baseEntity?.NAME ?? '',
			SUPDOCID: supdoc ?? '',
			TRANSACTIONSOURCE: pick('TRANSACTIONSOURCE'),
		},
		// The lines were built for this batch alone: give a blank memo the title in place (no copies).
		lines: built.map((l) => {
			if (!l.columns.DESCRIPTION) l.columns.DESCRIPTION = title;
			return l;
		}),
	};
}

/*
 * Rows here are built by assignment into one fresh object (same keys, same order, same values as
 * `{ ...stamp, ..., ...columns, ... }`): V8 copies a second spread inside an object literal on a
 * slow path (~30 us for a line row against ~3 us), which made row building the sandbox's largest
 * cost per posted document.
 */
function lineRow(ws: WriteSession, batch: Row, line: BuiltLine, index: number, recordNo: number, previous: Row | undefined): Row {
	const row: Record<string, string> = previous ? Object.assign({}, previous, ws.modifiedStamp()) : ws.createdStamp('GLENTRY', recordNo);
	row.RECORDNO = String(recordNo);
	row.BATCHNO = batch.RECORDNO;
	row.BATCH_NUMBER = batch.BATCHNO;
	row.JOURNAL = batch.JOURNAL;
	row.LINE_NO = String(index + 1);
	row.ENTRY_DATE = batch.BATCH_DATE;
	row.BATCH_DATE = batch.BATCH_DATE;
	row.BATCHTITLE = batch.BATCH_TITLE;
	Object.assign(row, line.columns);
	row.MEGAENTITYKEY = batch.MEGAENTITYKEY;
	row.MEGAENTITYID = batch.MEGAENTITYID;
	row.MEGAENTITYNAME = batch.MEGAENTITYNAME;
	return row;
}

export function createGlBatch(ws: WriteSession, input: GlBatchInput, source?: GlBatchSource): Row {
	const built = buildBatch(ws, input.fields, input.lines ?? [], undefined);
	const batches = ws.db.table('GLBATCH');
	const recordNo = batches.allocateRecordNo();
	const journal = ws.db.table('GLJOURNAL').getById(built.header.JOURNAL)!;
	const row: Record<string, string> = ws.createdStamp('GLBATCH', recordNo);
	row.BATCHNO = nextBatchNo(ws, journal);
	Object.assign(row, built.header);
	row.REVERSED = '';
	row.REVERSEDKEY = '';
	row.REVERSEDFROM = '';
	row.MODULE = source?.module ?? '2.GL';
	row.PRRECORDKEY = source?.prRecordKey ?? '';
	row['USERINFO.LOGINID'] = ws.ctx.userId;
	const batch: Row = row;
	batches.put(batch);
	ws.emit('GLBATCH', 'create', batch);
	insertLines(ws, batch, built.lines);
	return batch;
}

function insertLines(ws: WriteSession, batch: Row, lines: BuiltLine[]): void {
	const entries = ws.db.table('GLENTRY');
	lines.forEach((line, index) => {
		const row = lineRow(ws, batch, line, index, entries.allocateRecordNo(), undefined);
		entries.put(row);
		ws.emit('GLENTRY', 'create', row);
	});
}

function deleteLines(ws: WriteSession, batch: Row): void {
	const entries = ws.db.table('GLENTRY');
	for (const line of entries.children(Number(batch.RECORDNO))) {
		entries.remove(Number(line.RECORDNO));
		ws.emit('GLENTRY', 'delete', line);
	}
}

export function findGlBatch(ws: WriteSession, key: string | undefined, verb: 'update' | 'delete'): Row {
	if (!key) throw RULES.required('RECORDNO');
	const batch = /^\d+$/.test(key) ? ws.db.table('GLBATCH').get(Number(key)) : undefined;
	if (!batch || (ws.ctx.entityId && batch.MEGAENTITYID !== ws.ctx.entityId && batch.MEGAENTITYID !== '')) throw RULES.notFound('Journal Entry', key, verb);
	return batch;
}

/**
 * Update: Draft and Posted entries (the reference's Update Journal Entry takes STATE Posted or Draft
 * and says nothing of refusing posted ones); entries in any other state (Reversed, Submitted...) are
 * refused. Lines given = the full new set, lines absent = keep them. Subledger entries (MODULE 3.AP)
 * are owned by their bill unless `source` says the subledger itself is writing.
 */
export function updateGlBatch(ws: WriteSession, input: GlBatchInput, source?: GlBatchSource): Row {
	const existing = findGlBatch(ws, value(input.fields, 'RECORDNO'), 'update');
	if (!source && existing.MODULE !== '2.GL') throw RULES.subledgerOwned(existing.RECORDNO);
	if (!source && existing.STATE !== 'Draft' && existing.STATE !== 'Posted') throw RULES.postedNotEditable(existing.RECORDNO, existing.STATE);
	requireOpenPeriod(ws.settings.closedBefore, existing.BATCH_DATE);
	const oldLines = ws.db.table('GLENTRY').children(Number(existing.RECORDNO));
	const built = buildBatch(ws, input.fields, input.lines ?? linesAsInput(oldLines), existing);
	const batch: Row = { ...existing, ...built.header, ...ws.modifiedStamp() };
	ws.db.table('GLBATCH').put(batch);
	ws.emit('GLBATCH', 'update', batch);
	if (input.lines) {
		deleteLines(ws, existing);
		insertLines(ws, batch, built.lines);
	} else {
		const entries = ws.db.table('GLENTRY');
		built.lines.forEach((line, index) => {
			const previous = oldLines[index];
			const row = lineRow(ws, batch, line, index, Number(previous.RECORDNO), previous);
			entries.put(row);
			ws.emit('GLENTRY', 'update', row);
		});
	}
	return batch;
}

/** Delete removes the header and its lines (a delete event per GLENTRY, §12.25). */
export function deleteGlBatch(ws: WriteSession, key: string, source?: GlBatchSource): void {
	const batch = findGlBatch(ws, key, 'delete');
	if (!source && batch.MODULE !== '2.GL') throw RULES.subledgerOwned(batch.RECORDNO);
	requireOpenPeriod(ws.settings.closedBefore, batch.BATCH_DATE);
	deleteLines(ws, batch);
	ws.db.table('GLBATCH').remove(Number(batch.RECORDNO));
	ws.emit('GLBATCH', 'delete', batch);
}
