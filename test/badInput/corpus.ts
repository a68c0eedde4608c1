/**
 * The bad-input corpus: inputs a real workflow will one day feed the node or its trigger, each with
 * what must happen. Documents are written in business terms (the shape an upstream node produces);
 * test/badInput/nodeParameters.ts turns them into the node's parameters.
 *
 * Expectations:
 *  - 'local':    rejected before anything is sent (no create/update reaches the sandbox), the error
 *                names the item and `field`;
 *  - 'intacct':  only Intacct can know (unknown account, duplicate vendor...): sent, refused with
 *                Intacct's `code`, nothing stored; the error names the item;
 *  - 'accepted': awkward but valid (XML metacharacters...): posted once, stored byte-for-byte.
 * Trigger cases say how webhook() must answer: 401 (forged), 400 (malformed), ignored (replay/filter).
 */

/** Master data of the sandbox company the documents refer to (see masterData.ts). */
export interface CorpusMasterData {
	vendorId: string;
	expenseAccount: string;
	creditAccount: string;
	journal: string;
	departmentId: string;
	locationId: string;
}

export interface JournalLineInput {
	accountNo?: unknown;
	type?: unknown;
	amount?: unknown;
	memo?: unknown;
	departmentId?: unknown;
	locationId?: unknown;
}

export interface JournalEntryInput {
	journal?: unknown;
	date?: unknown;
	title?: unknown;
	referenceNo?: unknown;
	reverseDate?: unknown;
	lines?: unknown;
}

export interface BillLineInput {
	accountNo?: unknown;
	amount?: unknown;
	memo?: unknown;
	departmentId?: unknown;
	locationId?: unknown;
}

export interface BillInput {
	vendorId?: unknown;
	billNumber?: unknown;
	date?: unknown;
	dueDate?: unknown;
	description?: unknown;
	lines?: unknown;
}

export interface VendorInput {
	vendorId?: unknown;
	name?: unknown;
	email?: unknown;
}

export type Expectation =
	| { stage: 'local'; field: string }
	| { stage: 'intacct'; code: string; field?: string }
	| { stage: 'accepted'; stored: Record<string, string> };

interface CaseBase {
	id: string;
	title: string;
	expect: Expectation;
	/** What the package does today instead (the case runs as test.failing until it is fixed). */
	knownBug?: string;
}

export type WriteCase =
	| (CaseBase & { target: 'journalEntry'; input: JournalEntryInput })
	| (CaseBase & { target: 'bill'; input: BillInput })
	| (CaseBase & { target: 'vendor'; input: VendorInput });

export interface ReadCase {
	id: string;
	title: string;
	target: 'read';
	/** The node's parameters (reads take no document). */
	parameters: Record<string, unknown>;
	expect:
		| { stage: 'local'; field: string }
		| { stage: 'intacct'; code: string }
		/** Runs, returns no record (a value that tries to escape its quotes matches nothing). */
		| { stage: 'empty' };
	knownBug?: string;
}

export interface WebhookRequestInput {
	headers: Record<string, string>;
	query?: Record<string, string>;
	/** A JSON value (sent as parsed body + raw bytes) or raw text (sent as raw bytes only). */
	body: unknown;
	rawText?: string;
}

export interface TriggerCase {
	id: string;
	title: string;
	target: 'trigger';
	/** Trigger parameters other than the defaults (access key in the body). */
	parameters?: Record<string, unknown>;
	/** Requests in order; the expectation is about the last one unless said otherwise. */
	requests: WebhookRequestInput[];
	expect:
		| { answer: 401 }
		| { answer: 400; mentions: string }
		/** Every request answered 200, `started` workflows in total. */
		| { answer: 200; started: number };
}

export type CorpusCase = WriteCase | ReadCase | TriggerCase;

/** Every case of the corpus (the count the README promises: at least 40). */
export function allCases(m: CorpusMasterData, ref: (id: string) => string): CorpusCase[] {
	return [...journalEntryCases(m, ref), ...billCases(m, ref), ...vendorCases(m, ref), ...readCases(), ...triggerCases()];
}

/** The valid documents the bad ones are variations of. */
export function validJournalEntry(m: CorpusMasterData, ref: string): JournalEntryInput & { lines: JournalLineInput[] } {
	return {
		journal: m.journal,
		date: '2026-03-31',
		title: 'Bad input corpus accrual',
		referenceNo: ref,
		lines: [
			{ accountNo: m.expenseAccount, type: 'debit', amount: 120.5, memo: 'Expense', departmentId: m.departmentId, locationId: m.locationId },
			{ accountNo: m.creditAccount, type: 'credit', amount: 120.5, memo: 'Accrued', locationId: m.locationId },
		],
	};
}

