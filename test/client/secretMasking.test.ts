/**
 * Secret masking (transport/secretMasking.ts), issue 12 items 8 and 12: a short password is masked
 * where it stands alone without garbling every other word, and blanking <password>/<sessionid>
 * stays one pass however the text is shaped.
 */
import { MASK, maskSecrets } from '../../nodes/SageIntacct/transport/secretMasking';

describe('maskSecrets', () => {
	it('masks a one-character password where it stands alone, and leaves the words around it readable', () => {
		const message = 'Invalid Web Services Authorization for user a (password a) at Intacct';
		expect(maskSecrets(message, ['a'])).toBe(`Invalid Web Services Authorization for user ${MASK} (password ${MASK}) at Intacct`);
		expect(maskSecrets('pw=x1;', ['x1'])).toBe(`pw=${MASK};`);
		expect(maskSecrets('the value x1y stays', ['x1'])).toBe('the value x1y stays');
	});

	it('masks a longer secret wherever it appears, inside words too', () => {
		expect(maskSecrets('prefixS3cretPWsuffix', ['S3cretPW'])).toBe(`prefix${MASK}suffix`);
	});

	it('blanks <password> and <sessionid> contents in any case, unclosed elements left alone', () => {
		expect(maskSecrets('<PassWord>x</PASSWORD><sessionid>s</sessionid><password>open', [])).toBe(`<PassWord>${MASK}</PASSWORD><sessionid>${MASK}</sessionid><password>open`);
	});

	it('stays linear on hostile text: many opening tags and no closing one', () => {
		// the earlier lazy pattern rescanned to the end from every tag: ~10^11 steps here, the test
		// never finished; one indexOf scan per tag name finishes at once
		const hostile = '<password>'.repeat(200_000);
		expect(maskSecrets(hostile, ['a'])).toBe(hostile);
	});
});
