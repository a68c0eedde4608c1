import type { INodeProperties } from 'n8n-workflow';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';
import * as deleteJournalEntry from './delete.operation';
import * as reverse from './reverse.operation';

export { create, get, getMany, update, deleteJournalEntry as delete, reverse };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['journalEntry'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a journal entry', action: 'Create a journal entry' },
			{ name: 'Delete', value: 'delete', description: 'Delete a journal entry', action: 'Delete a journal entry' },
			{ name: 'Get', value: 'get', description: 'Get a journal entry with its lines', action: 'Get a journal entry' },
			{ name: 'Get Many', value: 'getMany', description: 'Get many journal entries', action: 'Get many journal entries' },
			{ name: 'Reverse', value: 'reverse', description: 'Post a reversing entry for a posted journal entry', action: 'Reverse a journal entry' },
			{ name: 'Update', value: 'update', description: 'Update a draft journal entry', action: 'Update a journal entry' },
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...getMany.description,
	...update.description,
	...deleteJournalEntry.description,
	...reverse.description,
];