export function validBill(m: CorpusMasterData, billNumber: string): BillInput & { lines: BillLineInput[] } {
	return {
		vendorId: m.vendorId,
		billNumber,
		date: '2026-03-15',
		dueDate: '2026-04-14',
		description: 'Bad input corpus bill',
		lines: [
			{ accountNo: m.expenseAccount, amount: 80, memo: 'Hosting', departmentId: m.departmentId, locationId: m.locationId },
			{ accountNo: m.expenseAccount, amount: 19.99, memo: 'Support', locationId: m.locationId },
		],
	};
}

const LONG = 'x'.repeat(5000);
/** ~6 MB of text: far beyond anything a sane request carries (the async limit is 500K characters). */
const HUGE = 'y'.repeat(6 * 1024 * 1024);
const XML_META = `Tom & Jerry's <"quoted"> ]]> </BATCH_TITLE><injected/>`;

/** Replaces one journal line's field (or removes it with `undefined`). */
function jeLine(m: CorpusMasterData, ref: string, index: number, patch: JournalLineInput): JournalEntryInput {
	const je = validJournalEntry(m, ref);
	je.lines = je.lines.map((line, i) => (i === index ? { ...line, ...patch } : line));
	return je;
}

function billLine(m: CorpusMasterData, ref: string, index: number, patch: BillLineInput): BillInput {
	const bill = validBill(m, ref);
	bill.lines = bill.lines.map((line, i) => (i === index ? { ...line, ...patch } : line));
	return bill;
}

/** Journal-entry cases; `ref` makes reference numbers unique per test run. */
export function journalEntryCases(m: CorpusMasterData, ref: (id: string) => string): WriteCase[] {
	const c = (id: string, title: string, input: JournalEntryInput, expect: Expectation, knownBug?: string): WriteCase => ({
		id,
		title,
		target: 'journalEntry',
		input,
		expect,
		knownBug,
	});
	const je = (id: string) => validJournalEntry(m, ref(id));
	return [
		c('je-unbalanced', 'debits 120.50, credits 110.50', jeLine(m, ref('je-unbalanced'), 1, { amount: 110.5 }), { stage: 'local', field: 'not balanced' }),
		c('je-one-line', 'a single line cannot balance', { ...je('je-one-line'), lines: [validJournalEntry(m, '').lines[0]] }, { stage: 'local', field: 'two lines' }),
		c('je-no-lines', 'empty line list', { ...je('je-no-lines'), lines: [] }, { stage: 'local', field: 'no lines' }),
		c('je-lines-not-list', 'lines is a string', { ...je('je-lines-not-list'), lines: 'debit 6100 120.50' }, { stage: 'local', field: 'lines' }),
		c('je-line-no-account', 'line 1 has no account', jeLine(m, ref('je-line-no-account'), 0, { accountNo: undefined }), { stage: 'local', field: 'line 1, field "accountNo"' }),
		c('je-line-empty-account', 'line 2 account is blank', jeLine(m, ref('je-line-empty-account'), 1, { accountNo: '   ' }), { stage: 'local', field: 'line 2, field "accountNo"' }),
		c('je-amount-text', 'amount "abc"', jeLine(m, ref('je-amount-text'), 0, { amount: 'abc' }), { stage: 'local', field: 'amount' }),
		c('je-amount-5-decimals', 'amount 120.50001', jeLine(m, ref('je-amount-5-decimals'), 0, { amount: 120.50001 }), { stage: 'local', field: 'amount' }),
		c('je-amount-thousands', 'amount "1,120.50" with a separator', jeLine(m, ref('je-amount-thousands'), 0, { amount: '1,120.50' }), { stage: 'local', field: 'amount' }),
		c('je-amount-object', 'amount is an object', jeLine(m, ref('je-amount-object'), 0, { amount: { value: 120.5 } }), { stage: 'local', field: 'amount' }),
		c('je-amount-infinite', 'amount 1e309 (Infinity)', jeLine(m, ref('je-amount-infinite'), 0, { amount: '1e309' }), { stage: 'local', field: 'amount' }),
		c('je-type-unknown', 'line type "sideways"', jeLine(m, ref('je-type-unknown'), 0, { type: 'sideways' }), { stage: 'local', field: 'type' }),
		c('je-date-13-45', 'date 13/45/2026', { ...je('je-date-13-45'), date: '13/45/2026' }, { stage: 'local', field: 'postingDate' }),
		c('je-date-feb-30', 'date 2026-02-30', { ...je('je-date-feb-30'), date: '2026-02-30' }, { stage: 'local', field: 'postingDate' }),
		c('je-date-two-digit-year', 'date 03/04/26 (ambiguous)', { ...je('je-date-two-digit-year'), date: '03/04/26' }, { stage: 'local', field: 'postingDate' }),
		c('je-date-number', 'date is the number 20260331', { ...je('je-date-number'), date: 20260331 }, { stage: 'local', field: 'postingDate' }),
		c('je-date-missing', 'no posting date', { ...je('je-date-missing'), date: undefined }, { stage: 'local', field: 'postingDate' }),
		c('je-journal-missing', 'no journal', { ...je('je-journal-missing'), journal: '' }, { stage: 'local', field: 'journal' }),
		// XML 1.0 cannot carry these; the client strips them (xml/requestWriter.ts) so one item cannot break its batch.
		c('je-control-chars', 'title with NUL and BEL control characters', { ...je('je-control-chars'), title: 'Accrual\u0000\u0007' }, { stage: 'accepted', stored: { BATCH_TITLE: 'Accrual' } }),
		c('je-huge-title', '6 MB title', { ...je('je-huge-title'), title: HUGE }, { stage: 'accepted', stored: { BATCH_TITLE: HUGE } }),
		c('je-unknown-account', 'account 99999 does not exist', jeLine(m, ref('je-unknown-account'), 0, { accountNo: '99999' }), { stage: 'intacct', code: 'BL03000015' }),
		c('je-unknown-department', 'department NOPE does not exist', jeLine(m, ref('je-unknown-department'), 0, { departmentId: 'NOPE' }), { stage: 'intacct', code: 'BL03000015' }),
		c('je-unknown-journal', 'journal ZZZ does not exist', { ...je('je-unknown-journal'), journal: 'ZZZ' }, { stage: 'intacct', code: 'BL03000015' }),
		c('je-xml-metacharacters', 'title full of XML metacharacters', { ...je('je-xml-metacharacters'), title: XML_META }, { stage: 'accepted', stored: { BATCH_TITLE: XML_META } }),
	];
}

