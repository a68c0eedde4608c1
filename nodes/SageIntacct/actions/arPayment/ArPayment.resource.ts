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
		displayOptions: { show: { resource: ['arPayment'] } },
		options: [
			{ name: 'Create', value: 'create', description: "Receive a customer's payment on one or many invoices", action: 'Create an AR payment' },
			{ name: 'Get', value: 'get', description: 'Get an AR payment', action: 'Get an AR payment' },
			{ name: 'Get Many', value: 'getMany', description: 'Get many AR payments', action: 'Get many AR payments' },
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...getMany.description,
];
