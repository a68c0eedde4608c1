/**
 * Sage's official @intacct/intacct-sdk 2.2.1 (unmaintained since 2022) calls util.isNullOrUndefined
 * and util.isArray, which Node 23 removed; on Node 24 (what n8n 2.x runs on) the SDK throws
 * "isNullOrUndefined is not a function" while parsing any response. The conformance test and the
 * benchmarks use the SDK only as a reference client, so they restore the two functions, with the
 * semantics Node documented for them, before loading it. Our own client needs none of this.
 *
 * Import this module before '@intacct/intacct-sdk'.
 */
import util from 'util';

type LegacyUtil = typeof util & {
	isNullOrUndefined?: (value: unknown) => boolean;
	isArray?: (value: unknown) => boolean;
};

const legacy = util as LegacyUtil;
if (typeof legacy.isNullOrUndefined !== 'function') {
	legacy.isNullOrUndefined = (value: unknown) => value === null || value === undefined;
}
if (typeof legacy.isArray !== 'function') {
	legacy.isArray = (value: unknown) => Array.isArray(value);
}

export {};
