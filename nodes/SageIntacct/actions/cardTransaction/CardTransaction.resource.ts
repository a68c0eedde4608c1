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
		displayOptions: { show: { resource: ['cardTransaction'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Record a credit or charge card transaction with its lines and receipts', action: 'Create a card transaction' },
			{ name: 'Get', value: 'get', description: 'Get a card transaction with its lines', action: 'Get a card transaction' },
			{ name: 'Get Many', value: 'getMany', description: 'Get many card transactions', action: 'Get many card transactions' },
			{ name: 'Reverse', value: 'reverse', description: 'Reverse a posted card transaction', action: 'Reverse a card transaction' },
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...getMany.description,
	...reverse.description,
];
