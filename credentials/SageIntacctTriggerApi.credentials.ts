import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

/**
 * The Sage Intacct Trigger's access key for Platform Services template triggers (no signature):
 * a shared secret the Intacct trigger sends in its document template, a header or the URL. Kept in a
 * credential so n8n encrypts it, masks it and leaves it out of exported workflows.
 */
export class SageIntacctTriggerApi implements ICredentialType {
	name = 'sageIntacctTriggerApi';

	displayName = 'Sage Intacct Trigger Access Key API';

	icon: Icon = { light: 'file:../nodes/SageIntacct/sageIntacct.svg', dark: 'file:../nodes/SageIntacct/sageIntacct.dark.svg' };

	documentationUrl = 'https://developer.intacct.com/customization-services/';

	/** The field holding the key (named so n8n's tooling recognises it as a secret). */
	static readonly FIELD = 'accessKeySecret';

	properties: INodeProperties[] = [
		{
			displayName: 'Access Key',
			name: 'accessKeySecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'A long random secret (32 or more characters) that only this credential and your Intacct trigger know. Deliveries without it are refused with HTTP 401.',
		},
	];
}
