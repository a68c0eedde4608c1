/**
 * Derived idempotency keys never change between versions of the package: a workflow re-run after an
 * upgrade must find the bills it posted before (same content, same keys). The digests below were
 * computed by the implementation before its speed-up (issue 16) and pin the exact text hashed.
 */
import { assignControlIds, contentDigest } from '../../../../../nodes/shared/intacct/n8n/idempotency';

const body = {
	create: {
		APBILL: {
			VENDORID: 'V-100',
			WHENCREATED: '03/31/2026',
			WHENDUE: undefined,
			RECORDID: 'B "1" é',
			ACTION: null,
			APBILLITEMS: {
				APBILLITEM: [
					{ ACCOUNTNO: '6000', TRX_AMOUNT: '10.00', MEMO: 'a\nb' },
					{ TRX_AMOUNT: 2.5, ACCOUNTNO: '6100', FLAG: true, LIST: [1, 'x', null] },
				],
			},
		},
	},
};

describe('idempotency keys', () => {
	it('digest of a function body: sorted keys, undefined members left out, the same text as before', () => {
		expect(contentDigest(body)).toBe('54ddf7dd7880e66fc19459cf05695fea2a0ad9cd01a9abcca8c2f3e7c86edef0');
		// Key order and undefined members do not change the digest.
		const reordered = { create: { APBILL: { EXTRA: undefined, ...Object.fromEntries(Object.entries(body.create.APBILL).reverse()) } } };
		expect(contentDigest(reordered)).toBe(contentDigest(body));
	});

	it('control IDs: occurrence numbers for repeated content, user keys scoped by owner', () => {
		expect(
			assignControlIds('["wf","node"]', 'bill-create', [
				{ content: body, userKey: '' },
				{ content: body, userKey: '' },
				{ content: body, userKey: 'K1', owner: 'V-100' },
			]).map((k) => k.controlId),
		).toEqual([
			'n8n-bill-create-73490c0a658a9187d24dc8b2c2aa49b5dd936408',
			'n8n-bill-create-2e96741683ce2a0169fa0efaf6b8a3f72bfbed5f',
			'n8n-bill-create-806cf0968a0f9dd258dc5da750d1b209e0cfc540',
		]);
	});
});
