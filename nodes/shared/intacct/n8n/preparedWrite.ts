/** What an operation hands the write pipeline (writes.ts) for one item. */
import type { IDataObject } from 'n8n-workflow';
import type { IntacctApi, IntacctFunction, IntacctRecord, IntacctResult, RequestOptions } from '../core/types';

export interface PreparedWrite {
	fn: IntacctFunction;
	/** Output of a write, from Intacct's answer: the same function shapes a fresh post and a duplicate
	 * (then given the existing record's answer fields, see answerFields). */
	onSuccess(result: IntacctResult, client: IntacctApi, options: RequestOptions): Promise<IDataObject> | IDataObject;
	/** The record this write stands for, looked up by its natural key (raw Intacct fields): for a
	 * reported duplicate, and after a failed retry, whose first attempt may have posted. */
	findExisting?(client: IntacctApi, options: RequestOptions): Promise<IntacctRecord | undefined>;
	/** Fields the existing record must hold for it to be this write (Intacct name -> value sent);
	 * checked when a user's key or a retry points at an existing record. */
	intended?: Record<string, string>;
	/** The fields Intacct answers a fresh write with (default RECORDNO, RECORD_URL). */
	answerFields?: string[];
	/** The record's natural owner (vendor, customer): a user's idempotency key is scoped by it. */
	owner?: string;
	/** Runs right before the write is sent (e.g. uploading the item's attachments); a failure fails this item alone. */
	before?(client: IntacctApi, options: RequestOptions): Promise<void>;
}
