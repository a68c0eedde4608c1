import { namesUserDimension, respellUserDimensions, userDimensionFieldOfPath, userDimensionPath, userDimensionSpellings } from '../../../../../nodes/shared/intacct/rest/userDimensions';

const LIST = [
	{ dimensionName: 'DEPARTMENT', isUserDefinedDimension: false, dimensionEndpoint: '/objects/company-config/department' },
	{ dimensionName: 'FUNDINGSOURCE', isUserDefinedDimension: true, dimensionEndpoint: '/objects/platform-apps/nsp::FundingSource' },
	{ dimensionName: 'CHANNEL', isUserDefinedDimension: 'true', dimensionEndpoint: '/objects/platform-apps/nsp::channel' },
	{ dimensionName: 'NOENDPOINT', isUserDefinedDimension: true, dimensionEndpoint: '' },
];

describe('user-defined dimension names over REST (rest/userDimensions.ts)', () => {
	test('GLDIM<NAME> <-> the line path of its key', () => {
		expect(userDimensionPath('GLDIMFUNDINGSOURCE')).toBe('dimensions.nsp::fundingsource.key');
		expect(userDimensionPath('DEPARTMENT')).toBeUndefined();
		expect(userDimensionFieldOfPath('dimensions.nsp::FundingSource.key')).toBe('GLDIMFUNDINGSOURCE');
		expect(userDimensionFieldOfPath('dimensions.nsp::fundingsource.href')).toBeUndefined();
	});

	test('the company spelling comes from the dimension list endpoints of its UDDs', () => {
		expect([...userDimensionSpellings(LIST)]).toEqual([
			['fundingsource', 'FundingSource'],
			['channel', 'channel'],
		]);
		expect(userDimensionSpellings(undefined).size).toBe(0);
	});

	test('write and query bodies are respelled where they name a line dimension, nothing else', () => {
		const spellings = userDimensionSpellings(LIST);
		const write = { description: 'nsp::fundingsource stays', lines: [{ dimensions: { location: { id: '1' }, 'nsp::fundingsource': { key: '10004' }, 'nsp::other': { key: '1' } } }] };
		expect(namesUserDimension(write)).toBe(true);
		expect(respellUserDimensions(write, spellings)).toEqual({
			description: 'nsp::fundingsource stays',
			lines: [{ dimensions: { location: { id: '1' }, 'nsp::FundingSource': { key: '10004' }, 'nsp::other': { key: '1' } } }],
		});
		const query = { object: 'platform-apps/nsp::fundingsource', fields: ['key', 'dimensions.nsp::fundingsource.key'], filters: [{ $eq: { 'dimensions.nsp::fundingsource.key': '10004' } }], orderBy: [{ 'dimensions.nsp::fundingsource.key': 'asc' }] };
		expect(namesUserDimension(query)).toBe(true);
		expect(respellUserDimensions(query, spellings)).toEqual({
			object: 'platform-apps/nsp::fundingsource',
			fields: ['key', 'dimensions.nsp::FundingSource.key'],
			filters: [{ $eq: { 'dimensions.nsp::FundingSource.key': '10004' } }],
			orderBy: [{ 'dimensions.nsp::FundingSource.key': 'asc' }],
		});
		expect(namesUserDimension({ object: 'platform-apps/nsp::fundingsource', fields: ['id', 'name'], 'nsp::custom': 'x' })).toBe(false);
	});
});
