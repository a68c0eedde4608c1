import type { INodeProperties } from 'n8n-workflow';
import * as execute from './execute.operation';

export { execute };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['custom'] } },
		options: [
			{
				name: 'Execute XML Functions',
				value: 'execute',
				description: 'Run any XML API function(s) in the signed-in session',
				action: 'Execute XML functions',
			},
		],
		default: 'execute',
	},
	...execute.description,
];
