import type { INodeProperties } from 'n8n-workflow';
import * as run from './run.operation';

export { run };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['query'] } },
		options: [{ name: 'Run Query', value: 'run', description: 'Read records of any Intacct object', action: 'Run a query' }],
		default: 'run',
	},
	...run.description,
];
