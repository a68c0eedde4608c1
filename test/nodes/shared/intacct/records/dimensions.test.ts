/** records/dimensions.ts: the one namer of user-defined dimensions, both ways. */
import { isUserDimensionField, userDimensionField, userDimensionObject } from '../../../../../nodes/shared/intacct/records/dimensions';

it('names the GLENTRY field of a user-defined dimension from its object or its field name', () => {
	expect(userDimensionField('fundingsource')).toBe('GLDIMFUNDINGSOURCE');
	expect(userDimensionField(' GLDIMFUNDINGSOURCE ')).toBe('GLDIMFUNDINGSOURCE');
	expect(userDimensionField('  ')).toBeUndefined();
});

it('reads the object back from either form, and the two are inverse', () => {
	expect(userDimensionObject('GLDIMFundingSource')).toBe('FUNDINGSOURCE');
	expect(userDimensionObject('donor')).toBe('DONOR');
	expect(userDimensionObject('')).toBe('');
	expect(userDimensionField(userDimensionObject('GLDIMDONOR'))).toBe('GLDIMDONOR');
});

it('tells a GLDIM field from a bare prefix', () => {
	expect(isUserDimensionField('GLDIMDONOR')).toBe(true);
	expect(isUserDimensionField('GLDIM')).toBe(false);
	expect(isUserDimensionField('DEPARTMENT')).toBe(false);
});
