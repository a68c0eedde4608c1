/** Building blocks of the REST field tables (restObjects.ts, restReceivables.ts). */
import type { RestFieldMapping } from './restObjects';

/** A field read over REST but never sent (system-assigned or read-only). */
export const ro = (xml: string, rest: string, extra: Partial<RestFieldMapping> = {}): RestFieldMapping => ({ xml, rest, readOnly: true, ...extra });
/** A field read and written over REST. */
export const rw = (xml: string, rest: string, extra: Partial<RestFieldMapping> = {}): RestFieldMapping => ({ xml, rest, ...extra });

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

export const ENTITY: RestFieldMapping[] = [ro('MEGAENTITYID', 'entity.id'), ro('MEGAENTITYNAME', 'entity.name')];

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
