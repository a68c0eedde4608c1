/**
 * The demo company "Hopewell Community Services", a small non-profit with two entities (100 East,
 * 200 West): chart of accounts, journals, dimensions, vendors, funders (customers), employees,
 * grants (projects) and the FUNDINGSOURCE user-defined dimension. Pure data; hopewell.ts loads it.
 */

// [ACCOUNTNO, TITLE, ACCOUNTTYPE, NORMALBALANCE, CATEGORY, requires department?]
export const ACCOUNTS: Array<[string, string, 'balancesheet' | 'incomestatement', 'debit' | 'credit', string, boolean]> = [
	['1000', 'Operating Cash - First Community Bank', 'balancesheet', 'debit', 'Cash and Cash Equivalents', false],
	['1010', 'Payroll Cash', 'balancesheet', 'debit', 'Cash and Cash Equivalents', false],
	['1050', 'Undeposited Funds', 'balancesheet', 'debit', 'Cash and Cash Equivalents', false],
	['1100', 'Accounts Receivable', 'balancesheet', 'debit', 'Accounts Receivable', false],
	['1200', 'Grants Receivable', 'balancesheet', 'debit', 'Accounts Receivable', false],
	['1300', 'Prepaid Expenses', 'balancesheet', 'debit', 'Other Current Assets', false],
	['1500', 'Furniture and Equipment', 'balancesheet', 'debit', 'Fixed Assets', false],
	['1590', 'Accumulated Depreciation', 'balancesheet', 'credit', 'Fixed Assets', false],
	['2000', 'Accounts Payable', 'balancesheet', 'credit', 'Accounts Payable', false],
	['2050', 'Credit Cards Payable', 'balancesheet', 'credit', 'Other Current Liabilities', false],
	['2100', 'Accrued Payroll', 'balancesheet', 'credit', 'Other Current Liabilities', false],
	['2150', 'Payroll Taxes Payable', 'balancesheet', 'credit', 'Other Current Liabilities', false],
	['2400', 'Deferred Grant Revenue', 'balancesheet', 'credit', 'Other Current Liabilities', false],
	['3000', 'Net Assets Without Donor Restrictions', 'balancesheet', 'credit', 'Net Assets', false],
	['3100', 'Net Assets With Donor Restrictions', 'balancesheet', 'credit', 'Net Assets', false],
	['4000', 'Individual Contributions', 'incomestatement', 'credit', 'Contributions', false],
	['4100', 'Foundation Grants', 'incomestatement', 'credit', 'Grants', false],
	['4150', 'Government Grants', 'incomestatement', 'credit', 'Grants', false],
	['4200', 'Program Service Fees', 'incomestatement', 'credit', 'Program Revenue', false],
	['4300', 'Special Events Revenue', 'incomestatement', 'credit', 'Contributions', false],
	['4900', 'Interest Income', 'incomestatement', 'credit', 'Other Income', false],
	['5000', 'Salaries and Wages', 'incomestatement', 'debit', 'Personnel', true],
	['5100', 'Employee Benefits', 'incomestatement', 'debit', 'Personnel', true],
	['5200', 'Payroll Taxes', 'incomestatement', 'debit', 'Personnel', true],
	['6000', 'Program Supplies', 'incomestatement', 'debit', 'Program Expenses', false],
	['6050', 'Food and Nutrition Supplies', 'incomestatement', 'debit', 'Program Expenses', false],
	['6100', 'Rent and Occupancy', 'incomestatement', 'debit', 'Occupancy', false],
	['6150', 'Utilities', 'incomestatement', 'debit', 'Occupancy', false],
	['6200', 'Client Transportation', 'incomestatement', 'debit', 'Program Expenses', false],
	['6300', 'Professional Fees', 'incomestatement', 'debit', 'Administrative', false],
	['6400', 'Insurance', 'incomestatement', 'debit', 'Administrative', false],
	['6500', 'Technology and Software', 'incomestatement', 'debit', 'Administrative', false],
	['6600', 'Training and Conferences', 'incomestatement', 'debit', 'Administrative', false],
	['6700', 'Printing and Outreach', 'incomestatement', 'debit', 'Fundraising', false],
	['7000', 'Depreciation Expense', 'incomestatement', 'debit', 'Administrative', false],
	['7100', 'Bank Fees', 'incomestatement', 'debit', 'Administrative', false],
];

