import type { INodeProperties } from 'n8n-workflow';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export { create, get, getMany, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['customer'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a customer', action: 'Create a customer' },
			{ name: 'Get', value: 'get', description: 'Get a customer', action: 'Get a customer' },
			{ name: 'Get Many', value: 'getMany', description: 'Get many customers', action: 'Get many customers' },
			{ name: 'Update', value: 'update', description: 'Update a customer', action: 'Update a customer' },
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...getMany.description,
	...update.description,
];
