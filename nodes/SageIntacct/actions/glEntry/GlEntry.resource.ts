import type { INodeProperties } from 'n8n-workflow';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export { get, getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['glEntry'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get a GL entry line', action: 'Get a GL entry' },
			{ name: 'Get Many', value: 'getMany', description: 'Get many GL entry lines', action: 'Get many GL entries' },
		],
		default: 'getMany',
	},
	...get.description,
	...getMany.description,
];
