import { ACTIVE_STATUS, auditFields, documentedFields, enumValues, field, recordNoField, type ObjectDef } from '../schema';

/**
 * Item (inventory-control-items.md: the item types in the page's introduction, "Create an Item"
 * (ITEMID, NAME and ITEMTYPE required) and the codes readByQuery filters ITEMTYPE on, "Item-specific
 * query fields and values": I, NI, NP, NS, K, SK). The nested lists (TAXGROUP, ITEMTAXGRPITEMMAPS,
 * LANDEDCOSTINFO, WAREHOUSEINFO, VENDORINFO) are accepted on write and not stored.
 */
export const ITEM: ObjectDef = {
	name: 'ITEM',
	label: 'Item',
	idField: 'ITEMID',
	relationships: [],
	writeOnly: ['TAXGROUP', 'ITEMTAXGRPITEMMAPS', 'LANDEDCOSTINFO', 'WAREHOUSEINFO', 'VENDORINFO'],
	fields: [
		recordNoField(),
		field('ITEMID', 'Item ID', 'TEXT', { required: true }),
		field('NAME', 'Item name', 'TEXT', { required: true }),
		field('ITEMTYPE', 'Item type', 'ENUM', {
			required: true,
			validValues: enumValues([
				['Inventory', 'I'],
				['Non-Inventory', 'NI'],
				['Non-Inventory (Purchase only)', 'NP'],
				['Non-Inventory (Sales only)', 'NS'],
				['Kit', 'K'],
				['Stockable Kit', 'SK'],
			]),
		}),
		field('STATUS', 'Status', 'ENUM', { validValues: ACTIVE_STATUS }),
		field('COST_METHOD', 'Cost method', 'ENUM', { validValues: enumValues(['Standard', 'Average', 'FIFO', 'LIFO'].map((v): [string, string] => [v, v])) }),
		...documentedFields(`
			ENABLEFULFILLMENT:b CONTRACTENABLED:b PRODUCTLINEID EXTENDED_DESCRIPTION PODESCRIPTION SODESCRIPTION
			UOMGRP NOTE GLGROUP DEFAULT_CONVERSIONTYPE STANDARD_COST:c BASEPRICE:c TAXABLE:b ALLOWMULTIPLETAXGRPS:b
			DEFAULTREVRECTEMPLKEY INCOMEACCTKEY INVACCTKEY EXPENSEACCTKEY COGSACCTKEY OFFSETOEGLACCOUNTKEY OFFSETPOGLACCOUNTKEY
			DEFERREDREVACCTKEY VSOECATEGORY VSOEDLVRSTATUS VSOEREVDEFSTATUS REVPOSTING REVPRINTING SUBSTITUTEID ENABLE_SERIALNO:b
			SERIAL_MASKKEY ENABLE_LOT_CATEGORY:b LOT_CATEGORYKEY ENABLE_BINS:b ENABLE_EXPIRATION:b UPC INV_PRECISION:i
			SO_PRECISION:i PO_PRECISION:i ENABLELANDEDCOST:b HASSTARTENDDATES:b TERMPERIOD TOTALPERIODS:i COMPUTEFORSHORTTERM:b
			RENEWALMACROID ENABLE_REPLENISHMENT:b DEFAULT_REPLENISHMENT_UOM REPLENISHMENT_METHOD SAFETY_STOCK:i MAX_ORDER_QTY:i
			REORDER_POINT:i REORDER_QTY:i FORECAST_DEMAND_IN_LEAD_TIME:i AUTOPRINTLABEL:b DUROMETER SAFETYITEM:b RESTRICTEDITEM:b
			COMPLIANTITEM:b CONDITION ENGINEERINGALERT ENGINEERINGAPPROVAL:b QUALITYCONTROLAPPROVAL:b SALESAPPROVAL:b
			PRIMARYCOUNTRYOFORIGIN BRAND SUBBRAND CATEGORY SUBCATEGORY CATALOGREF COLOR STYLE GIFTCARD:b WEBENABLED:b WEBNAME
			WEBSHORTDESC WEBLONGDESC`),
		...auditFields(),
	],
};
