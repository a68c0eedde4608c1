/**
 * An in-memory stand-in for n8n's CredentialsHelper (packages/cli credentials-helper.ts) that does
 * what the real one does for a non-OAuth credential:
 *  - getDecrypted: the stored values with the credential type's property defaults applied;
 *  - preAuthentication: runs the type's own preAuthentication when its hidden `expirable` property
 *    is empty or the caller says it expired, persists the returned values (like n8n writes them to
 *    its database) and returns them;
 *  - authenticate: runs the type's own function-form `authenticate`.
 * Nothing is mocked about the credential itself: the published credential class decides.
 */
import {
	ICredentialsHelper,
	type ICredentialDataDecryptedObject,
	type ICredentials,
	type ICredentialType,
	type IHttpRequestHelper,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialsDetails,
	type INodeProperties,
	type IRequestOptionsSimplified,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

export type CredentialValues = Record<string, ICredentialDataDecryptedObject>;

/** What happened to the stored credentials during runs (for assertions on session caching). */
export interface CredentialEvents {
	preAuthentications: number;
	updates: Array<{ type: string; keys: string[] }>;
}

export class HarnessCredentialsHelper extends ICredentialsHelper {
	readonly events: CredentialEvents = { preAuthentications: 0, updates: [] };

	/** `store` is shared and mutated like n8n's database: keep one per logical "n8n instance". */
	constructor(
		private readonly types: (name: string) => ICredentialType | undefined,
		readonly store: CredentialValues,
	) {
		super();
	}

	getParentTypes(name: string): string[] {
		return this.types(name)?.extends ?? [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.types(type)?.properties ?? [];
	}

	async getCredentials(nodeCredentials: INodeCredentialsDetails, type: string): Promise<ICredentials> {
		throw new Error(`getCredentials(${type}, ${nodeCredentials.name}) is not used by this harness`);
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const stored = this.store[type];
		if (!stored) {
			throw new Error(`No test credential of type "${type}" (node credential "${nodeCredentials.name}")`);
		}
		const withDefaults: ICredentialDataDecryptedObject = {};
		for (const property of this.getCredentialsProperties(type)) {
			if (property.default !== undefined) withDefaults[property.name] = property.default as never;
		}
		return { ...withDefaults, ...stored };
	}

	async updateCredentials(
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const before = this.store[type] ?? {};
		const changed = Object.keys(data).filter((key) => data[key] !== before[key]);
		this.store[type] = { ...before, ...data };
		this.events.updates.push({ type, keys: changed });
	}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
	): Promise<IHttpRequestOptions> {
		const type = this.types(typeName);
		const authenticate = type?.authenticate;
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions as IHttpRequestOptions);
		}
		if (authenticate !== undefined) {
			throw new Error(`Harness: generic authenticate of "${typeName}" is not supported`);
		}
		return requestOptions as IHttpRequestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.types(typeName);
		if (!type || typeof type.preAuthentication !== 'function') return undefined;
		const expirable = type.properties.find((p) => p.type === 'hidden' && p.typeOptions?.expirable === true);
		if (!expirable) return undefined;
		if (credentials[expirable.name] !== '' && credentials[expirable.name] !== undefined && !credentialsExpired) {
			return undefined;
		}
		this.events.preAuthentications++;
		const output = await type.preAuthentication.call(helpers, credentials);
		if (output?.[expirable.name] === undefined) return undefined;
		const nodeCredential = node.credentials?.[typeName];
		if (nodeCredential) {
			await this.updateCredentials(nodeCredential, typeName, Object.assign(credentials, output));
			return Object.assign(credentials, output);
		}
		return undefined;
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.types(typeName);
		if (!type || typeof type.preAuthentication !== 'function') return undefined;
		return (await type.preAuthentication.call(helpers, credentials)) as ICredentialDataDecryptedObject | undefined;
	}
}
