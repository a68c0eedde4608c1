/**
 * The REST Object resource's field mapper through the real n8n engine against the sandbox: the
 * field list from the company's model service (types, required, read-only, enumerations,
 * references), creates and updates through the mapper (fixed values and auto-mapped items, laid
 * under the JSON field), every item's records in one batch request, and a workflow saved before the
 * mapper existed (JSON only) still running.
 */
import type { IDataObject, ResourceMapperField } from 'n8n-workflow';
import { packageNode, resourceMapping } from '../support/harness';
import { NODE_NAME, readAll, runNode, REST_NODE, useBothWires } from './support';

const { sandbox, credentials: both, rest } = useBothWires();

const object = (value: string) => ({ __rl: true, mode: 'list', value });

const overRest = async (parameters: Record<string, unknown>, items?: IDataObject[]) => await rest({ resource: 'restObject', ...parameters }, { items });

async function fieldsOf(name: string, operation: 'create' | 'update', method: string): Promise<ResourceMapperField[]> {
	const node = { ...packageNode('sageIntacct', NODE_NAME, { authentication: 'oAuth2', resource: 'restObject', operation, restObject: object(name) }), ...REST_NODE };
	return (await resourceMapping(node, method, { credentials: both() })).fields;
}

const byId = (fields: ResourceMapperField[], id: string) => fields.find((f) => f.id === id);

/** The mapper's value as n8n's editor saves it (defineBelow, with the schema it loaded). */
function mapped(schema: ResourceMapperField[], value: Record<string, string | number | boolean | null>) {
	return { mappingMode: 'defineBelow', value, matchingColumns: [], schema, attemptToConvertTypes: false, convertFieldsToString: false };
}

it("lists a department's fields from the model service: writable ones offered, read-only ones hidden, enumerations as options", async () => {
	const fields = await fieldsOf('company-config/department', 'create', 'getRestObjectCreateFields');
	expect(byId(fields, 'id')).toMatchObject({ required: true, display: true, removed: false, type: 'string' });
	expect(byId(fields, 'name')).toMatchObject({ required: true, display: true, removed: false });
	// Optional fields are offered through "Add field"; a reference is written through its id.
	expect(byId(fields, 'parent.id')).toMatchObject({ required: false, display: true, removed: true, displayName: 'parent.id (company-config/department)' });
	const status = byId(fields, 'status');
	expect(status?.type).toBe('options');
	expect(status?.options?.map((o) => o.value)).toEqual(expect.arrayContaining(['active', 'inactive']));
	// key and audit fields are read-only: in the list (the definition) but not offered.
	expect(byId(fields, 'key')).toMatchObject({ display: false, readOnly: true });
	expect(fields.filter((f) => f.id.startsWith('audit.')).every((f) => f.display === false)).toBe(true);
	// Required fields lead.
	expect(fields[0].required).toBe(true);
});

it("lists a bill's references (written through id or key) and leaves its lines to the JSON field", async () => {
	const node = { ...packageNode('sageIntacct', NODE_NAME, { authentication: 'oAuth2', resource: 'restObject', operation: 'create', restObject: object('accounts-payable/bill') }), ...REST_NODE };
	const answer = await resourceMapping(node, 'getRestObjectCreateFields', { credentials: both() });
	const vendorId = byId(answer.fields, 'vendor.id');
	expect(vendorId).toMatchObject({ display: true, displayName: 'vendor.id (accounts-payable/vendor)' });
	expect(byId(answer.fields, 'vendor.name')).toMatchObject({ display: false });
	expect(answer.fields.some((f) => f.id.startsWith('lines'))).toBe(false);
	expect(answer.emptyFieldsNotice).toMatch(/Lines \(lines\) go in Fields \(JSON\)/);
	// Dates say how to write them.
	expect(byId(answer.fields, 'createdDate')?.displayName).toBe('createdDate (YYYY-MM-DD)');
});

it('update offers only fields a PATCH may change, none required', async () => {
	const fields = await fieldsOf('company-config/department', 'update', 'getRestObjectUpdateFields');
	expect(fields.every((f) => !f.required)).toBe(true);
	expect(byId(fields, 'name')).toMatchObject({ display: true });
	// A department's id is set on create only (mutable: false in the model).
	expect(byId(fields, 'id')).toMatchObject({ display: false });
});

it('without an object chosen the mapper says to choose one, and sends nothing', async () => {
	const before = sandbox().stats.requests;
	const node = { ...packageNode('sageIntacct', NODE_NAME, { authentication: 'oAuth2', resource: 'restObject', operation: 'create' }), ...REST_NODE };
	const answer = await resourceMapping(node, 'getRestObjectCreateFields', { credentials: both() });
	expect(answer.fields).toEqual([]);
	expect(answer.emptyFieldsNotice).toMatch(/Choose the object first/);
	expect(sandbox().stats.requests).toBe(before);
});

