import { field, type FieldDef } from '../schema';

/** Contact fields under a prefix: DISPLAYCONTACT.* on VENDOR/CUSTOMER, PERSONALINFO.* on EMPLOYEE, plain on CONTACT. */
export function contactFields(prefix: string): FieldDef[] {
	const p = prefix ? `${prefix}.` : '';
	return [
		field(`${p}CONTACTNAME`, 'Contact name', 'TEXT', { required: prefix === '' }),
		field(`${p}PRINTAS`, 'Print as', 'TEXT'),
		field(`${p}COMPANYNAME`, 'Company name', 'TEXT'),
		field(`${p}FIRSTNAME`, 'First name', 'TEXT'),
		field(`${p}LASTNAME`, 'Last name', 'TEXT'),
		field(`${p}EMAIL1`, 'Primary email address', 'TEXT'),
		field(`${p}PHONE1`, 'Primary phone', 'TEXT'),
		field(`${p}MAILADDRESS.ADDRESS1`, 'Address line 1', 'TEXT'),
		field(`${p}MAILADDRESS.ADDRESS2`, 'Address line 2', 'TEXT'),
		field(`${p}MAILADDRESS.CITY`, 'City', 'TEXT'),
		field(`${p}MAILADDRESS.STATE`, 'State/province', 'TEXT'),
		field(`${p}MAILADDRESS.ZIP`, 'ZIP/postal code', 'TEXT'),
		field(`${p}MAILADDRESS.COUNTRY`, 'Country', 'TEXT'),
	];
}
