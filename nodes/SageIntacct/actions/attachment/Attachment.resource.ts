import type { INodeProperties } from 'n8n-workflow';
import * as addToRecord from './addToRecord.operation';
import * as create from './create.operation';
import * as createFolder from './createFolder.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as getManyFolders from './getManyFolders.operation';

export { addToRecord, create, createFolder, get, getMany, getManyFolders };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['attachment'] } },
		options: [
			{ name: 'Add to Record', value: 'addToRecord', description: 'Link an attachment to an existing bill or journal entry', action: 'Add an attachment to a record' },
			{ name: 'Create', value: 'create', description: 'Upload binary files as an attachment', action: 'Create an attachment' },
			{ name: 'Create Folder', value: 'createFolder', description: 'Create an attachment folder', action: 'Create an attachment folder' },
			{ name: 'Get', value: 'get', description: 'Download an attachment as binary files', action: 'Get an attachment' },
			{ name: 'Get Many', value: 'getMany', description: 'List attachments (without their files)', action: 'Get many attachments' },
			{ name: 'Get Many Folders', value: 'getManyFolders', description: 'List attachment folders', action: 'Get many attachment folders' },
		],
		default: 'create',
	},
	...addToRecord.description,
	...create.description,
	...createFolder.description,
	...get.description,
	...getMany.description,
	...getManyFolders.description,
];
