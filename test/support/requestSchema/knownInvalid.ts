/**
 * Request shapes the client is KNOWN to send that Intacct's schema refuses, each waiting for the
 * issue item that removes it. A request matching an entry is reported as known instead of failing
 * its test (it still counts as known-invalid in the run's summary line); every other invalid
 * request fails. An entry covers a request only when ALL of libxml2's messages for it match. Keep
 * this list short, and delete an entry in the change that fixes its shape.
 */
export interface KnownInvalidShape {
	/** The issue item that will remove this shape. */
	fixedBy: string;
	/** What the request asks (describeRequest(), e.g. "create SUPDOC"). */
	request: RegExp;
	/** One of libxml2's messages for it. */
	message: RegExp;
}

export const KNOWN_INVALID: readonly KnownInvalidShape[] = [
	// Empty. `query` and `lookup`, which the 2019 api.xsd predates, were here; they are now checked
	// against the schema Sage publishes for `query` (../intacct-xsd/query.xsd) and our declaration of
	// `lookup` (../intacct-xsd/lookup.xsd), added to api.xsd's <function> choice by
	// validateAgainstSchema.ts.
];
