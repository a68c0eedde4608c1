import { create, query, read, readByName, readByQuery } from '../../../../../nodes/shared/intacct/xml/functions';
import { asRecords } from '../../../../../nodes/shared/intacct/xml/responseReader';
import type { IntacctRecord } from '../../../../../nodes/shared/intacct/core/types';
import { collectErrors, useClientFixture } from '../../../../support/sandboxClient';

const fx = useClientFixture();

describe('escaping round trip through the gateway', () => {
	it.each([
		['ampersand', 'Smith & Sons'],
		['less/greater', '<b>Bold</b> > 1 < 2'],
		['quotes', `Jane's "Deli"`],
		['non-ASCII', 'Café Zürich – 東京 🎉'],
		['everything', `A&B <C> 'D' "E" é\u0007`],
	])('%s survives create and read', async (label, name) => {
		const client = fx.client();
		const id = `ESC-${label.replace(/\W/g, '')}`.toUpperCase();
		const created = await client.execute(create('VENDOR', { VENDORID: id, NAME: name, DISPLAYCONTACT: { PRINTAS: name } }));
		expect(created.status).toBe('success');
		const read = await client.execute(readByName('VENDOR', id, ['VENDORID', 'NAME']));
		// Control characters cannot travel in XML: stripped by design.
		expect(read.records[0].NAME).toBe(name.split('\u0007').join(''));
		expect(read.records[0].VENDORID).toBe(id);
	});
});

describe('escaping in the envelope, sign-in and query fields', () => {
	const SPECIAL = `<&>'"é東`;

	it.each([
		['sender password', { senderPassword: `pw${SPECIAL}` }, 'control', /Incorrect Intacct XML Partner ID or password/],
		['sender ID', { senderId: `id${SPECIAL}` }, 'control', /Incorrect Intacct XML Partner ID or password/],
		// Sign-in refusals as today's gateway answers them (docs/fidelity.md, "Sign-in"): HTTP 401 +
		// XMLGW_JPP0002 for user, password and entity; a control-level invalidRequest for the company.
		['user password', { userPassword: `pw${SPECIAL}` }, 'http', /Sign-in information is incorrect/],
		['user ID', { userId: `ws${SPECIAL}` }, 'http', /Sign-in information is incorrect/],
		['company ID', { companyId: `HOPEWELL${SPECIAL}` }, 'control', /company/],
		['entity ID', { entityId: `1${SPECIAL}` }, 'http', /Sign-in information is incorrect/],
	])('a wrong %s with < > & \' " and non-ASCII is read as a wrong value, not as broken XML', async (_label, wrong, kind, text) => {
		const error = await collectErrors(fx.client({ maxRetries: 0 }, wrong).execute(readByName('VENDOR', 'V-100')));
		expect(error).toMatchObject({ kind });
		const errors = (error as { errors: Array<{ errorNo: string; description: string; description2: string }> }).errors;
		// XL03000003 would mean the gateway could not parse what the client wrote.
		expect(errors.map((e) => e.errorNo)).not.toContain('XL03000003');
		expect(errors.map((e) => `${e.description} ${e.description2}`).join(' ')).toMatch(text);
	});

	it('control IDs, readByQuery strings, query values, journal entry texts and entity IDs travel intact', async () => {
		const client = fx.client();
		const name = `Q&A <Ltd> "Zoë's" 東京`;
		const controlId = `ctl-${SPECIAL}`;
		const created = await client.execute(create('VENDOR', { VENDORID: 'ESC-Q1', NAME: name, DISPLAYCONTACT: { PRINTAS: name } }, { controlId }));
		expect(created.controlId).toBe(controlId);

		const byQuery = await client.execute(readByQuery({ object: 'VENDOR', fields: ['VENDORID', 'NAME'], query: `NAME = '${name.replace(/'/g, "\\'")}'` }));
		expect(byQuery.records.map((r) => r.VENDORID)).toEqual(['ESC-Q1']);
		const byFilter = await client.execute(query({ object: 'VENDOR', select: ['VENDORID'], filter: { operator: 'equalto', field: 'NAME', value: name } }));
		expect(byFilter.records.map((r) => r.VENDORID)).toEqual(['ESC-Q1']);

		const title = `Accrual <Q3> & "rent" for Zoë's 東京 office`;
		const batch = await client.execute(
			create(
				'GLBATCH',
				{
					JOURNAL: 'GJ',
					BATCH_DATE: '06/30/2025',
					BATCH_TITLE: title,
					ENTRIES: {
						GLENTRY: [
							{ ACCOUNTNO: '6100', TR_TYPE: '1', TRX_AMOUNT: '10.00', LOCATION: '110', DESCRIPTION: `line <1> & 'one' é` },
							{ ACCOUNTNO: '1000', TR_TYPE: '-1', TRX_AMOUNT: '10.00', LOCATION: '110', DESCRIPTION: `line "2" 東` },
						],
					},
				},
				{ controlId: `je-${SPECIAL}` },
			),
			{ entityId: '100' },
		);
		const recordNo = String(batch.records[0].RECORDNO);
		const [entry] = (await client.execute(read('GLBATCH', recordNo), { entityId: '100' })).records;
		expect(entry.BATCH_TITLE).toBe(title);
		const lines = asRecords((entry.ENTRIES as IntacctRecord).GLENTRY ?? (entry.ENTRIES as IntacctRecord).glentry);
		expect(lines.map((l) => l.DESCRIPTION)).toEqual([`line <1> & 'one' é`, `line "2" 東`]);
	});
});
