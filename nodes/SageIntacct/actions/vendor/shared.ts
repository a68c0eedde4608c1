import type { IDataObject, INodeProperties } from 'n8n-workflow';
import type { XmlObject } from '../../../shared/intacct/core/types';
import { nameValueCollection } from '../common.descriptions';
import { customHeaderFields } from '../../../shared/intacct/n8n/transactions';
import { optionalField } from '../../../shared/intacct/n8n/parameters';

export function vendorFields(): INodeProperties[] {
	return [
		{ displayName: 'Contact Name', name: 'contactName', type: 'string', default: '', description: 'DISPLAYCONTACT.CONTACTNAME' },
		{ displayName: 'Currency', name: 'currency', type: 'string', default: '', placeholder: 'e.g. USD' },
		nameValueCollection('customFields', 'Custom Fields', 'Custom vendor fields by integration name', 'e.g. PORTAL_ID'),
		{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', description: 'DISPLAYCONTACT.EMAIL1' },
		{ displayName: 'On Hold', name: 'onHold', type: 'boolean', default: false, description: 'Whether payments to the vendor are on hold' },
		{ displayName: 'Parent Vendor ID', name: 'parentId', type: 'string', default: '' },
		{ displayName: 'Payment Term', name: 'paymentTerm', type: 'string', default: '', placeholder: 'e.g. Net 30' },
		{ displayName: 'Phone', name: 'phone', type: 'string', default: '', description: 'DISPLAYCONTACT.PHONE1' },
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: [
				{ name: 'Active', value: 'active' },
				{ name: 'Inactive', value: 'inactive' },
			],
			default: 'active',
		},
		{ displayName: 'Tax ID', name: 'taxId', type: 'string', default: '' },
		{ displayName: 'Vendor Type', name: 'vendorType', type: 'string', default: '' },
	];
}

export interface VendorFieldValues extends IDataObject {
	name?: string;
	contactName?: string;
	currency?: string;
	customFields?: IDataObject;
	email?: string;
	onHold?: boolean;
	parentId?: string;
	paymentTerm?: string;
	phone?: string;
	status?: string;
	taxId?: string;
	vendorType?: string;
}

export function vendorElements(what: string, values: VendorFieldValues): XmlObject {
	const contact: XmlObject = {
		CONTACTNAME: optionalField(what, 'contactName', values.contactName),
		EMAIL1: optionalField(what, 'email', values.email),
		PHONE1: optionalField(what, 'phone', values.phone),
	};
	const hasContact = Object.values(contact).some((v) => v !== undefined);
	return {
		NAME: optionalField(what, 'name', values.name),
		STATUS: optionalField(what, 'status', values.status),
		PARENTID: optionalField(what, 'parentId', values.parentId),
		VENDTYPE: optionalField(what, 'vendorType', values.vendorType),
		TERMNAME: optionalField(what, 'paymentTerm', values.paymentTerm),
		TAXID: optionalField(what, 'taxId', values.taxId),
		CURRENCY: optionalField(what, 'currency', values.currency),
		ONHOLD: values.onHold === undefined ? undefined : String(values.onHold),
		DISPLAYCONTACT: hasContact ? contact : undefined,
		...customHeaderFields(what, values.customFields),
	};
}
