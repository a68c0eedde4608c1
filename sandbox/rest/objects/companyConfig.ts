/** Company configuration objects and the dimension objects the node's lookups use
 * (docs: intacct-docs/rest/company-configuration.md; project, customer, item from their applications). */
import { STATUS, auditFields, contactFields, entityFields, f, type RestObjectDef } from './restObjectDef';

export const DEPARTMENT: RestObjectDef = {
	name: 'company-config/department',
	xmlObject: 'DEPARTMENT',
	idXml: 'DEPARTMENTID',
	nameXml: 'TITLE',
	idWritable: true,
	fields: [
		f.str('name', 'TITLE', { required: true }),
		f.ref('parent', 'company-config/department', 'PARENTID'),
		f.ref('supervisor', 'company-config/employee', 'SUPERVISORID'),
		f.enum('status', 'STATUS', STATUS),
		...auditFields(),
	],
};

export const LOCATION: RestObjectDef = {
	name: 'company-config/location',
	xmlObject: 'LOCATION',
	idXml: 'LOCATIONID',
	nameXml: 'NAME',
	idWritable: true,
	fields: [f.str('name', 'NAME', { required: true }), f.ref('parent', 'company-config/location', 'PARENTID'), f.enum('status', 'STATUS', STATUS), f.str('currency', 'CURRENCY'), ...auditFields(), ...entityFields()],
};

export const ENTITY: RestObjectDef = {
	name: 'company-config/entity',
	xmlObject: 'LOCATIONENTITY',
	idXml: 'LOCATIONID',
	nameXml: 'NAME',
	idWritable: true,
	fields: [f.str('name', 'NAME', { required: true }), f.enum('status', 'STATUS', STATUS), f.str('currency', 'CURRENCY'), ...auditFields()],
};

export const CLASS: RestObjectDef = {
	name: 'company-config/class',
	xmlObject: 'CLASS',
	idXml: 'CLASSID',
	nameXml: 'NAME',
	idWritable: true,
	fields: [
		f.str('name', 'NAME', { required: true }),
		f.str('description', 'DESCRIPTION'),
		f.ref('parent', 'company-config/class', 'PARENTID'),
		f.enum('status', 'STATUS', STATUS),
		...auditFields(),
		...entityFields(),
	],
};

export const PROJECT: RestObjectDef = {
	name: 'projects/project',
	xmlObject: 'PROJECT',
	idXml: 'PROJECTID',
	nameXml: 'NAME',
	idWritable: true,
	fields: [
		f.str('name', 'NAME', { required: true }),
		f.str('description', 'DESCRIPTION'),
		f.str('category', 'PROJECTCATEGORY'),
		f.ref('projectStatus', 'projects/project-status', 'PROJECTSTATUS'),
		f.ref('customer', 'accounts-receivable/customer', 'CUSTOMERID', 'CUSTOMERNAME'),
		f.ref('parent', 'projects/project', 'PARENTID'),
		f.ref('department', 'company-config/department', 'DEPARTMENTID'),
		f.ref('location', 'company-config/location', 'LOCATIONID'),
		f.date('startDate', 'BEGINDATE'),
		f.date('endDate', 'ENDDATE'),
		f.dec('budgetAmount', 'BUDGETAMOUNT'),
		f.enum('status', 'STATUS', STATUS),
		...auditFields(),
		...entityFields(),
	],
};

export const EMPLOYEE: RestObjectDef = {
	name: 'company-config/employee',
	xmlObject: 'EMPLOYEE',
	idXml: 'EMPLOYEEID',
	nameXml: 'PERSONALINFO.CONTACTNAME',
	idWritable: true,
	fields: [
		f.str('jobTitle', 'TITLE'),
		f.ref('department', 'company-config/department', 'DEPARTMENTID'),
		f.ref('location', 'company-config/location', 'LOCATIONID'),
		f.date('startDate', 'STARTDATE'),
		f.enum('status', 'STATUS', STATUS),
		f.str('name', 'PERSONALINFO.CONTACTNAME', { readOnly: true }),
		...contactFields('primaryContact', 'PERSONALINFO'),
		...auditFields(),
		...entityFields(),
	],
};

export const ITEM: RestObjectDef = {
	name: 'inventory-control/item',
	xmlObject: 'ITEM',
	idXml: 'ITEMID',
	nameXml: 'NAME',
	idWritable: true,
	fields: [f.str('name', 'NAME', { required: true }), f.str('itemType', 'ITEMTYPE'), f.enum('status', 'STATUS', STATUS), ...auditFields()],
};

export const FOLDER: RestObjectDef = {
	name: 'company-config/folder',
	xmlObject: 'SUPDOCFOLDER',
	idXml: 'NAME',
	idWritable: true,
	fields: [f.ref('parent', 'company-config/folder', 'PARENTFOLDERNAME'), f.str('description', 'DESCRIPTION'), ...auditFields()],
};

export const ATTACHMENT: RestObjectDef = {
	name: 'company-config/attachment',
	xmlObject: 'SUPDOC',
	idXml: 'SUPDOCID',
	nameXml: 'SUPDOCNAME',
	idWritable: true,
	files: true,
	fields: [f.str('name', 'SUPDOCNAME', { required: true }), f.ref('folder', 'company-config/folder', 'FOLDERNAME'), f.str('description', 'DESCRIPTION'), ...auditFields()],
};
