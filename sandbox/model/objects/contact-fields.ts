import { field, type FieldDef } from '../schema';

export interface ContactFieldOptions {
	/** Fields (without the prefix) that are required; default CONTACTNAME and PRINTAS for CONTACT itself. */
	required?: readonly string[];
	/** Fields (without the prefix) a write may set; the others are read-only (the contact's own values). Default: all. */
	writable?: readonly string[];
}

/**
 * Contact fields under a prefix: DISPLAYCONTACT.* on VENDOR/CUSTOMER, PERSONALINFO.* on EMPLOYEE, plain
 * on CONTACT. The list is DISPLAYCONTACT's table in Sage's Vendors page (Create Vendor), which
 * is also what Sage's SDK VendorCreate writes, and the Customers page's DISPLAYCONTACT table (Create
 * Customer) is the same. PRINTAS is required there: CUSTOMER says so through `required`; VENDOR
 * enforces it on create (writes/vendor.ts). EMPLOYEE's PERSONALINFO names an existing contact: only
 * CONTACTNAME is writable (employee-expenses-employees.md, Create Employee).
 * Sources and inventions: docs/fidelity-ap.md.
 */
export function contactFields(prefix: string, options: ContactFieldOptions = {}): FieldDef[] {
	const p = prefix ? `${prefix}.` : '';
	const required = options.required ?? (prefix === '' ? ['CONTACTNAME', 'PRINTAS'] : []);
	return contactFieldList(p).map((f) => {
		const name = f.id.slice(p.length);
		const readonly = options.writable !== undefined && !options.writable.includes(name);
		return { ...f, required: required.includes(name), readonly };
	});
}

function contactFieldList(p: string): FieldDef[] {
	return [
		field(`${p}CONTACTNAME`, 'Contact name', 'TEXT'),
		field(`${p}PRINTAS`, 'Print as', 'TEXT'),
		field(`${p}COMPANYNAME`, 'Company name', 'TEXT'),
		field(`${p}TAXABLE`, 'Taxable', 'BOOLEAN'),
		field(`${p}TAXGROUP`, 'Contact tax group', 'TEXT'),
		field(`${p}PREFIX`, 'Prefix', 'TEXT'),
		field(`${p}FIRSTNAME`, 'First name', 'TEXT'),
		field(`${p}LASTNAME`, 'Last name', 'TEXT'),
		field(`${p}INITIAL`, 'Middle name', 'TEXT'),
		field(`${p}PHONE1`, 'Primary phone', 'TEXT'),
		field(`${p}PHONE2`, 'Secondary phone', 'TEXT'),
		field(`${p}CELLPHONE`, 'Cellular phone', 'TEXT'),
		field(`${p}PAGER`, 'Pager', 'TEXT'),
		field(`${p}FAX`, 'Fax', 'TEXT'),
		field(`${p}EMAIL1`, 'Primary email address', 'TEXT'),
		field(`${p}EMAIL2`, 'Secondary email address', 'TEXT'),
		field(`${p}URL1`, 'Primary URL', 'TEXT'),
		field(`${p}URL2`, 'Secondary URL', 'TEXT'),
		field(`${p}MAILADDRESS.ADDRESS1`, 'Address line 1', 'TEXT'),
		field(`${p}MAILADDRESS.ADDRESS2`, 'Address line 2', 'TEXT'),
		field(`${p}MAILADDRESS.ADDRESS3`, 'Address line 3', 'TEXT'),
		field(`${p}MAILADDRESS.CITY`, 'City', 'TEXT'),
		field(`${p}MAILADDRESS.STATE`, 'State/province', 'TEXT'),
		field(`${p}MAILADDRESS.ZIP`, 'ZIP/postal code', 'TEXT'),
		field(`${p}MAILADDRESS.COUNTRY`, 'Country', 'TEXT'),
		field(`${p}MAILADDRESS.ISOCOUNTRYCODE`, 'ISO country code', 'TEXT'),
	];
}
