import type { Sandbox } from '../../../sandbox';
import { call, fn, textAt } from '../protocol/gatewayClient';
import { rest, useRestSandbox } from './restClient';

const UDD = '/objects/platform-apps/nsp::fundingsource';

describe('user-defined dimensions as platform objects (sandbox/rest/platformObjects.ts)', () => {
	let sandbox: Sandbox;
	let token: string;
	useRestSandbox((s, t) => {
		[sandbox, token] = [s, t];
	});

	test('the dimension list names the endpoint the records are served at: key = id = the record id', async () => {
		const list = await rest(sandbox, token, 'GET', '/services/company-config/dimensions/list');
		const funding = list.body['ia::result'].find((d: { dimensionName: string }) => d.dimensionName === 'FUNDINGSOURCE');
		expect(funding).toMatchObject({ isUserDefinedDimension: true, dimensionEndpoint: UDD });

		const keys = await rest(sandbox, token, 'GET', UDD);
		expect(keys.status).toBe(200);
		expect(keys.body['ia::result'][0]).toEqual({ key: '10001', id: '10001', href: `${UDD}/10001` });

		const one = await rest(sandbox, token, 'GET', `${UDD}/10004`);
		expect(one.status).toBe(200);
		expect(one.body['ia::result']).toMatchObject({ key: '10004', id: '10004', name: 'County', href: `${UDD}/10004` });
		expect(one.body['ia::result'].audit.createdDateTime).toMatch(/^\d{4}-\d{2}-\d{2}T/);
		// Faults and stats name it like any object.
		expect(sandbox.stats.functions['rest:GET platform-apps/nsp::fundingsource']).toBeGreaterThan(0);
		// The percent-encoded name reaches the same object.
		expect((await rest(sandbox, token, 'GET', '/objects/platform-apps/nsp%3A%3Afundingsource/10004')).body['ia::result'].name).toBe('County');
	});

	test('the query service reads the records with id and name filters, ordered and paged', async () => {
		const res = await rest(sandbox, token, 'POST', '/services/core/query', {
			object: 'platform-apps/nsp::fundingsource',
			fields: ['key', 'id', 'name'],
			filters: [{ $contains: { id: 'Coun' } }, { $contains: { name: 'Coun' } }],
			filterExpression: '1 or 2',
			orderBy: [{ key: 'asc' }],
			start: 1,
			size: 100,
		});
		expect(res.status).toBe(200);
		expect(res.body['ia::result']).toEqual([{ key: '10004', id: '10004', name: 'County' }]);
		expect(res.body['ia::meta']).toMatchObject({ totalCount: 1, start: 1, next: null });
		const unknownField = await rest(sandbox, token, 'POST', '/services/core/query', { object: 'platform-apps/nsp::fundingsource', fields: ['id', 'description'] });
		expect(unknownField.status).toBe(400);
	});

	test('the model service describes it and lists it among the objects', async () => {
		const model = await rest(sandbox, token, 'GET', '/services/core/model?name=platform-apps/nsp::fundingsource');
		expect(model.status).toBe(200);
		expect(Object.keys(model.body['ia::result'].fields)).toEqual(['key', 'id', 'href', 'name']);
		expect(model.body['ia::result'].fields.id).toMatchObject({ readOnly: true });
		const list = await rest(sandbox, token, 'GET', '/services/core/model');
		expect(list.body['ia::result'].map((o: { apiObject: string }) => o.apiObject)).toContain('platform-apps/nsp::fundingsource');
	});

	test('a record created over XML is read over REST, and one created over REST is read over XML', async () => {
		const created = await call(sandbox.url, fn('c1', '<create><FUNDINGSOURCE><NAME>Made over XML</NAME></FUNDINGSOURCE></create>'));
		const key = textAt(created, 'operation/result/data/fundingsource/RECORDNO');
		expect(Number(key)).toBeGreaterThan(10006);
		const overRest = await rest(sandbox, token, 'GET', `${UDD}/${key}`);
		expect(overRest.body['ia::result']).toMatchObject({ key, id: key, name: 'Made over XML' });

		const posted = await rest(sandbox, token, 'POST', UDD, { name: 'Made over REST' });
		expect(posted.status).toBe(201);
		const restKey = String(posted.body['ia::result'].key);
		expect(posted.body['ia::result']).toEqual({ key: restKey, id: restKey, href: `${UDD}/${restKey}` });
		const overXml = await call(sandbox.url, fn('r1', `<readByQuery><object>FUNDINGSOURCE</object><fields>ID,NAME</fields><query>ID = ${restKey}</query><pagesize>10</pagesize></readByQuery>`));
		expect(textAt(overXml, 'operation/result/data/fundingsource/NAME')).toBe('Made over REST');
	});

	test('refuses what Intacct refuses: a caller-given id, an object the company does not have', async () => {
		const withId = await rest(sandbox, token, 'POST', UDD, { id: '20001', name: 'Chosen id' });
		expect(withId.status).toBe(400);
		expect(JSON.stringify(withId.body)).toMatch(/assigned by the system/);
		expect((await rest(sandbox, token, 'GET', '/objects/platform-apps/nsp::nosuchdimension')).status).toBe(404);
		expect((await rest(sandbox, token, 'POST', '/services/core/query', { object: 'platform-apps/nsp::nosuchdimension', fields: ['id'] })).status).toBe(404);
	});
});
