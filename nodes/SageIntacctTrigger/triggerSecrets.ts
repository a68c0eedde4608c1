/**
 * The secrets a delivery is checked with, read from credentials (n8n encrypts and masks them):
 *   - webhook delivery: the client secret of the REST credential (sageIntacctOAuth2Api);
 *   - template: the access key credential (sageIntacctTriggerApi), or, for workflows saved before
 *     it existed, the old "Access Key" parameter (the panel asks to move it).
 * Missing secrets come back empty: every check then fails closed (401).
 */
import type { INodeCredentialTestResult, IWebhookFunctions } from 'n8n-workflow';

/** Shortest access key the credential test accepts. */
export const MIN_ACCESS_KEY_LENGTH = 32;

/** The credential test of sageIntacctTriggerApi: Intacct cannot confirm a shared key, so judge its strength. */
export function accessKeyStrength(value: unknown): INodeCredentialTestResult {
	const key = typeof value === 'string' ? value : '';
	if (key.trim() === '') return { status: 'Error', message: 'The access key is empty: enter 32 or more random characters.' };
	if (key.length < MIN_ACCESS_KEY_LENGTH) {
		return { status: 'Error', message: `The access key has ${key.length} characters; use ${MIN_ACCESS_KEY_LENGTH} or more random characters so it cannot be guessed.` };
	}
	return { status: 'OK', message: 'The access key is long enough. Use the same key in the Intacct trigger.' };
}

export type DeliveryMode = 'webhookDelivery' | 'template';

export interface TriggerSecrets {
	clientSecret: string;
	accessKey: string;
}

async function credentialValue(ctx: IWebhookFunctions, type: string, field: string): Promise<string> {
	if (ctx.getNode().credentials?.[type] === undefined) return '';
	const data = await ctx.getCredentials(type);
	const value = data[field];
	return typeof value === 'string' ? value : '';
}

export async function readTriggerSecrets(ctx: IWebhookFunctions, mode: DeliveryMode, legacyAccessKey: string): Promise<TriggerSecrets> {
	if (mode === 'webhookDelivery') return { clientSecret: await credentialValue(ctx, 'sageIntacctOAuth2Api', 'clientSecret'), accessKey: '' };
	const fromCredential = await credentialValue(ctx, 'sageIntacctTriggerApi', 'accessKeySecret');
	return { clientSecret: '', accessKey: fromCredential !== '' ? fromCredential : legacyAccessKey };
}
