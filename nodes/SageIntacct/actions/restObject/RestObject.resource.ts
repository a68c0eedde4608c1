import type { INodeProperties } from 'n8n-workflow';
import { limitProperty, resourceLocator, returnAllProperty } from '../common.descriptions';
import { apiRequest, create, get, getMany, remove, update } from './operations';

export { apiRequest, create, get, getMany, update, remove as delete };

const show = (operation: string[]) => ({ show: { resource: ['restObject'], operation } });
const OBJECT_OPERATIONS = ['create', 'get', 'getMany', 'update', 'delete'];

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['restObject'] } },
		options: [
			{ name: 'API Request', value: 'apiRequest', description: 'Any REST call (method, path, JSON body) in the signed-in session', action: 'Send a REST API request' },
			{ name: 'Create', value: 'create', description: 'Create records (every item; batch requests or the bulk service)', action: 'Create a REST object record' },
			{ name: 'Delete', value: 'delete', description: 'Delete a record by key', action: 'Delete a REST object record' },
			{ name: 'Get', value: 'get', description: 'Get a record by key', action: 'Get a REST object record' },
			{ name: 'Get Many', value: 'getMany', description: 'Query records with the query service', action: 'Get many REST object records' },
			{ name: 'Update', value: 'update', description: 'Change fields of a record by key', action: 'Update a REST object record' },
		],
		default: 'getMany',
	},
	{
		displayName: 'REST objects need Authentication = OAuth 2.0 (REST): the XML gateway does not serve them',
		name: 'restObjectNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: ['restObject'], authentication: ['webServices'] } },
	},
	{
		...resourceLocator('restObject', 'Object', 'searchRestObjects', {
			required: true,
			placeholder: 'e.g. fixed-assets/asset',
			idModeName: 'Name',
			description: "The object's REST name (application/object, custom objects nsp::name); the list comes from the company's model service",
		}),
		displayOptions: show(OBJECT_OPERATIONS),
	},
	{
		displayName: 'Key',
		name: 'key',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 42',
		description: "The record's key (the REST API addresses records by key, Intacct's RECORDNO)",
		displayOptions: show(['get', 'update', 'delete']),
	},
	{
		displayName: 'Fields',
		name: 'fields',
		type: 'string',
		default: 'key,id',
		placeholder: 'e.g. key,id,name,status',
		description: "Comma-separated REST field paths as Sage's OpenAPI documents and the model service name them (dotted for a field of a reference)",
		displayOptions: show(['getMany']),
	},
	{
		displayName: 'Fields',
		name: 'fields',
		type: 'string',
		default: '',
		placeholder: 'e.g. key,id,name',
		description: 'Comma-separated REST field paths; empty: every field',
		displayOptions: show(['get']),
	},
	{
		displayName: 'Filters (JSON)',
		name: 'filters',
		type: 'json',
		default: '',
		placeholder: '[{"$eq": {"status": "active"}}]',
		description: 'Query service filters, e.g. [{"$eq": {"status": "active"}}]; empty: every record',
		displayOptions: show(['getMany']),
	},
	{ ...returnAllProperty, displayOptions: show(['getMany']) },
	{ ...limitProperty, displayOptions: { show: { resource: ['restObject'], operation: ['getMany'], returnAll: [false] } } },
	{
		displayName: 'Method',
		name: 'method',
		type: 'options',
		options: [
			{ name: 'DELETE', value: 'DELETE' },
			{ name: 'GET', value: 'GET' },
			{ name: 'PATCH', value: 'PATCH' },
			{ name: 'POST', value: 'POST' },
		],
		default: 'GET',
		displayOptions: show(['apiRequest']),
	},
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. /services/core/model',
		description: 'Path under the REST API base URL of the credential (/objects/..., /services/..., /workflows/...)',
		displayOptions: show(['apiRequest']),
	},
	{
		displayName: 'Fields',
		name: 'columns',
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		description: "The object's fields, from the company's model service",
		typeOptions: {
			loadOptionsDependsOn: ['restObject.value'],
			resourceMapper: {
				resourceMapperMethod: 'getRestObjectCreateFields',
				mode: 'add',
				fieldWords: { singular: 'field', plural: 'fields' },
				addAllFields: false,
				multiKeyMatch: false,
				supportAutoMap: true,
			},
		},
		displayOptions: show(['create']),
	},
	{
		displayName: 'Fields',
		name: 'columns',
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		description: "The fields to change, from the company's model service",
		typeOptions: {
			loadOptionsDependsOn: ['restObject.value'],
			resourceMapper: {
				resourceMapperMethod: 'getRestObjectUpdateFields',
				mode: 'add',
				fieldWords: { singular: 'field', plural: 'fields' },
				addAllFields: false,
				multiKeyMatch: false,
				supportAutoMap: true,
			},
		},
		displayOptions: show(['update']),
	},
	{
		// Named body since before the mapper: saved workflows keep their JSON records.
		displayName: 'Fields (JSON)',
		name: 'body',
		type: 'json',
		default: '{}',
		description:
			'More fields in REST field names, laid over the mapped ones: lines, nested groups, custom fields (nsp::…). On create a JSON array writes one record per element (each over the mapped fields).',
		displayOptions: show(['create', 'update']),
	},
	{
		displayName: 'Body (JSON)',
		name: 'body',
		type: 'json',
		default: '{}',
		description: 'JSON body of a POST or PATCH',
		displayOptions: { show: { resource: ['restObject'], operation: ['apiRequest'], method: ['POST', 'PATCH'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show(['create', 'update', 'apiRequest']),
		options: [
			{
				displayName: 'Send As',
				name: 'sendAs',
				type: 'options',
				displayOptions: { show: { '/operation': ['create'] } },
				options: [
					{ name: 'Auto', value: 'auto', description: 'The way measured fastest for the run\'s size: batch requests today (docs/benchmarks-rest.md)' },
					{ name: 'Batch Requests', value: 'batch', description: 'Up to 500 records per request, answered at once' },
					{ name: 'Bulk Job', value: 'bulk', description: "Intacct's asynchronous bulk service: one job, polled until done (3 requests for any number of records)" },
				],
				default: 'auto',
			},
			{
				displayName: 'Idempotency Key',
				name: 'idempotencyKey',
				type: 'string',
				default: '',
				description: 'Sent as Idempotency-Key: Intacct answers a repeat with the first result instead of writing twice (e.g. an expression on the source record ID)',
			},
		],
	},
];