export function billCases(m: CorpusMasterData, ref: (id: string) => string): WriteCase[] {
	const c = (id: string, title: string, input: BillInput, expect: Expectation, knownBug?: string): WriteCase => ({ id, title, target: 'bill', input, expect, knownBug });
	const bill = (id: string) => validBill(m, ref(id));
	return [
		c('bill-no-vendor', 'no vendor ID', { ...bill('bill-no-vendor'), vendorId: undefined }, { stage: 'local', field: 'vendor' }),
		c('bill-no-lines', 'empty line list', { ...bill('bill-no-lines'), lines: [] }, { stage: 'local', field: 'lines' }),
		c('bill-date-invalid', 'bill date 2026-13-01', { ...bill('bill-date-invalid'), date: '2026-13-01' }, { stage: 'local', field: 'transactionDate' }),
		c('bill-due-feb-30', 'due date 2026-02-30', { ...bill('bill-due-feb-30'), dueDate: '2026-02-30' }, { stage: 'local', field: 'dueDate' }),
		c('bill-no-due-date', 'no due date on a bill that is not a draft (Intacct requires WHENDUE)', { ...bill('bill-no-due-date'), dueDate: undefined }, { stage: 'local', field: 'dueDate' }),
		c('bill-amount-5-decimals', 'line amount 19.99999', billLine(m, ref('bill-amount-5-decimals'), 1, { amount: 19.99999 }), { stage: 'local', field: 'line 2, field "amount"' }),
		c('bill-amount-boolean', 'line amount true', billLine(m, ref('bill-amount-boolean'), 0, { amount: true }), { stage: 'local', field: 'amount' }),
		c('bill-amount-empty', 'line amount ""', billLine(m, ref('bill-amount-empty'), 0, { amount: '' }), { stage: 'local', field: 'amount' }),
		c('bill-line-no-account', 'line 2 without account', billLine(m, ref('bill-line-no-account'), 1, { accountNo: undefined }), { stage: 'local', field: 'line 2, field "accountNo"' }),
		c('bill-control-chars', 'description with ESC and vertical tab', { ...bill('bill-control-chars'), description: 'June\u001b[31m hosting\u000b' }, { stage: 'accepted', stored: { DESCRIPTION: 'June[31m hosting' } }),
		c('bill-huge-memo', '6 MB line memo', billLine(m, ref('bill-huge-memo'), 0, { memo: HUGE }), { stage: 'accepted', stored: {} }),
		c('bill-unknown-vendor', 'vendor V-NOPE does not exist', { ...bill('bill-unknown-vendor'), vendorId: 'V-NOPE' }, { stage: 'intacct', code: 'BL03000015' }),
		// Intacct echoes the unknown vendor ID in its error text: "already processed" there is not a duplicate (issue 12 item 3).
		c('bill-vendor-already-processed', 'vendor "Request already processed" does not exist', { ...bill('bill-vendor-already-processed'), vendorId: 'Request already processed' }, { stage: 'intacct', code: 'BL03000015' }),
		c('bill-unknown-account', 'line account 99999 does not exist', billLine(m, ref('bill-unknown-account'), 0, { accountNo: '99999' }), { stage: 'intacct', code: 'BL03000015' }),
		c('bill-unknown-department', 'line department NOPE does not exist', billLine(m, ref('bill-unknown-department'), 0, { departmentId: 'NOPE' }), { stage: 'intacct', code: 'BL03000015' }),
		c(
			'bill-no-number',
			'no bill number (optional field absent from the item)',
			{ ...bill('bill-no-number'), billNumber: undefined, description: `Bill without number ${ref('bill-no-number')}` },
			{ stage: 'accepted', stored: { RECORDID: '' } }
		),
		c('bill-xml-metacharacters', 'description full of XML metacharacters', { ...bill('bill-xml-metacharacters'), description: XML_META }, { stage: 'accepted', stored: { DESCRIPTION: XML_META } }),
		c('bill-long-description', '5,000-character description', { ...bill('bill-long-description'), description: LONG }, { stage: 'accepted', stored: { DESCRIPTION: LONG } }),
	];
}

