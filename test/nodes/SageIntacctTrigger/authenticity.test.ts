/**
 * authenticity.ts: the template path's access key and the Early Adopter client-ID check.
 */
import { ACCESS_KEY_HEADER, ACCESS_KEY_QUERY, accessKeyMatches, presentedAccessKey, webhookDeliveryProblem } from '../../../nodes/SageIntacctTrigger/authenticity';

const KEY = 'a-long-access-key-0123456789abcdef';

describe('accessKeyMatches', () => {
	it('accepts only the exact key, and never an empty configured key', () => {
		expect(accessKeyMatches(KEY, KEY)).toBe(true);
		expect(accessKeyMatches(KEY, `${KEY} `)).toBe(false);
		expect(accessKeyMatches(KEY, KEY.slice(0, -1))).toBe(false);
		expect(accessKeyMatches(KEY, undefined)).toBe(false);
		expect(accessKeyMatches('', '')).toBe(false);
	});
});

describe('presentedAccessKey', () => {
	it('reads the key only from the configured place', () => {
		const headers = { [ACCESS_KEY_HEADER]: 'from-header' };
		const query = { [ACCESS_KEY_QUERY]: 'from-query' };
		expect(presentedAccessKey('body', 'from-body', headers, query)).toBe('from-body');
		expect(presentedAccessKey('header', 'from-body', headers, query)).toBe('from-header');
		expect(presentedAccessKey('query', 'from-body', headers, query)).toBe('from-query');
		expect(presentedAccessKey('header', 'from-body', { [ACCESS_KEY_HEADER]: ['first', 'second'] }, {})).toBe('first');
		expect(presentedAccessKey('query', undefined, {}, { [ACCESS_KEY_QUERY]: ['x'] })).toBeUndefined();
	});
});

describe('webhookDeliveryProblem', () => {
	const context = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64');
	it('needs a bearer token and a trusted context naming the client ID', () => {
		expect(webhookDeliveryProblem({}, 'app.sage.com')).toMatch(/Bearer/);
		expect(webhookDeliveryProblem({ authorization: 'Bearer t' }, 'app.sage.com')).toMatch(/missing X-Trusted-Context/);
		expect(webhookDeliveryProblem({ authorization: 'Bearer t', 'x-trusted-context': 'not base64 json' }, 'app.sage.com')).toMatch(/not base64-encoded JSON/);
		expect(webhookDeliveryProblem({ authorization: 'Bearer t', 'x-trusted-context': context({ clientId: 'other.app' }) }, 'app.sage.com')).toMatch(/another client ID/);
		expect(webhookDeliveryProblem({ authorization: 'Bearer t', 'x-trusted-context': context({ nested: ['app.sage.com'] }) }, ' app.sage.com ')).toBeUndefined();
	});
});