it('creates through the mapper (with JSON laid over it), then updates through it', async () => {
	const schema = await fieldsOf('company-config/department', 'create', 'getRestObjectCreateFields');
	const created = await overRest({
		operation: 'create',
		restObject: object('company-config/department'),
		columns: mapped(schema, { id: 'MAP-1', name: 'Mapped' }),
		body: JSON.stringify({ status: 'inactive' }),
	});
	expect(created.error).toBeUndefined();
	const [made] = created.json(NODE_NAME);
	expect(made).toMatchObject({ key: expect.any(String), id: 'MAP-1' });
	expect(await readAll(sandbox(), 'DEPARTMENT', "DEPARTMENTID = 'MAP-1'", 'DEPARTMENTID,TITLE,STATUS')).toEqual([{ DEPARTMENTID: 'MAP-1', TITLE: 'Mapped', STATUS: expect.stringMatching(/inactive/i) }]);

	const updateSchema = await fieldsOf('company-config/department', 'update', 'getRestObjectUpdateFields');
	const updated = await overRest({ operation: 'update', restObject: object('company-config/department'), key: String(made.key), columns: mapped(updateSchema, { name: 'Mapped and changed' }) });
	expect(updated.error).toBeUndefined();
	expect(await readAll(sandbox(), 'DEPARTMENT', "DEPARTMENTID = 'MAP-1'", 'TITLE')).toEqual([{ TITLE: 'Mapped and changed' }]);
});

it('auto-maps every input item by field name and creates them all in one batch request, each output paired to its item', async () => {
	const schema = await fieldsOf('company-config/department', 'create', 'getRestObjectCreateFields');
	const items = [
		{ id: 'AUTO-1', name: 'Auto one', unrelated: 'ignored' },
		{ id: 'AUTO-2', name: 'Auto two' },
		{ id: 'AUTO-3', name: 'Auto three' },
	];
	const posts = () => sandbox().stats.functions['rest:POST company-config/department'] ?? 0;
	const before = posts();
	const run = await overRest({ operation: 'create', restObject: object('company-config/department'), columns: { ...mapped(schema, {}), mappingMode: 'autoMapInputData', value: null } }, items);
	expect(run.error).toBeUndefined();
	const out = run.json(NODE_NAME);
	expect(out.map((r) => r.id)).toEqual(['AUTO-1', 'AUTO-2', 'AUTO-3']);
	expect(await readAll(sandbox(), 'DEPARTMENT', "DEPARTMENTID LIKE 'AUTO-%'", 'DEPARTMENTID,TITLE')).toHaveLength(3);
	// One batch POST for the three items (not one request per item).
	expect(posts() - before).toBe(1);
});

it('a failing record fails only its item (continue on fail), named with Intacct’s error', async () => {
	const schema = await fieldsOf('company-config/department', 'create', 'getRestObjectCreateFields');
	const items = [{ id: 'PART-1', name: 'Fine' }, { id: 'PART-1', name: 'Duplicate id' }];
	const run = await runNode(
		sandbox(),
		{ authentication: 'oAuth2', resource: 'restObject', operation: 'create', restObject: object('company-config/department'), columns: { ...mapped(schema, {}), mappingMode: 'autoMapInputData', value: null } },
		{ credentials: both(), nodeOverrides: REST_NODE, items, continueOnFail: true },
	);
	const out = run.json(NODE_NAME);
	expect(out).toHaveLength(2);
	expect(out[0]).toMatchObject({ id: 'PART-1' });
	expect(out[1].error).toEqual(expect.any(String));
});

it('a workflow saved before the mapper (JSON body only) creates as before', async () => {
	const run = await overRest({ operation: 'create', restObject: object('company-config/department'), body: JSON.stringify([{ id: 'OLD-1', name: 'Old one' }, { id: 'OLD-2', name: 'Old two' }]) });
	expect(run.error).toBeUndefined();
	expect(run.json(NODE_NAME).map((r) => r.id)).toEqual(['OLD-1', 'OLD-2']);
});

it('nothing to write is refused before sending, naming the item; required mapped fields left empty are caught by n8n', async () => {
	const schema = await fieldsOf('company-config/department', 'update', 'getRestObjectUpdateFields');
	const before = sandbox().stats.requests;
	const run = await overRest({ operation: 'update', restObject: object('company-config/department'), key: '1', columns: mapped(schema, {}) });
	expect(run.error?.message).toMatch(/item 1.*no fields to write/);
	expect(sandbox().stats.requests).toBe(before);
	const createSchema = await fieldsOf('company-config/department', 'create', 'getRestObjectCreateFields');
	await expect(overRest({ operation: 'create', restObject: object('company-config/department'), columns: mapped(createSchema, { id: 'X' }) })).rejects.toThrow(/Field "name" is required/);
});

it('Send As: Bulk Job creates every item through one bulk job, each output paired to its item', async () => {
	const schema = await fieldsOf('company-config/department', 'create', 'getRestObjectCreateFields');
	const items = [{ id: 'BULK-1', name: 'Bulk one' }, { id: 'BULK-2', name: 'Bulk two' }];
	const jobs = () => sandbox().stats.functions['rest:POST services/bulk/job/create'] ?? 0;
	const before = jobs();
	const run = await overRest(
		{ operation: 'create', restObject: object('company-config/department'), columns: { ...mapped(schema, {}), mappingMode: 'autoMapInputData', value: null }, options: { sendAs: 'bulk' } },
		items,
	);
	expect(run.error).toBeUndefined();
	expect(run.json(NODE_NAME).map((r) => r.id)).toEqual(['BULK-1', 'BULK-2']);
	expect(jobs() - before).toBe(1);
	expect(await readAll(sandbox(), 'DEPARTMENT', "DEPARTMENTID LIKE 'BULK-%'", 'DEPARTMENTID')).toHaveLength(2);
});
