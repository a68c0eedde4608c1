import { IntacctError, formatErrorDetail } from '../../../../../nodes/shared/intacct/core/errors';
import { maskSecrets } from '../../../../../nodes/shared/intacct/core/secretMasking';
import { toN8nError } from '../../../../../nodes/shared/intacct/n8n/errors';
import type { INode } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

const node: INode = { id: '1', name: 'Sage Intacct', type: 'n8n-nodes-sage-intacct.sageIntacct', typeVersion: 1, position: [0, 0], parameters: {} };

describe('IntacctError', () => {
	it('says in plain words what happened, with Intacct\'s own numbers, texts and correction', () => {
		const error = new IntacctError({
			kind: 'result',
			summary: 'Intacct rejected the request',
			errors: [
				{ errorNo: 'BL03002128', description: '', description2: 'Enter a Bill number, and try again.', correction: 'Set the bill number.' },
				{ errorNo: 'BL01001973', description: '', description2: 'Could not create Bill record!', correction: '' },
			],
			functionName: 'create',
			controlId: 'bill-1',
		});
		expect(error.message).toBe(
			'Intacct rejected the request: BL03002128 Enter a Bill number, and try again. Correction: Set the bill number. - BL01001973 Could not create Bill record!',
		);
		expect(error.description.split('\n')).toHaveLength(2);
		expect(formatErrorDetail(error.errors[1])).toBe('BL01001973 Could not create Bill record!');
	});

	it('masks secrets in message, description and chain, in raw, XML-escaped and URL-encoded forms', () => {
		const secret = 'p&ss<word>';
		const error = new IntacctError({
			kind: 'control',
			summary: `bad ${secret} and p&amp;ss&lt;word&gt; and ${encodeURIComponent(secret)} and sess-123`,
			errors: [{ errorNo: 'X', description: secret, description2: '<password>anything</password><sessionid>zzz</sessionid>', correction: '' }],
		}).maskWith([secret, 'sess-123']);
		const everything = `${error.message}\n${error.description}\n${JSON.stringify(error.errors)}\n${error.stack}`;
		expect(everything).not.toContain(secret);
		expect(everything).not.toContain('p&amp;ss');
		expect(everything).not.toContain('sess-123');
		expect(everything).not.toContain('anything');
		expect(everything).not.toContain('zzz');
		expect(maskSecrets('abc', [undefined, ''])).toBe('abc');
	});
});

describe('toN8nError', () => {
	it('keeps message, every error of the chain in the description, httpCode and itemIndex', () => {
		const error = new IntacctError({
			kind: 'http',
			summary: 'The Intacct gateway rejected the request (HTTP 429)',
			errors: [{ errorNo: 'GW-0010', description: 'Rate limit exceeded', description2: '', correction: '' }],
			httpStatus: 429,
			transient: true,
		});
		const apiError = toN8nError(node, error, 3);
		expect(apiError).toBeInstanceOf(NodeApiError);
		expect(apiError.message).toBe('The Intacct gateway rejected the request (HTTP 429): GW-0010 Rate limit exceeded');
		expect(apiError.description).toContain('GW-0010 Rate limit exceeded');
		expect((apiError as NodeApiError).httpCode).toBe('429');
		expect(apiError.context.itemIndex).toBe(3);
	});

	it('does not let n8n replace a network message with its generic text', () => {
		const error = new IntacctError({ kind: 'network', summary: 'The connection to the Intacct gateway was reset before an answer arrived', code: 'ECONNRESET', transient: true });
		const apiError = toN8nError(node, error);
		expect(apiError.message).toBe('The connection to the Intacct gateway was reset before an answer arrived');
	});

	it('passes NodeApiErrors through and wraps other errors', () => {
		const existing = new NodeApiError(node, { message: 'x' });
		expect(toN8nError(node, existing)).toBe(existing);
		expect(toN8nError(node, new Error('boom')).message).toBe('boom');
	});
});
