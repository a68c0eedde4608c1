/** The per-instance JSON e2e/run.sh writes (see setup_instance there). */
import { readFileSync } from 'node:fs';
import type { N8nInstance } from './n8n';
import type { GatewayCredentials } from './gateway';

export interface SuiteConfig extends N8nInstance {
	name: string;
	sandboxFile: string;
	runDir: string;
	artifactsDir: string;
	/** Access key the GL Entry trigger of the imported webhook workflow expects. */
	accessKey: string;
}

export interface SandboxInfo {
	gatewayUrl: string;
	port: number;
	controlUrl: string;
	credentials: GatewayCredentials;
	pid: number;
}

export function readConfig(path: string): SuiteConfig {
	return JSON.parse(readFileSync(path, 'utf8')) as SuiteConfig;
}

export function readSandbox(config: SuiteConfig): SandboxInfo {
	return JSON.parse(readFileSync(config.sandboxFile, 'utf8')) as SandboxInfo;
}

/** Credential id and name the examples reference (examples/*.json). */
export const EXAMPLE_CREDENTIAL = { id: 'sageIntacctSandbox01', name: 'Sage Intacct sandbox' };
/** The trigger access key credential (sageIntacctTriggerApi) the GL Entry trigger example references. */
export const EXAMPLE_TRIGGER_CREDENTIAL = { id: 'sageIntacctTrigger01', name: 'Sage Intacct trigger access key' };
/** The trigger access key credential holding `accessKey` (what the GL Entry trigger example checks deliveries against). */
export function triggerCredential(accessKey: string): { id: string; name: string; type: string; data: Record<string, string> } {
	return { ...EXAMPLE_TRIGGER_CREDENTIAL, type: 'sageIntacctTriggerApi', data: { accessKeySecret: accessKey } };
}
export const PACKAGE = 'n8n-nodes-sage-intacct';