export const JOURNALS: Array<[string, string]> = [
	['GJ', 'General Journal'],
	['APJ', 'Accounts Payable Journal'],
	['ARJ', 'Accounts Receivable Journal'],
	['PYRJ', 'Payroll Journal'],
	['ADJ', 'Adjustments Journal'],
	['CCJ', 'Charge Card Journal'],
];

// [LOCATIONID, NAME, PARENTID]; 100 and 200 are the entities.
export const ENTITIES: Array<[string, string]> = [
	['100', 'Hopewell East'],
	['200', 'Hopewell West'],
];
export const LOCATIONS: Array<[string, string, string]> = [
	['100', 'Hopewell East', ''],
	['110', 'East Downtown Center', '100'],
	['120', 'East Youth Center', '100'],
	['200', 'Hopewell West', ''],
	['210', 'West Family Center', '200'],
	['220', 'West Food Pantry', '200'],
];

export const DEPARTMENTS: Array<[string, string]> = [
	['ADMIN', 'Administration'],
	['PROG', 'Programs'],
	['YOUTH', 'Youth Services'],
	['FOOD', 'Food Security'],
	['DEV', 'Development and Fundraising'],
	['FIN', 'Finance'],
];

export const CLASSES: Array<[string, string]> = [
	['PRG', 'Program Services'],
	['MGA', 'Management and General'],
	['FR', 'Fundraising'],
];

// [CUSTOMERID, NAME, CUSTTYPE]: the funders.
export const CUSTOMERS: Array<[string, string, string]> = [
	['C-1001', 'Riverbend Community Foundation', 'Foundation'],
	['C-1002', 'State Department of Human Services', 'Government'],
	['C-1003', 'County Youth Opportunity Fund', 'Government'],
	['C-1004', 'Harvest Table Foundation', 'Foundation'],
	['C-1005', 'United Way of the Valley', 'Federated'],
	['C-1006', 'Individual Donors', 'Individual'],
];

// [PROJECTID, NAME, CUSTOMERID, DEPARTMENTID, LOCATIONID, BEGINDATE, ENDDATE, BUDGET]: grants.
export const PROJECTS: Array<[string, string, string, string, string, string, string, string]> = [
	['GR-2025-001', 'After-School Mentoring 2025', 'C-1003', 'YOUTH', '120', '2025-01-01', '2025-12-31', '180000.00'],
	['GR-2025-002', 'Emergency Food Access 2025', 'C-1004', 'FOOD', '220', '2025-01-01', '2025-12-31', '240000.00'],
	['GR-2025-003', 'Family Stability Services', 'C-1002', 'PROG', '210', '2025-03-01', '2026-02-28', '320000.00'],
	['GR-2025-004', 'Community Capacity Building', 'C-1001', 'ADMIN', '110', '2025-07-01', '2026-06-30', '75000.00'],
	['GR-2026-001', 'After-School Mentoring 2026', 'C-1003', 'YOUTH', '120', '2026-01-01', '2026-12-31', '195000.00'],
	['GR-2026-002', 'Emergency Food Access 2026', 'C-1004', 'FOOD', '220', '2026-01-01', '2026-12-31', '260000.00'],
	['GR-2026-003', 'Youth Workforce Pathways', 'C-1005', 'YOUTH', '110', '2026-04-01', '2027-03-31', '150000.00'],
];

// FUNDINGSOURCE records get ids 10001.. in this order.
export const FUNDING_SOURCES: Array<[string, string]> = [
	['Unrestricted', 'General operating support'],
	['Federal Pass-Through', 'Federal funds passed through the state'],
	['State', 'State appropriations and contracts'],
	['County', 'County grants'],
	['Private Foundation', 'Private foundation grants'],
	['Corporate', 'Corporate sponsorships'],
];

export const TERMS: Array<[string, string, number]> = [
	['Net 15', 'Due in 15 days', 15],
	['Net 30', 'Due in 30 days', 30],
	['Net 45', 'Due in 45 days', 45],
	['Due on Receipt', 'Due on receipt', 0],
];

