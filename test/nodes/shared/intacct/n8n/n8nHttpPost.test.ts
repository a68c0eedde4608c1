import * as http from 'node:http';
import type { IHttpRequestOptions, IN8nHttpFullResponse, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { startSandbox } from '../../../../../sandbox';
import type { Sandbox } from '../../../../../sandbox/api';
import { SageIntacctApi } from '../../../../../credentials/SageIntacctApi.credentials';
import { IntacctError } from '../../../../../nodes/shared/intacct/core/errors';
import { CredentialSessionHandoff } from '../../../../../nodes/shared/intacct/client/credentialSession';
import { readByQuery } from '../../../../../nodes/shared/intacct/xml/functions';
import { createClientFromContext, credentialsFromData, httpPostFromN8nRequest, type IntacctContext } from '../../../../../nodes/shared/intacct/n8n/n8nHttpPost';
import { clearSessionCache } from '../../../../../nodes/shared/intacct/client/sessionCache';

const node: INode = { id: '1', name: 'Sage Intacct', type: 'x', typeVersion: 1, position: [0, 0], parameters: {} };

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ port: 0 });
});
afterAll(async () => {
	await sandbox.close();
});

/** What n8n's OutboundHttp does for returnFullResponse + ignoreHttpStatusErrors + encoding text. */
async function outbound(options: IHttpRequestOptions): Promise<IN8nHttpFullResponse> {
	return await new Promise((resolve, reject) => {
		const req = http.request(options.url, { method: options.method, headers: options.headers as http.OutgoingHttpHeaders }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => resolve({ statusCode: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
		});
		req.on('error', reject);
		req.end(String(options.body ?? ''));
	});
}

describe('n8n HttpPost adapter', () => {
	it('asks n8n for a full text response without status errors and maps it', async () => {
		let seen: IHttpRequestOptions | undefined;
		const post = httpPostFromN8nRequest(async (options) => {
			seen = options;
			return { statusCode: 503, headers: { 'Content-Type': 'text/html' }, body: '<html></html>' };
		});
		const response = await post({ url: 'https://x/', body: '<request/>', headers: { A: 'b' }, timeoutMs: 1234 });
		expect(seen).toMatchObject({ method: 'POST', url: 'https://x/', body: '<request/>', returnFullResponse: true, ignoreHttpStatusErrors: true, json: false, encoding: 'text', timeout: 1234 });
		expect(response).toEqual({ statusCode: 503, headers: { 'content-type': 'text/html' }, body: '<html></html>' });
	});

	it('turns n8n failures without an answer into rejections with the network code', async () => {
		const wrapped = new NodeApiError(node, Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }) as unknown as JsonObject);
		const post = httpPostFromN8nRequest(async () => {
			throw wrapped;
		});
		await expect(post({ url: 'https://x/', body: '', headers: {}, timeoutMs: 1 })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
		const timeout = httpPostFromN8nRequest(async () => {
			throw Object.assign(new Error('timeout of 5ms exceeded'), { code: 'ECONNABORTED' });
		});
		await expect(timeout({ url: 'https://x/', body: '', headers: {}, timeoutMs: 5 })).rejects.toMatchObject({ code: 'ETIMEDOUT' });
		// What n8n 2.41's agent throws when the connect itself times out (queue-mode e2e, loaded machine).
		const connectTimeout = httpPostFromN8nRequest(async () => {
			throw new NodeApiError(node, new Error('timeout exceeded when trying to connect') as unknown as JsonObject);
		});
		await expect(connectTimeout({ url: 'https://x/', body: '', headers: {}, timeoutMs: 5 })).rejects.toMatchObject({ code: 'ETIMEDOUT' });
	});

	it('lets the credential diagnosis from preAuthentication through unchanged', async () => {
		const diagnosis = new IntacctError({ kind: 'authentication', summary: 'The Sender ID is not authorised' });
		const post = httpPostFromN8nRequest(async () => {
			throw new NodeApiError(node, diagnosis as unknown as JsonObject);
		});
		await expect(post({ url: 'https://x/', body: '', headers: {}, timeoutMs: 1 })).rejects.toBe(diagnosis);
	});

	it('credentialsFromData trims IDs, keeps passwords as typed and defaults the endpoint', () => {
		expect(credentialsFromData({ companyId: ' C ', senderId: 's', senderPassword: ' p ', userId: 'u', userPassword: 'q', endpointUrl: '' })).toEqual({
			companyId: 'C',
			entityId: '',
			senderId: 's',
			senderPassword: ' p ',
			userId: 'u',
			userPassword: 'q',
			endpointUrl: 'https://api.intacct.com/ia/xml/xmlgw.phtml',
		});
	});

	it('credentialsFromData passes the session the credential stored (hidden properties) through, when there is one', () => {
		const base = { companyId: 'C', senderId: 's', senderPassword: 'p', userId: 'u', userPassword: 'q', endpointUrl: 'https://gw.example/xml' };
		expect(credentialsFromData({ ...base, sessionToken: ' sess ', sessionEndpoint: 'https://api.example/ia/xml/xmlgw.phtml' })).toMatchObject({
			sessionId: 'sess',
			sessionEndpoint: 'https://api.example/ia/xml/xmlgw.phtml',
		});
		const none = credentialsFromData({ ...base, sessionToken: '', sessionEndpoint: 'https://api.example/x' });
		expect(none).not.toHaveProperty('sessionId');
		expect(none).not.toHaveProperty('sessionEndpoint');
	});

	it('lets the credential\'s session handoff through n8n\'s error wrapping, untouched', async () => {
		const handoff = new CredentialSessionHandoff('sess-9', 'https://api.example/x');
		const post = httpPostFromN8nRequest(async () => {
			throw new NodeApiError(node, handoff as unknown as JsonObject);
		});
		await expect(post({ url: 'http://x', body: '<r/>', headers: {}, timeoutMs: 1000 })).rejects.toBe(handoff);
	});

	it('createClientFromContext reads the credential on first use and sends through httpRequestWithAuthentication', async () => {
		clearSessionCache();
		const credential = new SageIntacctApi();
		const calls: string[] = [];
		const ctx = {
			getCredentials: async (type: string) => {
				calls.push(`getCredentials:${type}`);
				return { ...sandbox.credentials };
			},
			helpers: {
				async httpRequestWithAuthentication(this: unknown, type: string, options: IHttpRequestOptions) {
					calls.push(`httpRequestWithAuthentication:${type}`);
					if (typeof credential.authenticate !== 'function') throw new Error('function form expected');
					return await outbound(await credential.authenticate({ ...sandbox.credentials }, options));
				},
			},
		} as unknown as IntacctContext;
		const client = createClientFromContext(ctx);
		expect(calls).toEqual([]);
		const pages: number[] = [];
		for await (const page of client.pages(readByQuery({ object: 'GLENTRY', fields: ['RECORDNO'], pageSize: 3 }), { limit: 5 })) pages.push(page.length);
		expect(pages).toEqual([3, 2]);
		expect(calls.filter((c) => c.startsWith('getCredentials'))).toEqual(['getCredentials:sageIntacctApi']);
		expect(calls.filter((c) => c === 'httpRequestWithAuthentication:sageIntacctApi').length).toBe(3);
	});
});
