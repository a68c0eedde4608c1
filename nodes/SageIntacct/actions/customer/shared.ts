/**
 * The CUSTOMER element (Sage's Customers page, Create Customer / Update Customer). On create
 * DISPLAYCONTACT/PRINTAS is always written: the page marks DISPLAYCONTACT and its PRINTAS required; the
 * node prints the customer name when none is given (as for vendors).
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';
import type { XmlObject } from '../../../shared/intacct/core/types';
import { optionalField } from '../../../shared/intacct/n8n/parameters';
import { customHeaderFields } from '../../../shared/intacct/n8n/transactions';
import { nameValueCollection } from '../common.descriptions';

export function customerFields(): INodeProperties[] {
	return [
		{ displayName: 'Contact Name', name: 'contactName', type: 'string', default: '', description: 'DISPLAYCONTACT.CONTACTNAME' },
		nameValueCollection('customFields', 'Custom Fields', 'Custom customer fields by integration name', 'e.g. CRM_ID'),
		{ displayName: 'Customer Type', name: 'customerType', type: 'string', default: '', description: 'CUSTTYPE' },
		{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', description: 'DISPLAYCONTACT.EMAIL1' },
		{ displayName: 'Parent Customer ID', name: 'parentId', type: 'string', default: '' },
		{ displayName: 'Payment Term', name: 'paymentTerm', type: 'string', default: '', placeholder: 'e.g. Net 30', description: 'TERMNAME (an AR term)' },
		{ displayName: 'Phone', name: 'phone', type: 'string', default: '', description: 'DISPLAYCONTACT.PHONE1' },
		{
			displayName: 'Print As',
			name: 'printAs',
			type: 'string',
			default: '',
			description: 'DISPLAYCONTACT.PRINTAS: the name printed on invoices and statements. Empty on create: the customer name.',
		},
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
	];
}

export interface CustomerFieldValues extends IDataObject {
	name?: string;
	contactName?: string;
	customFields?: IDataObject;
	customerType?: string;
	email?: string;
	parentId?: string;
	paymentTerm?: string;
	phone?: string;
	printAs?: string;
	status?: string;
}

export function customerElements(what: string, values: CustomerFieldValues, mode: 'create' | 'update'): XmlObject {
	const printAs = optionalField(what, 'printAs', values.printAs);
	const contact: XmlObject = {
		PRINTAS: mode === 'create' ? (printAs ?? optionalField(what, 'name', values.name)) : printAs,
		CONTACTNAME: optionalField(what, 'contactName', values.contactName),
		EMAIL1: optionalField(what, 'email', values.email),
		PHONE1: optionalField(what, 'phone', values.phone),
	};
	const hasContact = Object.values(contact).some((v) => v !== undefined);
	return {
		NAME: optionalField(what, 'name', values.name),
		STATUS: optionalField(what, 'status', values.status),
		PARENTID: optionalField(what, 'parentId', values.parentId),
		CUSTTYPE: optionalField(what, 'customerType', values.customerType),
		TERMNAME: optionalField(what, 'paymentTerm', values.paymentTerm),
		DISPLAYCONTACT: hasContact ? contact : undefined,
		...customHeaderFields(what, values.customFields),
	};
}
