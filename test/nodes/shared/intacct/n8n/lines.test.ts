/**
 * The hand-checked common JSON line (issue 16, CPU per item) gives exactly what the zod schema
 * gives, key order of the maps included, and leaves every unusual line to zod (same result or same
 * error as before).
 */
import { commonJsonLine, jsonLineSchema, parseJsonLines } from '../../../../../nodes/shared/intacct/n8n/lines';

const accepted: Array<Record<string, unknown>> = [
	{ accountNo: '6000', amount: 125.4 },
	{ accountNo: 6000, debit: '10.00', memo: '  kept as is  ', departmentId: ' PROG ', locationId: 110 },
	{ accountNo: ' 1000 ', credit: 10, type: 'credit', projectId: '', customFields: { b: 2, a: 'x' }, userDefinedDimensions: { fundingsource: 10001, Z: 'z' } },
	{ accountNo: '6500', amount: '-3', classId: 'C', customerId: 'CU', vendorId: 'V', employeeId: 'E', itemId: 'I' },
];

const unusual: Array<Record<string, unknown>> = [
	{ amount: 1 },
	{ accountNo: null, amount: 1 },
	{ accountNo: '6000', amount: 1, memo: 5 },
	{ accountNo: '6000', amount: 1, memo: undefined },
	{ accountNo: '6000', amount: Number.NaN },
	{ accountNo: '6000', amount: 1, type: 'both' },
	{ accountNo: '6000', amount: 1, extra: 'x' },
	{ accountNo: '6000', amount: 1, customFields: ['a'] },
	{ accountNo: '6000', amount: 1, customFields: { a: { deep: 1 } } },
	{ accountNo: '6000', amount: { value: 1 } },
];

it('accepts the common lines with the schema\'s exact output', () => {
	for (const line of accepted) {
		const parsed = jsonLineSchema.safeParse(line);
		expect(parsed.success).toBe(true);
		const common = commonJsonLine(line as never);
		expect(common).toEqual(parsed.success ? parsed.data : undefined);
		for (const map of ['customFields', 'userDefinedDimensions'] as const) {
			if (parsed.success && parsed.data[map]) expect(Object.keys((common as unknown as Record<string, object>)[map])).toEqual(Object.keys(parsed.data[map] ?? {}));
		}
	}
});

it('leaves every unusual line to zod', () => {
	for (const line of unusual) expect(commonJsonLine(line as never)).toBeUndefined();
});

it('parses lines to the same result through either path, and fails unusual lines with the same errors as before', () => {
	expect(parseJsonLines('Bill (item 1)', [accepted[0], accepted[3]], true)).toEqual([
		{ accountNo: '6000', side: undefined, amount: '125.40', memo: undefined, dimensions: {}, userDefinedDimensions: {}, customFields: {} },
		{ accountNo: '6500', side: undefined, amount: '-3.00', memo: undefined, dimensions: { classId: 'C', customerId: 'CU', vendorId: 'V', employeeId: 'E', itemId: 'I' }, userDefinedDimensions: {}, customFields: {} },
	]);
	expect(() => parseJsonLines('Bill (item 1)', [{ accountNo: '6000', amount: 1, extra: 'x' }], true)).toThrow('Bill (item 1) line 1, field "extra": unknown field');
	expect(() => parseJsonLines('Bill (item 1)', [{ accountNo: '6000', amount: 1, memo: 5 }], true)).toThrow(/line 1, field "memo": Expected string, received number/);
	expect(() => parseJsonLines('Bill (item 1)', [{ amount: 1 }], true)).toThrow('Bill (item 1) line 1, field "accountNo": is required');
});
