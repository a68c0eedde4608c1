import type { INodeProperties } from 'n8n-workflow';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export { create, get, getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['deposit'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Deposit undeposited AR payments into a bank account', action: 'Create a deposit' },
			{ name: 'Get', value: 'get', description: 'Get a deposit', action: 'Get a deposit' },
			{ name: 'Get Many', value: 'getMany', description: 'Get many deposits', action: 'Get many deposits' },
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...getMany.description,
];
