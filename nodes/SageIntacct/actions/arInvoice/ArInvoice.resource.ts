import type { INodeProperties } from 'n8n-workflow';
import * as create from './create.operation';
import * as deleteOperation from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export { create, deleteOperation as delete, get, getMany, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['arInvoice'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Invoice a customer', action: 'Create an AR invoice' },
			{ name: 'Delete', value: 'delete', description: 'Delete an AR invoice without payments', action: 'Delete an AR invoice' },
			{ name: 'Get', value: 'get', description: 'Get an AR invoice', action: 'Get an AR invoice' },
			{ name: 'Get Many', value: 'getMany', description: 'Get many AR invoices, e.g. the open invoices of a customer', action: 'Get many AR invoices' },
			{ name: 'Update', value: 'update', description: 'Update an AR invoice without payments', action: 'Update an AR invoice' },
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...getMany.description,
	...update.description,
	...deleteOperation.description,
];
