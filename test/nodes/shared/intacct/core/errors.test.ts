import { IntacctError, formatErrorDetail, validationError } from '../../../../../nodes/shared/intacct/core/errors';
import { read } from '../../../../../nodes/shared/intacct/xml/functions';
import { writeRequest } from '../../../../../nodes/shared/intacct/xml/requestWriter';
import { IntacctClient } from '../../../../../nodes/shared/intacct/client/client';
import { maskSecrets } from '../../../../../nodes/shared/intacct/core/secretMasking';
import { toN8nError } from '../../../../../nodes/shared/intacct/n8n/errors';
import type { INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

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
	it('keeps the message with the chain, httpCode and itemIndex, and says each thing once (issue 18 item 5)', () => {
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
		expect(`${apiError.message}\n${apiError.description ?? ''}`.split('Rate limit exceeded')).toHaveLength(2);
		expect((apiError as NodeApiError).httpCode).toBe('429');
		expect(apiError.context.itemIndex).toBe(3);
	});

	it('puts the advice, not the chain again, in the description', () => {
		const error = new IntacctError({
			kind: 'result',
			summary: 'Intacct rejected the request',
			errors: [{ errorNo: 'BL01001973', description: '', description2: 'Could not create Bill record!', correction: 'Check the vendor ID.' }],
			hint: 'Open Accounts Payable > Vendors and check the vendor exists in this entity.',
		});
		const apiError = toN8nError(node, error, 0);
		expect(apiError.message).toContain('BL01001973 Could not create Bill record! Correction: Check the vendor ID.');
		expect(apiError.description).toBe('Open Accounts Payable > Vendors and check the vendor exists in this entity.');
	});

	it('shows the chain in the description when an error-like message does not carry it', () => {
		const foreign = Object.assign(new Error('The request failed'), {
			kind: 'result',
			errors: [{ errorNo: 'PL04000055', description: 'Invalid field', description2: '', correction: '' }],
			transient: false,
		});
		const apiError = toN8nError(node, foreign, 1);
		expect(apiError.message).toBe('The request failed');
		expect(apiError.description).toBe('PL04000055 Invalid field');
	});

	it('masks secrets in the advice too', () => {
		const error = new IntacctError({ kind: 'control', summary: 'Sign-in failed', hint: 'the password hunter2 was refused' }).maskWith(['hunter2']);
		expect(toN8nError(node, error).description).not.toContain('hunter2');
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

describe('validationError (the one builder of a local refusal)', () => {
	it('is a validation IntacctError that reaches n8n as a NodeOperationError with its text', () => {
		const error = validationError('batchSize must be a positive integer (got 0)');
		expect(error).toBeInstanceOf(IntacctError);
		expect(error.kind).toBe('validation');
		const shown = toN8nError(node, error);
		expect(shown).toBeInstanceOf(NodeOperationError);
		expect(shown.message).toContain('batchSize must be a positive integer (got 0)');
	});

	it('is what the function builders, the request writer and the client throw', () => {
		const kindOf = (run: () => unknown): string | undefined => {
			try {
				run();
			} catch (error) {
				return error instanceof IntacctError ? error.kind : 'not an IntacctError';
			}
			return undefined;
		};
		expect(kindOf(() => read('GLBATCH', []))).toBe('validation');
		expect(kindOf(() => writeRequest({ senderId: 's', senderPassword: 'p', controlId: 'c', uniqueId: false, transaction: false, authentication: { kind: 'session', sessionId: 'x' }, functions: [{ name: 'bad name', body: {}, controlId: 'f' }] }))).toBe('validation');
		expect(kindOf(() => new IntacctClient({ credentials: { senderId: '', senderPassword: '', companyId: '', userId: '', userPassword: '', endpointUrl: '' }, post: async () => ({ statusCode: 200, headers: {}, body: '' }) }))).toBe('validation');
	});
});
