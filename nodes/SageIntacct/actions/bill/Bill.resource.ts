import type { INodeProperties } from 'n8n-workflow';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';
import * as deleteBill from './delete.operation';

export { create, get, getMany, update, deleteBill as delete };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['bill'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create an AP bill', action: 'Create a bill' },
			{ name: 'Delete', value: 'delete', description: 'Delete an AP bill', action: 'Delete a bill' },
			{ name: 'Get', value: 'get', description: 'Get an AP bill', action: 'Get a bill' },
			{ name: 'Get Many', value: 'getMany', description: 'Get many AP bills', action: 'Get many bills' },
			{ name: 'Update', value: 'update', description: 'Update an AP bill', action: 'Update a bill' },
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...getMany.description,
	...update.description,
	...deleteBill.description,
];
