import { create, readByName } from '../../nodes/SageIntacct/transport/functions';
import { type ClientFixture, resetFixture, startClientFixture } from './sandboxClient';

let fx: ClientFixture;
beforeAll(async () => {
	fx = await startClientFixture();
});
afterAll(async () => {
	await fx.sandbox.close();
});
beforeEach(() => resetFixture(fx));

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
		const created = await client.execute(create('VENDOR', { VENDORID: id, NAME: name }));
		expect(created.status).toBe('success');
		const read = await client.execute(readByName('VENDOR', id, ['VENDORID', 'NAME']));
		// Control characters cannot travel in XML: stripped by design.
		expect(read.records[0].NAME).toBe(name.split('\u0007').join(''));
		expect(read.records[0].VENDORID).toBe(id);
	});
});
