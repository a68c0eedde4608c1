/**
 * Parameters shared by several operations. Each operation file spreads what it needs and wraps its
 * list with updateDisplayOptions (as n8n's v2 nodes do).
 */
import type { INodeProperties } from 'n8n-workflow';
import { DIMENSIONS, TOP_LEVEL_ENTITY } from '../../shared/intacct/records/dimensions';
import { DEFAULT_ATTACHMENT_FOLDER } from '../../shared/intacct/n8n/attachments';


export function resourceLocator(
	name: string,
	displayName: string,
	searchListMethod: string,
	options: { required?: boolean; description?: string; placeholder?: string; idModeName?: string } = {},
): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: options.required ?? false,
		description: options.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod, searchable: true },
			},
			{
				displayName: options.idModeName ?? 'ID',
				name: 'id',
				type: 'string',
				placeholder: options.placeholder ?? 'e.g. 100',
			},
		],
	};
}

export const entityIdProperty: INodeProperties = {
	...resourceLocator('entityId', 'Entity', 'searchEntities', {
		placeholder: 'e.g. 100',
		description: `Run this operation in another entity than the credential's. Empty: the credential's entity. ${TOP_LEVEL_ENTITY}: the top level of a multi-entity company.`,
	}),
};

export const simplifyProperty: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description:
		'Whether to return readable field names, numbers as numbers and ISO dates instead of the raw Intacct record',
};

export const returnAllProperty: INodeProperties = {
	displayName: 'Return All',
	name: 'returnAll',
	type: 'boolean',
	default: false,
	description: 'Whether to return all results or only up to a given limit',
};

export const limitProperty: INodeProperties = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 50,
	description: 'Max number of results to return',
	displayOptions: { show: { returnAll: [false] } },
};

export const recordNoProperty = (description: string): INodeProperties => ({
	displayName: 'Record Number',
	name: 'recordNo',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 1234',
	description,
});

/**
 * Options of every write: batching and idempotent posting. Creates (and reversals) are idempotent
 * by default: a re-run must not post twice. Updates and deletes are not: applying the same change
 * again is harmless, and a nightly "set X" workflow must still apply it after someone changed X.
 */
const idempotentOn: INodeProperties = {
	displayName: 'Idempotent',
	name: 'idempotent',
	type: 'boolean',
	default: true,
	description:
		'Whether a re-run with the same input is recognised by Intacct and not applied again (the earlier result is returned with duplicate = true)',
};

const idempotentOff: INodeProperties = { ...idempotentOn, default: false };

export function writeOptionsProperty(idempotentByDefault: boolean): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Batch Size',
				name: 'batchSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 500 },
				default: 50, // CLIENT_DEFAULTS.batchSize: n8n's lint wants a literal here (test/nodes/SageIntacct/actions/common.descriptions.test.ts)
				description: 'How many items are sent to Intacct in one request',
			},
			idempotentByDefault ? idempotentOn : idempotentOff,
			{
				displayName: 'Idempotency Key',
				name: 'idempotencyKey',
				type: 'string',
				default: '',
				placeholder: 'e.g. {{ $json.invoiceId }}',
				description:
					"Stable key of this item's write (implies Idempotent). Empty: derived from the workflow ID, this node and the item's position and content.",
			},
		],
	};
}

/** A line's user-defined dimensions (GLDIM<name> = UDD record id) and custom fields, as name/value pairs. */
export function nameValueCollection(name: string, displayName: string, description: string, namePlaceholder: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		description,
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: namePlaceholder },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	};
}

/**
 * A line's user-defined dimensions: the dimension (from getDimensions) and its value (a record of the
 * dimension's object, stored as the record id GLDIM<name> takes, §5.1), both resource locators. A
 * plain string in either (workflows saved before) is read the same way.
 */
export const userDefinedDimensionsCollection: INodeProperties = {
	displayName: 'User-Defined Dimensions',
	name: 'userDefinedDimensions',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	default: {},
	description: 'User-defined dimensions of the line: the dimension (e.g. FUNDINGSOURCE) and its value',
	options: [
		{
			displayName: 'Field',
			name: 'field',
			values: [
				resourceLocator('name', 'Dimension', 'searchUserDefinedDimensions', {
					placeholder: 'e.g. FUNDINGSOURCE',
					idModeName: 'Name',
					description: 'The dimension\'s object integration name; the line field is GLDIM followed by it',
				}),
				resourceLocator('value', 'Value', 'searchUserDefinedDimensionValues', {
					placeholder: 'e.g. 10003',
					description: 'The value\'s record ID (a number such as 10003, not its name)',
				}),
			],
		},
	],
};

