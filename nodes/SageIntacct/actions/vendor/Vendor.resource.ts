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
		displayOptions: { show: { resource: ['vendor'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a vendor', action: 'Create a vendor' },
			{ name: 'Get', value: 'get', description: 'Get a vendor', action: 'Get a vendor' },
			{ name: 'Get Many', value: 'getMany', description: 'Get many vendors', action: 'Get many vendors' },
			{ name: 'Update', value: 'update', description: 'Update a vendor', action: 'Update a vendor' },
		],
		default: 'get',
	},
	...create.description,
	...get.description,
	...getMany.description,
	...update.description,
];