// [VENDORID, NAME, TERMNAME, VENDTYPE, default expense account, email, entity ('' = shared)]
export const VENDORS: Array<[string, string, string, string, string, string, string]> = [
	['V-100', 'Greenleaf Property Management', 'Net 30', 'Landlord', '6100', 'billing@greenleafpm.example', ''],
	['V-101', 'Valley Power & Light', 'Net 15', 'Utility', '6150', 'accounts@vpl.example', ''],
	['V-102', 'City Water Authority', 'Net 30', 'Utility', '6150', 'billing@citywater.example', ''],
	['V-103', 'Northstar Food Bank Supply', 'Net 30', 'Supplier', '6050', 'orders@northstarfood.example', ''],
	['V-104', 'Brightpath Office Supply', 'Net 30', 'Supplier', '6000', 'ar@brightpath.example', ''],
	['V-105', 'Summit CPA Group', 'Net 45', 'Professional Services', '6300', 'invoices@summitcpa.example', ''],
	['V-106', 'Keystone Insurance Agency', 'Net 30', 'Insurance', '6400', 'service@keystoneins.example', ''],
	['V-107', 'CloudDesk Software', 'Due on Receipt', 'Technology', '6500', 'billing@clouddesk.example', ''],
	['V-108', 'Metro Transit Services', 'Net 30', 'Transportation', '6200', 'ar@metrotransit.example', ''],
	['V-109', 'Print Haus Studio', 'Net 15', 'Printing', '6700', 'hello@printhaus.example', ''],
	['V-110', 'Nonprofit Learning Network', 'Net 30', 'Training', '6600', 'events@nln.example', ''],
	['V-111', 'Eastside Hardware', 'Net 30', 'Supplier', '6000', 'counter@eastsidehw.example', '100'],
	['V-112', 'West Valley Produce Co-op', 'Net 15', 'Supplier', '6050', 'coop@wvproduce.example', '200'],
	['V-113', 'TechBridge IT Services', 'Net 30', 'Technology', '6500', 'support@techbridge.example', ''],
	['V-114', 'Riverside Catering', 'Net 15', 'Events', '6700', 'events@riversidecatering.example', ''],
];

// [EMPLOYEEID, first, last, title, DEPARTMENTID, LOCATIONID]
export const EMPLOYEES: Array<[string, string, string, string, string, string]> = [
	['E-001', 'Maya', 'Robinson', 'Executive Director', 'ADMIN', '110'],
	['E-002', 'Daniel', 'Okafor', 'Finance Manager', 'FIN', '110'],
	['E-003', 'Priya', 'Shah', 'Youth Program Coordinator', 'YOUTH', '120'],
	['E-004', 'Luis', 'Hernandez', 'Food Pantry Manager', 'FOOD', '220'],
	['E-005', 'Grace', 'Kim', 'Case Manager', 'PROG', '210'],
	['E-006', 'Samuel', 'Brooks', 'Development Director', 'DEV', '110'],
	['E-007', 'Aisha', 'Mensah', 'Family Services Coordinator', 'PROG', '210'],
	['E-008', 'Tom', 'Whitaker', 'Youth Mentor', 'YOUTH', '120'],
];

export const ITEMS: Array<[string, string]> = [
	['SVC-MENTOR', 'Mentoring session'],
	['SVC-CASE', 'Case management hour'],
	['FOOD-BOX', 'Emergency food box'],
];

export const SUPDOC_FOLDERS: Array<[string, string]> = [
	['Bills', 'Vendor invoices'],
	['Journal Entries', 'Journal entry support'],
];

// [BANKACCOUNTID, BANKNAME, GLACCOUNTNO, description]
export const CHECKING_ACCOUNTS: Array<[string, string, string, string]> = [
	['BOA-OP', 'First Community Bank', '1000', 'Operating account'],
	['FCB-PAY', 'First Community Bank', '1010', 'Payroll account'],
];

// [CARDID, CARDTYPE, liability GLACCOUNTNO, description]: charge card accounts (CREDITCARD)
export const CREDIT_CARDS: Array<[string, string, string, string]> = [
	['VISA-1234', 'Visa', '2050', 'Program staff Visa'],
	['AMEX-1001', 'American Express', '2050', 'Executive Amex'],
];

// [DETAILID, TAXTYPE, DESCRIPTION, rate %, GL account]
export const TAX_DETAILS: Array<[string, string, string, string, string]> = [
	['CA Use Tax', 'Purchase', 'California use tax on purchases', '7.25', '6500'],
	['Exempt Purchases', 'Purchase', 'Tax-exempt purchases (501(c)(3))', '0', '6500'],
	['CA Sales Tax', 'Sale', 'California sales tax on program fees', '7.25', '2100'],
];