/** Line parameters of journal entries (debit/credit) and bills (signed amount). */
export function linesProperties(kind: 'journalEntry' | 'bill', required: boolean): INodeProperties[] {
	const isJournal = kind === 'journalEntry';
	const lineValues: INodeProperties[] = [
		resourceLocator('accountNo', 'Account', 'searchAccounts', { placeholder: 'e.g. 6100', description: 'GL account number (ACCOUNTNO)' }),
	];
	if (isJournal) {
		lineValues.push({
			displayName: 'Type',
			name: 'type',
			type: 'options',
			options: [
				{ name: 'Debit', value: 'debit' },
				{ name: 'Credit', value: 'credit' },
			],
			default: 'debit',
		});
	}
	lineValues.push(
		{
			displayName: 'Amount',
			name: 'amount',
			type: 'number',
			typeOptions: { numberPrecision: 2 },
			default: 0,
			description: isJournal ? 'Positive amount of the line' : 'Line amount; negative for a credit line',
		},
		{ displayName: 'Memo', name: 'memo', type: 'string', default: '' },
		...DIMENSIONS.map((d): INodeProperties => resourceLocator(d.key, d.displayName.replace(/ ID$/, ''), d.search)),
		userDefinedDimensionsCollection,
		nameValueCollection('customFields', 'Custom Fields', 'Custom fields of the line by integration name', 'e.g. GRANT_CODE'),
	);
	return [
		{
			displayName: 'Lines Input',
			name: 'lineInput',
			type: 'options',
			options: [
				{ name: 'Define Below', value: 'fields', description: 'Enter lines one by one' },
				{ name: 'JSON', value: 'json', description: 'An array of lines, e.g. from an expression' },
			],
			default: 'fields',
		},
		{
			displayName: 'Lines',
			name: 'lines',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true, sortable: true },
			placeholder: 'Add Line',
			required,
			default: {},
			displayOptions: { show: { lineInput: ['fields'] } },
			options: [{ displayName: 'Line', name: 'line', values: lineValues }],
		},
		{
			displayName: 'Lines (JSON)',
			name: 'linesJson',
			type: 'json',
			required,
			default: '[]',
			displayOptions: { show: { lineInput: ['json'] } },
			description: isJournal
				? 'Array of lines: {"accountNo": "6100", "debit": 100} or "credit"; optional memo, departmentId, locationId, projectId, classId, customerId, vendorId, employeeId, itemId, userDefinedDimensions {"FUNDINGSOURCE": "10001"}, customFields {}'
				: 'Array of lines: {"accountNo": "6100", "amount": 100}; optional memo, departmentId, locationId, projectId, classId, customerId, vendorId, employeeId, itemId, userDefinedDimensions {"FUNDINGSOURCE": "10001"}, customFields {}',
		},
	];
}

/** Attaching the item's binary files to the record a create writes (bills, card transactions): create_supdoc, then SUPDOCID on the record. */
export function recordAttachmentProperties(record: string): INodeProperties[] {
	return [
		{
			displayName: 'Attach Files',
			name: 'attachFiles',
			type: 'boolean',
			default: false,
			description: `Whether to upload the item's binary files as the ${record}'s supporting document (attachment)`,
		},
		{
			displayName: 'Input Binary Fields',
			name: 'binaryPropertyNames',
			type: 'string',
			default: 'data',
			placeholder: 'e.g. data, invoice',
			description: 'Names of the binary fields to attach, comma-separated',
			displayOptions: { show: { attachFiles: [true] } },
		},
		{
			displayName: 'Attachment Folder',
			name: 'attachmentFolder',
			type: 'string',
			default: DEFAULT_ATTACHMENT_FOLDER,
			placeholder: 'e.g. AP Bills',
			description: 'Attachment folder in Intacct the files go into (Intacct requires one); created when missing',
			displayOptions: { show: { attachFiles: [true] } },
		},
	];
}
