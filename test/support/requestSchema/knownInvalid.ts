/**
 * Request shapes the client is KNOWN to send that Intacct's schema refuses, each waiting for the
 * issue item that removes it. A request matching an entry is reported as known instead of failing
 * its test; every other invalid request fails. Keep this list short, and delete an entry in the
 * change that fixes its shape (an entry that no request matches any more is reported as stale).
 */
export interface KnownInvalidShape {
	/** The issue item that will remove this shape. */
	fixedBy: string;
	/** What the request asks (describeRequest(), e.g. "create SUPDOC"). */
	request: RegExp;
	/** One of libxml2's messages for it. */
	message: RegExp;
}

export const KNOWN_INVALID: readonly KnownInvalidShape[] = [];
