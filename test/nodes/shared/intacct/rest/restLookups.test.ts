import { decodeQueryCursor, encodeQueryCursor, userDimensionMapping, userDimensionObject } from '../../../../../nodes/shared/intacct/rest/restLookups';

describe('user-defined dimensions over REST (rest/restLookups.ts)', () => {
	// Rows as company-configuration.md "List dimensions" shows them.
	const list = [
		{ dimensionName: 'CLASS', isUserDefinedDimension: false, dimensionEndpoint: '/objects/company-config/class' },
		{ dimensionName: 'CHANNEL', isUserDefinedDimension: true, dimensionEndpoint: '/objects/platform-apps/nsp::channel' },
		{ dimensionName: 'TRAVEL', isUserDefinedDimension: 'true', dimensionEndpoint: '/objects/platform-apps/nsp::travel_UDD' },
		{ dimensionName: 'DACIA', isUserDefinedDimension: true, dimensionEndpoint: '' },
	];

	test('the records object is the endpoint the list gives, as the company spells it', () => {
		expect(userDimensionObject(list, 'CHANNEL')).toBe('platform-apps/nsp::channel');
		expect(userDimensionObject(list, 'channel')).toBe('platform-apps/nsp::channel');
		expect(userDimensionObject(list, 'TRAVEL')).toBe('platform-apps/nsp::travel_UDD');
	});

	test('without an endpoint: the nsp:: name of Sage examples; a standard dimension or unknown name is no UDD', () => {
		expect(userDimensionObject(list, 'DACIA')).toBe('platform-apps/nsp::dacia');
		expect(userDimensionObject(list, 'CLASS')).toBeUndefined();
		expect(userDimensionObject(list, 'NOSUCH')).toBeUndefined();
		expect(userDimensionObject(null, 'CHANNEL')).toBeUndefined();
	});

	test('the mapping reads ID and key as the record id and NAME as name', () => {
		const mapping = userDimensionMapping('channel', 'platform-apps/nsp::channel');
		expect(mapping.xmlObject).toBe('CHANNEL');
		expect(Object.fromEntries(mapping.fields.slice(0, 3).map((f) => [f.xml, f.rest]))).toEqual({ RECORDNO: 'key', ID: 'id', NAME: 'name' });
	});

	test('a readMore cursor keeps the resolved object', () => {
		const cursor = { object: 'CHANNEL', fields: 'ID,NAME', query: '', size: 100, start: 101, rest: 'platform-apps/nsp::channel' };
		expect(decodeQueryCursor(encodeQueryCursor(cursor))).toEqual(cursor);
		const { rest: _rest, ...plain } = cursor;
		expect(decodeQueryCursor(encodeQueryCursor(plain))).toEqual(plain);
	});
});