export function vendorCases(m: CorpusMasterData, ref: (id: string) => string): WriteCase[] {
	const c = (id: string, title: string, input: VendorInput, expect: Expectation, knownBug?: string): WriteCase => ({ id, title, target: 'vendor', input, expect, knownBug });
	return [
		c('vendor-no-id', 'vendor without ID', { name: 'Nameless' }, { stage: 'local', field: 'vendorId' }),
		c('vendor-no-name', 'vendor without name', { vendorId: ref('V') }, { stage: 'local', field: 'name' }),
		c('vendor-id-object', 'vendor ID is an object', { vendorId: { id: 7 }, name: 'Object ID' }, { stage: 'local', field: 'vendorId' }),
		c('vendor-control-chars', 'name with a form feed', { vendorId: ref('VC'), name: 'Acme\u000c Ltd' }, { stage: 'accepted', stored: { NAME: 'Acme Ltd' } }),
		c('vendor-duplicate', 'vendor ID that already exists', { vendorId: m.vendorId, name: 'Duplicate' }, { stage: 'intacct', code: 'BL34000061' }),
		c('vendor-xml-name', 'name with XML metacharacters', { vendorId: ref('VX'), name: XML_META }, { stage: 'accepted', stored: { NAME: XML_META } }),
	];
}

export function readCases(): ReadCase[] {
	const glEntries = (extra: Record<string, unknown>) => ({ resource: 'glEntry', operation: 'getMany', returnAll: true, ...extra });
	return [
		{ id: 'read-negative-limit', title: 'Return All off, limit -5', target: 'read', parameters: glEntries({ returnAll: false, limit: -5 }), expect: { stage: 'local', field: 'limit' } },
		{ id: 'read-bad-modified-since', title: 'modified since 2026-02-30', target: 'read', parameters: glEntries({ filters: { modifiedSince: '2026-02-30' } }), expect: { stage: 'local', field: 'modifiedSince' } },
		{ id: 'read-bad-posted-after', title: 'posted after 13/45/2026', target: 'read', parameters: glEntries({ filters: { startDate: '13/45/2026' } }), expect: { stage: 'local', field: 'startDate' } },
		{ id: 'read-quote-escape', title: "account filter 6100' OR ACCOUNTNO LIKE '%", target: 'read', parameters: glEntries({ filters: { accountNos: "6100' OR ACCOUNTNO LIKE '%" } }), expect: { stage: 'empty' } },
		{ id: 'query-unknown-object', title: 'query of object NOSUCHOBJECT', target: 'read', parameters: { resource: 'query', operation: 'run', object: 'NOSUCHOBJECT', filterType: 'string', filter: '' }, expect: { stage: 'intacct', code: 'Query Failed' } },
		{ id: 'query-bad-syntax', title: 'query filter with an unbalanced parenthesis', target: 'read', parameters: { resource: 'query', operation: 'run', object: 'GLACCOUNT', filterType: 'string', filter: "(ACCOUNTNO = '6100'" }, expect: { stage: 'intacct', code: 'Query Failed' } },
	];
}

