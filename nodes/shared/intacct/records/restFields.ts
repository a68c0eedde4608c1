/** The REST field tables' types and building blocks (restObjects.ts, restReceivables.ts). */

export interface RestFieldMapping {
	/** XML field name (GLENTRY's ACCOUNTNO). */
	xml: string;
	/** REST field path (glAccount.id). */
	rest: string;
	/** [REST value, XML text] pairs for enumerations. */
	values?: ReadonlyArray<readonly [string, string]>;
	/** date: YYYY-MM-DD <-> MM/DD/YYYY; dateTime: ISO <-> MM/DD/YYYY HH:MM:SS; amount: a JSON number (creditLimit
	 * 1234.5) read with the two decimals the XML read spells amounts with (1234.50). */
	format?: 'date' | 'dateTime' | 'amount';
	/** Not sent on create (system-assigned or read-only). */
	readOnly?: boolean;
	/** Sent, never read back (an AP payment's paymentDate; ACTION written as state). */
	writeOnly?: boolean;
	/** A REST boolean not named is… (doNotPay): sent as JSON true/false, after `values` (an inverted flag). */
	boolean?: boolean;
}

export interface RestObjectMapping {
	xmlObject: string;
	rest: string;
	/** XML field that is the REST `key` (RECORDNO). */
	keyXml: string;
	/** XML field that is the REST `id` (the business ID: VENDORID), when it differs from the key. */
	idXml?: string;
	fields: RestFieldMapping[];
	/** Lines written and read through the owner (GLBATCH ENTRIES/GLENTRY -> lines). */
	lines?: {
		xmlCollection: string;
		xmlLine: string;
		rest: string;
		/** Written only: the XML read of the owner has no lines. */
		writeOnly?: boolean;
		/** The line's field holding its owner's key (RECORDKEY): how a change to line n finds that line's key. */
		ownerKeyXml?: string;
	};
	/** A REST object named by the user: field names are REST paths, records keep them. */
	passThrough?: boolean;
	/** Values a create sends when the node's body leaves them out (REST defaults differ from XML's). */
	createDefaults?: Record<string, string>;
	/** A line object carrying the company's user-defined dimensions: GLDIM<NAME> <-> dimensions.nsp::<name>.key
	 * (rest/userDimensions.ts). */
	userDimensions?: boolean;
}

/** A field read over REST but never sent (system-assigned or read-only). */
export const ro = (xml: string, rest: string, extra: Partial<RestFieldMapping> = {}): RestFieldMapping => ({ xml, rest, readOnly: true, ...extra });
/** A field read and written over REST. */
export const rw = (xml: string, rest: string, extra: Partial<RestFieldMapping> = {}): RestFieldMapping => ({ xml, rest, ...extra });

/** A REST boolean named without `is` (doNotPay, mergePaymentRequests): read as 'true'/'false', sent as JSON true/false. */
export const flag = (xml: string, rest: string, extra: Partial<RestFieldMapping> = {}): RestFieldMapping => rw(xml, rest, { boolean: true, ...extra });

/** A vendor's or customer's OBJECTRESTRICTION (Unrestricted, RootOnly, Restricted) as REST's vendorRestriction / customerRestriction. */
export const RESTRICTION: RestFieldMapping['values'] = [
	['unrestricted', 'Unrestricted'],
	['rootOnly', 'RootOnly'],
	['restricted', 'Restricted'],
];

/** active/inactive, also from the XML query codes T and F (the reference lists filter STATUS = 'T'). */
export const ACTIVE_STATUS: RestFieldMapping['values'] = [
	['active', 'active'],
	['inactive', 'inactive'],
];

export const AUDIT: RestFieldMapping[] = [
	ro('WHENCREATED', 'audit.createdDateTime', { format: 'dateTime' }),
	ro('WHENMODIFIED', 'audit.modifiedDateTime', { format: 'dateTime' }),
	ro('CREATEDBY', 'audit.createdBy'),
	ro('MODIFIEDBY', 'audit.modifiedBy'),
];

/** AUDIT for records whose WHENCREATED is a business date (the audit stamp is AUDITWHENCREATED). */
export const AUDIT_OF_TRANSACTION: RestFieldMapping[] = [ro('AUDITWHENCREATED', 'audit.createdDateTime', { format: 'dateTime' }), ...AUDIT.slice(1)];

/** The entity a record was created at (Sage's examples: `entity` {key, id, name}, null at the top level). */
export const ENTITY: RestFieldMapping[] = [ro('MEGAENTITYKEY', 'entity.key'), ro('MEGAENTITYID', 'entity.id'), ro('MEGAENTITYNAME', 'entity.name')];

/** A line's dimensions (XML names of AP/AR lines: LOCATIONID, DEPARTMENTID, ...). */
export const LINE_DIMENSIONS: RestFieldMapping[] = [
	rw('LOCATIONID', 'dimensions.location.id'),
	rw('DEPARTMENTID', 'dimensions.department.id'),
	rw('PROJECTID', 'dimensions.project.id'),
	rw('CLASSID', 'dimensions.class.id'),
	rw('CUSTOMERID', 'dimensions.customer.id'),
	rw('VENDORID', 'dimensions.vendor.id'),
	rw('EMPLOYEEID', 'dimensions.employee.id'),
	rw('ITEMID', 'dimensions.item.id'),
];

/** The display contact of a vendor or customer (XML DISPLAYCONTACT, REST contacts.default). */
export const DISPLAY_CONTACT: RestFieldMapping[] = [
	['PRINTAS', 'printAs'],
	['COMPANYNAME', 'companyName'],
	['FIRSTNAME', 'firstName'],
	['LASTNAME', 'lastName'],
	['EMAIL1', 'email1'],
	['PHONE1', 'phone1'],
	['MAILADDRESS.ADDRESS1', 'mailingAddress.addressLine1'],
	['MAILADDRESS.ADDRESS2', 'mailingAddress.addressLine2'],
	['MAILADDRESS.CITY', 'mailingAddress.city'],
	['MAILADDRESS.STATE', 'mailingAddress.state'],
	['MAILADDRESS.ZIP', 'mailingAddress.postCode'],
	['MAILADDRESS.COUNTRY', 'mailingAddress.country'],
].map(([xml, rest]) => rw(`DISPLAYCONTACT.${xml}`, `contacts.default.${rest}`));

/** The account, amount, memo and dimensions of a bill line or an invoice line (APBILLITEM, ARINVOICEITEM). */
export const ACCOUNT_LINE: RestFieldMapping[] = [
	rw('ACCOUNTNO', 'glAccount.id'),
	ro('ACCOUNTTITLE', 'glAccount.name'),
	rw('OFFSETGLACCOUNTNO', 'overrideOffsetGLAccount.id'),
	rw('TRX_AMOUNT', 'txnAmount'),
	ro('AMOUNT', 'baseAmount'),
	rw('ENTRYDESCRIPTION', 'memo'),
	...LINE_DIMENSIONS,
];
