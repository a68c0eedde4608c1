import type { INodeProperties } from 'n8n-workflow';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as reverse from './reverse.operation';

export { create, get, getMany, reverse };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['apPayment'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Pay one or many bills of a vendor', action: 'Create an AP payment' },
			{ name: 'Get', value: 'get', description: 'Get an AP payment', action: 'Get an AP payment' },
			{ name: 'Get Many', value: 'getMany', description: 'Get many AP payments', action: 'Get many AP payments' },
			{ name: 'Reverse', value: 'reverse', description: 'Reverse (void) a posted AP payment: its bills are open again', action: 'Reverse an AP payment' },
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...getMany.description,
	...reverse.description,
];