export const TRIGGER_ACCESS_KEY = 'corpus-trigger-key-5b1d';

/** A delivery as Intacct renders the node's document template: {object, event, accessKey, record}. */
export function glEntryDelivery(recordNo: string, top: Record<string, unknown> = {}, record: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		object: 'GLENTRY',
		event: 'created',
		accessKey: TRIGGER_ACCESS_KEY,
		record: {
			RECORDNO: recordNo,
			BATCHNO: '10',
			ACCOUNTNO: '6100',
			AMOUNT: '12.50',
			TR_TYPE: '1',
			WHENCREATED: '03/31/2026 10:00:00',
			WHENMODIFIED: '03/31/2026 10:00:00',
			...record,
		},
		...top,
	};
}

export function triggerCases(): TriggerCase[] {
	const json = { 'content-type': 'application/json' };
	const withoutKey = { ...glEntryDelivery('501') };
	delete withoutKey.accessKey;
	return [
		{ id: 'hook-wrong-key', title: 'forged: wrong access key', target: 'trigger', requests: [{ headers: json, body: glEntryDelivery('501', { accessKey: 'guess' }) }], expect: { answer: 401 } },
		{ id: 'hook-no-key', title: 'forged: no access key at all', target: 'trigger', requests: [{ headers: json, body: withoutKey }], expect: { answer: 401 } },
		{ id: 'hook-key-case', title: 'forged: key in another letter case', target: 'trigger', requests: [{ headers: json, body: glEntryDelivery('501', { accessKey: TRIGGER_ACCESS_KEY.toUpperCase() }) }], expect: { answer: 401 } },
		{ id: 'hook-header-wrong-key', title: 'forged: wrong X-Intacct-Access-Key header', target: 'trigger', parameters: { accessKeyLocation: 'header' }, requests: [{ headers: { ...json, 'x-intacct-access-key': 'guess' }, body: withoutKey }], expect: { answer: 401 } },
		{ id: 'hook-query-key-missing', title: 'forged: key expected in the URL, given only in the body', target: 'trigger', parameters: { accessKeyLocation: 'query' }, requests: [{ headers: json, body: glEntryDelivery('505') }], expect: { answer: 401 } },
		{ id: 'hook-not-json', title: 'malformed: body is not JSON', target: 'trigger', requests: [{ headers: json, body: undefined, rawText: '{"RECORDNO": 5,,}' }], expect: { answer: 400, mentions: 'JSON' } },
		{ id: 'hook-empty-body', title: 'malformed: empty body', target: 'trigger', requests: [{ headers: json, body: undefined, rawText: '' }], expect: { answer: 400, mentions: 'empty' } },
		{ id: 'hook-array-body', title: 'malformed: body is a JSON list', target: 'trigger', requests: [{ headers: json, body: [glEntryDelivery('501')] }], expect: { answer: 400, mentions: 'object' } },
		{ id: 'hook-replay', title: 'the same delivery three times (Intacct retries)', target: 'trigger', requests: [1, 2, 3].map(() => ({ headers: { ...json, 'idempotency-key': 'evt-77' }, body: glEntryDelivery('777') })), expect: { answer: 200, started: 1 } },
		{ id: 'hook-xml-metachar', title: 'record values full of XML metacharacters and control characters', target: 'trigger', requests: [{ headers: json, body: glEntryDelivery('502', {}, { DESCRIPTION: `${XML_META}\u0000\u0007` }) }], expect: { answer: 200, started: 1 } },
		{ id: 'hook-recordno-text', title: 'malformed: RECORDNO is not a number', target: 'trigger', requests: [{ headers: json, body: glEntryDelivery('12; DROP TABLE') }], expect: { answer: 400, mentions: 'RECORDNO' } },
		{ id: 'hook-unfilled-merge-field', title: 'malformed: a merge field Intacct did not fill', target: 'trigger', requests: [{ headers: json, body: glEntryDelivery('503', {}, { ACCOUNTNO: '{!GLENTRY.ACCOUNTNO!}' }) }], expect: { answer: 400, mentions: 'merge field' } },
		{ id: 'hook-other-object', title: 'malformed: object APBILL', target: 'trigger', requests: [{ headers: json, body: glEntryDelivery('504', { object: 'APBILL' }) }], expect: { answer: 400, mentions: 'GLENTRY' } },
	];
}
