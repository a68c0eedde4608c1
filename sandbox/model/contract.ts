/**
 * The boundary between the sandbox's protocol layer (sandbox/protocol: HTTP, envelope, control and
 * authentication, sessions, uniqueid, transactions, concurrency, faults, webhooks) and its domain
 * model (sandbox/model: the company's data, objects and business rules, queries, seed).
 *
 * The protocol layer parses the request into XmlElement trees (order preserved, so legacy functions
 * can check strict element order) and hands each <function>'s single child to
 * CompanyModel.execute(). The model answers with a FunctionOutcome or throws BusinessError; it never
 * renders XML and never sees HTTP.
 */

/** A parsed XML element, order preserved. Text content is in `text` ('' when none). */
export interface XmlElement {
	name: string;
	attributes: Record<string, string>;
	children: XmlElement[];
	text: string;
}

/** One <error> as the gateway renders it. */
export interface ApiError {
	errorno: string;
	description?: string;
	description2?: string;
	correction?: string;
}

/** Thrown by the model for a function failure; the protocol renders a failure <result> with these errors. */
export class BusinessError extends Error {
	constructor(public readonly errors: ApiError[]) {
		super(errors.map((e) => [e.errorno, e.description, e.description2].filter(Boolean).join(' ')).join(' - '));
		this.name = 'BusinessError';
	}
}

/** A record's fields as the gateway renders them: text, or nested records (GLBATCH ENTRIES, Type/Fields).
 * An array repeats the field's element once per item; string items are text elements (lookup's
 * VALIDVALUES/VALIDVALUE list). */
export type RenderValue = string | RenderRecord | Array<RenderRecord | string>;
export interface RenderRecord {
	[field: string]: RenderValue;
}

/** Who is calling and when: the authenticated session's view. */
export interface CallContext {
	companyId: string;
	userId: string;
	/** '' = top level, else the entity (LOCATIONENTITY) ID the session is bound to. */
	entityId: string;
	/** The sandbox clock's now (controllable in tests). */
	now: Date;
}

/** What a function produced. The protocol renders `data` with the given element name per record. */
export type FunctionOutcome =
	| {
			kind: 'data';
			/** listtype attribute (e.g. 'GLACCOUNT', 'glentry', 'objects'); omitted for lookup/inspect when null */
			listType: string | null;
			/** Element name for each record, already in the casing rule of §12.12 (e.g. 'GLACCOUNT', 'glentry', 'glbatch'). */
			records: Array<{ element: string; fields: RenderRecord }>;
			/** Extra <data> attributes in order, e.g. count, totalcount, numremaining, resultId, offset. */
			attributes: Record<string, string>;
			/** Legacy get/get_list: a <listtype start end total>name</listtype> element before <data>. */
			legacyList?: { name: string; start: string; end: string; total: string };
	  }
	| { kind: 'key'; key: string } // legacy create_*: <key>RECORDNO</key>
	| { kind: 'none' }; // delete and friends: success with no <data>

/** A change the Platform Services emulation may turn into trigger deliveries (§12.25). */
export interface ChangeEvent {
	/** Intacct object name, e.g. 'GLENTRY', 'GLBATCH', 'APBILL', 'VENDOR' */
	object: string;
	kind: 'create' | 'update' | 'delete';
	recordNo: string;
	/** The record's fields (after the change; before it for deletes), as read would render them. */
	fields: RenderRecord;
	/** Entity of the record ('' top level). */
	entityId: string;
}

/** A user who may sign in. */
export interface SandboxUser {
	userId: string;
	password: string;
	/** Entities the user may sign in to; empty = all. */
	entities: string[];
}

/** The domain model of one company. */
export interface CompanyModel {
	readonly companyId: string;
	/** Sender IDs authorised for this company (Company > Setup > Company > Security). */
	authorisedSenders(): string[];
	users(): SandboxUser[];
	/** Entity IDs of the company (LOCATIONENTITY). */
	entities(): string[];
	/** Company preferences the protocol needs (e.g. bill number required). */
	readonly settings: { billNumberRequired: boolean };

	/**
	 * Runs one function: `fn` is the single child of <function> (e.g. <readByQuery>, <create>,
	 * <create_bill>). Throws BusinessError for business failures (with Intacct's error numbers and
	 * texts), returns the outcome otherwise.
	 */
	execute(ctx: CallContext, fn: XmlElement): FunctionOutcome;

	/** Opaque snapshot/restore for operation transaction="true" rollback. */
	snapshot(): unknown;
	restore(snapshot: unknown): void;

	/** Subscribes to committed changes (called after the change is visible to reads). Returns an unsubscribe. */
	onChange(listener: (event: ChangeEvent) => void): () => void;

	/** Forgets readMore result IDs older than `olderThanMs` (fault injection: resultId expiry). */
	expireResultIds(olderThanMs: number, now: Date): void;

	/** Whole state as JSON-safe data (for --state file persistence) and back. */
	toJSON(): unknown;
}

/** Options of the model factory `createCompany` exported by sandbox/model/index.ts. */
export interface CompanyFactoryOptions {
	/** PRNG seed of the generated history (deterministic). Default 1. */
	seed?: number;
	/** Approximate number of historical GLENTRY rows to generate. Default: the demo size (a few
	 * hundred batches); benchmarks ask for 100,000+. */
	glEntryTarget?: number;
	/** A value previously produced by CompanyModel.toJSON(): restore it instead of seeding. */
	state?: unknown;
	/** The sandbox clock, accepted for compatibility; the model does not read it. Writes are stamped
	 * with CallContext.now, which the protocol takes from this same clock for every call, so
	 * WHENCREATED/WHENMODIFIED of API writes follow the sandbox clock (also a started-at or moved
	 * one). The seeded history keeps fixed dates whatever the clock says, so a seed always gives
	 * the same company (docs/sandbox-model.md, "Dates and the clock"). */
	now?: () => Date;
}

/** Web Services senders known to the gateway (sender ID -> password). A sender may be valid here yet
 * not authorised for a company (CompanyModel.authorisedSenders). */
export const SANDBOX_SENDERS: Readonly<Record<string, string>> = {
	n8n_sandbox: 'sandbox-sender-secret',
	unauthorised_partner: 'partner-secret',
};

/** The demo company's sign-in values, printed by `npm run sandbox` and used by tests and the demo. */
export const SANDBOX_LOGIN = {
	companyId: 'HOPEWELL',
	senderId: 'n8n_sandbox',
	senderPassword: 'sandbox-sender-secret',
	userId: 'ws_n8n',
	userPassword: 'sandbox-user-secret',
	/** A second user restricted to entity 200 (for entity tests). */
	entityUserId: 'ws_west',
	entityUserPassword: 'west-user-secret',
	/** Entities of the demo company (LOCATIONENTITY IDs); '' is the top level. */
	entities: ['100', '200'],
} as const;
