#!/usr/bin/env node
// Writes examples/*.json (importable n8n workflows) from the definitions below, so Code-node
// JavaScript stays readable here. Run: node e2e/build-examples.js. The JSON files are what users
// import; e2e/run.sh imports and runs them against the sandbox.
'use strict';
const fs = require('fs');
const path = require('path');

const PKG = 'n8n-nodes-sage-intacct';
const CREDENTIAL = { sageIntacctApi: { id: 'sageIntacctSandbox01', name: 'Sage Intacct sandbox' } };
/** The GL Entry trigger's access key lives in a credential (never in the workflow JSON). */
const TRIGGER_CREDENTIAL = { sageIntacctTriggerApi: { id: 'sageIntacctTrigger01', name: 'Sage Intacct trigger access key' } };
// EXAMPLES_OUT: write elsewhere (test/examples/generated.test.ts compares the result with examples/).
const OUT = process.env.EXAMPLES_OUT || path.join(__dirname, '..', 'examples');

let nodeCounter = 0;
function node(name, type, typeVersion, parameters, position, extra = {}) {
	nodeCounter += 1;
	return { parameters, id: `00000000-0000-4000-8000-${String(nodeCounter).padStart(12, '0')}`, name, type, typeVersion, position, ...extra };
}
function connect(...chain) {
	// chain of node names (or [name, outputIndex]) connected main -> main
	const connections = {};
	for (let i = 0; i < chain.length - 1; i++) {
		const [from, output] = Array.isArray(chain[i]) ? chain[i] : [chain[i], 0];
		// a target written [name, outputIndex, inputIndex] enters that input (Merge input 2 = 1)
		const [to, , input] = Array.isArray(chain[i + 1]) ? chain[i + 1] : [chain[i + 1], 0, 0];
		connections[from] ??= { main: [] };
		while (connections[from].main.length <= output) connections[from].main.push([]);
		connections[from].main[output].push({ node: to, type: 'main', index: input ?? 0 });
	}
	return connections;
}
function merge(...maps) {
	const out = {};
	for (const m of maps) {
		for (const [from, value] of Object.entries(m)) {
			out[from] ??= { main: [] };
			value.main.forEach((targets, i) => {
				while (out[from].main.length <= i) out[from].main.push([]);
				out[from].main[i].push(...targets);
			});
		}
	}
	return out;
}
function code(js) {
	return js.replace(/^\t{2}/gm, '').trim() + '\n';
}
function sticky(name, content, position, width = 420, height = 300) {
	return node(name, 'n8n-nodes-base.stickyNote', 1, { content, height, width }, position);
}
function workflow(id, name, nodes, connections, tags) {
	return {
		id,
		name,
		active: false,
		nodes,
		connections,
		settings: { executionOrder: 'v1', saveManualExecutions: true, callerPolicy: 'workflowsFromSameOwner' },
		pinData: {},
		meta: { templateCredsSetupCompleted: false },
		tags: [],
		_comment: tags,
	};
}

// ---------------------------------------------------------------------------------------------------
// 1. Expenses to journal entries: one balanced journal entry per day and entity.
nodeCounter = 100;
const expensesNodes = [
	sticky('About this workflow', [
		'## Expenses to journal entries',
		'A batch of approved expense lines (here: a sample in a Code node; in real life a spreadsheet, an expense tool export or a webhook) becomes **one balanced journal entry per day and entity** in Sage Intacct.',
		'',
		'* each expense is a debit line with its department, location, grant (project) and funding source',
		'* one credit line per entry to 2000 Accounts Payable (employee reimbursements)',
		'* the entry is posted in the expense\'s entity (Entity = `{{ $json.entityId }}`)',
		'* the Reference Number `EXP-<date>-<entity>` is also the idempotency key: running the workflow again does not post twice',
	].join('\n'), [-60, -320], 520, 300),
	node('Run manually', 'n8n-nodes-base.manualTrigger', 1, {}, [0, 0]),
	node('Sample expense lines', 'n8n-nodes-base.code', 2, {
		jsCode: code(`
		// Approved expense lines, e.g. exported from an expense tool. Amounts in USD.
		const lines = [
			{ expenseId: 'EXP-7001', date: '2026-11-16', entityId: '100', employeeId: 'E-003', accountNo: '6200', amount: 42.5, memo: 'Bus passes, mentoring field trip', departmentId: 'YOUTH', locationId: '120', projectId: 'GR-2026-001', fundingSource: '10004' },
			{ expenseId: 'EXP-7002', date: '2026-11-16', entityId: '100', employeeId: 'E-008', accountNo: '6000', amount: 118.2, memo: 'Art supplies for after-school club', departmentId: 'YOUTH', locationId: '120', projectId: 'GR-2026-001', fundingSource: '10004' },
			{ expenseId: 'EXP-7003', date: '2026-11-16', entityId: '100', employeeId: 'E-006', accountNo: '6600', amount: 250, memo: 'Grant writing webinar', departmentId: 'DEV', locationId: '110', projectId: '', fundingSource: '10001' },
			{ expenseId: 'EXP-7004', date: '2026-11-17', entityId: '100', employeeId: 'E-003', accountNo: '6200', amount: 36.75, memo: 'Taxi for student pick-up', departmentId: 'YOUTH', locationId: '120', projectId: 'GR-2026-001', fundingSource: '10004' },
			{ expenseId: 'EXP-7005', date: '2026-11-16', entityId: '200', employeeId: 'E-004', accountNo: '6050', amount: 310.4, memo: 'Fresh produce top-up', departmentId: 'FOOD', locationId: '220', projectId: 'GR-2026-002', fundingSource: '10005' },
			{ expenseId: 'EXP-7006', date: '2026-11-16', entityId: '200', employeeId: 'E-004', accountNo: '6200', amount: 64, memo: 'Van fuel, pantry deliveries', departmentId: 'FOOD', locationId: '220', projectId: 'GR-2026-002', fundingSource: '10005' },
			{ expenseId: 'EXP-7007', date: '2026-11-17', entityId: '200', employeeId: 'E-005', accountNo: '6000', amount: 89.99, memo: 'Client welcome kits', departmentId: 'PROG', locationId: '210', projectId: 'GR-2025-003', fundingSource: '10003' },
			{ expenseId: 'EXP-7008', date: '2026-11-17', entityId: '200', employeeId: 'E-007', accountNo: '6200', amount: 27.3, memo: 'Mileage, home visits', departmentId: 'PROG', locationId: '210', projectId: 'GR-2025-003', fundingSource: '10003' },
		];
		return lines.map((line) => ({ json: line }));
		`),
	}, [220, 0]),
	node('One entry per day and entity', 'n8n-nodes-base.code', 2, {
		jsCode: code(`
		// Groups the expense lines by date and entity and adds the balancing credit line.
		const CREDIT_ACCOUNT = '2000'; // Accounts Payable (employee reimbursements)
		const groups = new Map();
		for (const item of $input.all()) {
			const e = item.json;
			const key = e.date + '|' + e.entityId;
			if (!groups.has(key)) groups.set(key, { date: e.date, entityId: e.entityId, expenses: [] });
			groups.get(key).expenses.push(e);
		}
		const cents = (n) => Math.round(Number(n) * 100);
		return [...groups.values()].map((g) => {
			const totalCents = g.expenses.reduce((sum, e) => sum + cents(e.amount), 0);
			const lines = g.expenses.map((e) => ({
				accountNo: e.accountNo,
				debit: cents(e.amount) / 100,
				memo: e.expenseId + ' ' + e.memo,
				departmentId: e.departmentId,
				locationId: e.locationId,
				projectId: e.projectId || undefined,
				employeeId: e.employeeId,
				userDefinedDimensions: e.fundingSource ? { FUNDINGSOURCE: e.fundingSource } : undefined,
			}));
			lines.push({ accountNo: CREDIT_ACCOUNT, credit: totalCents / 100, memo: 'Employee expense reimbursements', locationId: g.entityId });
			return {
				json: {
					referenceNumber: 'EXP-' + g.date + '-' + g.entityId,
					postingDate: g.date,
					entityId: g.entityId,
					description: 'Employee expenses ' + g.date + ' (entity ' + g.entityId + ')',
					expenseCount: g.expenses.length,
					total: totalCents / 100,
					lines,
				},
			};
		});
		`),
	}, [440, 0]),
	node('Post journal entry', `${PKG}.sageIntacct`, 1, {
		resource: 'journalEntry',
		operation: 'create',
		journal: { __rl: true, mode: 'id', value: 'GJ' },
		postingDate: '={{ $json.postingDate }}',
		description: '={{ $json.description }}',
		lineInput: 'json',
		linesJson: '={{ $json.lines }}',
		additionalFields: { referenceNumber: '={{ $json.referenceNumber }}' },
		entityId: { __rl: true, mode: 'id', value: '={{ $json.entityId }}' },
		options: { idempotencyKey: '={{ $json.referenceNumber }}' },
	}, [660, 0], { credentials: CREDENTIAL }),
];
const expenses = workflow('sageExpensesToJe', 'Sage Intacct: expenses to journal entries (per day and entity)', expensesNodes,
	connect('Run manually', 'Sample expense lines', 'One entry per day and entity', 'Post journal entry'));

// ---------------------------------------------------------------------------------------------------
// 2. AP intake: an invoice file -> vendor lookup -> bill with coded lines and the file attached.
nodeCounter = 200;
const samplePdf = [
	'%PDF-1.4',
	'1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
	'2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
	'3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 300 144] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >> endobj',
	'4 0 obj << /Length 95 >> stream',
	'BT /F1 12 Tf 20 100 Td (Northstar Food Bank Supply) Tj 0 -20 Td (Invoice NFB-2026-1187  USD 2,000.00) Tj ET',
	'endstream endobj',
	'5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj',
	'trailer << /Root 1 0 R >>',
	'%%EOF',
].join('\n');
const apNodes = [
	sticky('About this workflow', [
		'## AP intake: invoice file to bill',
		'An invoice arrives as a file (here: a sample PDF built in a Code node; in real life an email attachment, a form upload or an OCR result) and becomes an **AP bill** in Sage Intacct:',
		'',
		'1. look the vendor up by name (Vendor > Get Many)',
		'2. stop with a clear error when the vendor is unknown',
		'3. turn the file into n8n binary data and create the bill with coded lines (account, department, location, grant, funding source), **attaching the PDF** as its supporting document',
		'',
		'The bill number is the vendor\'s invoice number, so a re-run finds the existing bill instead of posting a duplicate.',
	].join('\n'), [-60, -360], 560, 320),
	node('Run manually', 'n8n-nodes-base.manualTrigger', 1, {}, [0, 0]),
	node('Incoming invoice (sample)', 'n8n-nodes-base.code', 2, {
		jsCode: code(`
		// What an OCR step or an intake form would hand over: header, coded lines and the file.
		return [{
			json: {
				vendorName: 'Northstar Food Bank',
				invoiceNumber: 'NFB-2026-1187',
				invoiceDate: '2026-11-18',
				paymentTerm: 'Net 30',
				dueDate: '2026-12-18',
				description: 'Emergency food boxes, November delivery',
				lines: [
					{ accountNo: '6050', amount: 1840, memo: 'Emergency food boxes (200)', departmentId: 'FOOD', locationId: '220', projectId: 'GR-2026-002', userDefinedDimensions: { FUNDINGSOURCE: '10005' } },
					{ accountNo: '6200', amount: 160, memo: 'Delivery to West Food Pantry', departmentId: 'FOOD', locationId: '220', projectId: 'GR-2026-002', userDefinedDimensions: { FUNDINGSOURCE: '10005' } },
				],
				fileName: 'NFB-2026-1187.pdf',
				fileBase64: ${JSON.stringify(Buffer.from(samplePdf).toString('base64'))},
			},
		}];
		`),
	}, [220, 0]),
	node('Find vendor', `${PKG}.sageIntacct`, 1, {
		resource: 'vendor',
		operation: 'getMany',
		limit: 1,
		filters: { name: '={{ $json.vendorName }}' },
	}, [440, 0], { credentials: CREDENTIAL, alwaysOutputData: true }),
	node('Vendor found?', 'n8n-nodes-base.if', 2.2, {
		conditions: {
			options: { caseSensitive: true, leftValue: '', typeValidation: 'loose', version: 2 },
			conditions: [
				{ id: 'c1', leftValue: '={{ $json.vendorId }}', rightValue: '', operator: { type: 'string', operation: 'notEmpty', singleValue: true } },
			],
			combinator: 'and',
		},
		options: {},
	}, [660, 0]),
	node('Unknown vendor', 'n8n-nodes-base.stopAndError', 1, {
		errorMessage: "={{ 'No active vendor matches \"' + $('Incoming invoice (sample)').item.json.vendorName + '\": create the vendor in Intacct (or with Vendor > Create) and run again.' }}",
	}, [880, 160]),
	node('Invoice and vendor', 'n8n-nodes-base.code', 2, {
		mode: 'runOnceForEachItem',
		jsCode: code(`
		// The invoice (from the intake step) with the vendor Intacct knows it under.
		const invoice = $('Incoming invoice (sample)').item.json;
		// pairedItem: later nodes read this item with $('Invoice and vendor').item (n8n 1.x needs it spelled out)
		return { json: { ...invoice, vendorId: $json.vendorId, vendorName: $json.name }, pairedItem: { item: $itemIndex } };
		`),
	}, [880, -120]),
	node('Invoice file', 'n8n-nodes-base.convertToFile', 1.1, {
		operation: 'toBinary',
		sourceProperty: 'fileBase64',
		binaryPropertyName: 'data',
		options: { fileName: '={{ $json.fileName }}', mimeType: 'application/pdf' },
	}, [1100, -240]),
	// Convert to File outputs only the file: put it back together with the invoice fields, so the bill
	// node reads everything from $json (no item lookups across nodes).
	node('Invoice with file', 'n8n-nodes-base.merge', 3, { mode: 'combine', combineBy: 'combineByPosition', options: {} }, [1320, -120]),
	node('Create bill', `${PKG}.sageIntacct`, 1, {
		resource: 'bill',
		operation: 'create',
		vendor: { __rl: true, mode: 'id', value: '={{ $json.vendorId }}' },
		billNumber: '={{ $json.invoiceNumber }}',
		transactionDate: '={{ $json.invoiceDate }}',
		// Intacct wants the due date on every bill that is not a draft; the term does not fill it in.
		dueDate: '={{ $json.dueDate }}',
		lineInput: 'json',
		linesJson: '={{ $json.lines }}',
		additionalFields: {
			paymentTerm: '={{ $json.paymentTerm }}',
			description: '={{ $json.description }}',
		},
		attachFiles: true,
		binaryPropertyNames: 'data',
		attachmentFolder: 'Bills',
		options: { idempotencyKey: "={{ 'bill-' + $json.vendorId + '-' + $json.invoiceNumber }}" },
	}, [1540, -120], { credentials: CREDENTIAL }),
];
const apConnections = merge(
	connect('Run manually', 'Incoming invoice (sample)', 'Find vendor', 'Vendor found?'),
	connect(['Vendor found?', 0], 'Invoice and vendor', 'Invoice file', ['Invoice with file', 0, 0]),
	connect('Invoice and vendor', ['Invoice with file', 0, 1]),
	connect('Invoice with file', 'Create bill'),
	connect(['Vendor found?', 1], 'Unknown vendor'),
);
const apIntake = workflow('sageApIntake', 'Sage Intacct: AP intake (invoice file to bill with attachment)', apNodes, apConnections);

// ---------------------------------------------------------------------------------------------------
// 3. Nightly GL export: GL entries modified since yesterday -> CSV.
nodeCounter = 300;
const exportNodes = [
	sticky('About this workflow', [
		'## Nightly GL export',
		'Every night at 02:00 (Schedule Trigger, active once you publish the workflow) or on demand (Run manually): all **GL entries created or changed since the start of yesterday** become a CSV file, ready for a data warehouse, a shared drive or an email step you add after "CSV file".',
		'',
		'Paging is automatic (Return All), so the export is complete however many lines changed.',
	].join('\n'), [-60, -420], 520, 280),
	node('Every night at 02:00', 'n8n-nodes-base.scheduleTrigger', 1.2, { rule: { interval: [{ triggerAtHour: 2 }] } }, [0, -100]),
	node('Run manually', 'n8n-nodes-base.manualTrigger', 1, {}, [0, 100]),
	node('Export window', 'n8n-nodes-base.set', 3.4, {
		assignments: {
			assignments: [
				{ id: 'a1', name: 'modifiedSince', value: "={{ $now.minus({ days: 1 }).startOf('day').toISO() }}", type: 'string' },
				{ id: 'a2', name: 'fileName', value: "={{ 'gl-entries-since-' + $now.minus({ days: 1 }).toFormat('yyyy-MM-dd') + '.csv' }}", type: 'string' },
			],
		},
		options: {},
	}, [240, 0]),
	node('GL entries modified since', `${PKG}.sageIntacct`, 1, {
		resource: 'glEntry',
		operation: 'getMany',
		source: 'GLENTRY',
		returnAll: true,
		filters: { modifiedSince: '={{ $json.modifiedSince }}' },
		options: { fields: 'RECORDNO,BATCHNO,BATCH_NUMBER,ENTRY_DATE,ACCOUNTNO,ACCOUNTTITLE,TR_TYPE,AMOUNT,CURRENCY,DESCRIPTION,DEPARTMENT,LOCATION,PROJECTID,GLDIMFUNDINGSOURCE,STATE,WHENMODIFIED' },
	}, [480, 0], { credentials: CREDENTIAL }),
	node('CSV file', 'n8n-nodes-base.convertToFile', 1.1, {
		operation: 'csv',
		binaryPropertyName: 'data',
		options: { fileName: "={{ $('Export window').first().json.fileName }}", headerRow: true },
	}, [720, 0]),
];
const glExport = workflow('sageNightlyGlExport', 'Sage Intacct: nightly GL export to CSV', exportNodes,
	merge(connect('Every night at 02:00', 'Export window'), connect('Run manually', 'Export window', 'GL entries modified since', 'CSV file')));

// ---------------------------------------------------------------------------------------------------
// 4. Grant spend-down: GL Entry webhook -> posted grant expense lines -> budget category -> budget vs actuals.
nodeCounter = 400;
const grantNodes = [
	sticky('About this workflow', [
		'## Grant spend-down (real time)',
		'Sage Intacct posts every new GL entry to this workflow (Platform Services trigger on GL Entry, HTTP Post; see the trigger node for the URL and the document template to paste).',
		'',
		'1. keep **posted expense lines of a grant** (project `GR-...`, accounts 5000-7999)',
		'2. map the GL account to the grant\'s **budget category**',
		'3. read the grant\'s posted lines to date from Intacct and compute **budget vs actuals** per category, flagging categories over 90 % spent',
		'',
		'Add a Slack/email step after "Budget vs actuals" to alert program managers. The trigger\'s **access key credential** holds the secret your Intacct trigger sends: create it with your own long random key (or switch Delivery to signed webhook delivery).',
	].join('\n'), [-60, -460], 600, 320),
	node('GL entry posted', `${PKG}.sageIntacctTrigger`, 2, {
		// Access key delivery: what the demo's sandbox (Platform Services template triggers) sends.
		deliveryMode: 'template',
		accessKeyLocation: 'body',
		intacctTriggers: 'onePerEvent',
		events: ['created'],
		userDimension: 'FUNDINGSOURCE',
		templateEvent: 'created',
		options: {},
	}, [0, 0], { webhookId: '6f0d2a4e-5b1c-4f7e-9a3d-2c8b1e0f4a57', credentials: TRIGGER_CREDENTIAL }),
	node('Posted grant expense?', 'n8n-nodes-base.if', 2.2, {
		conditions: {
			options: { caseSensitive: true, leftValue: '', typeValidation: 'loose', version: 2 },
			conditions: [
				{ id: 'g1', leftValue: '={{ $json.state }}', rightValue: 'Posted', operator: { type: 'string', operation: 'equals' } },
				{ id: 'g2', leftValue: '={{ Number($json.accountNo) }}', rightValue: 5000, operator: { type: 'number', operation: 'gte' } },
				{ id: 'g3', leftValue: '={{ Number($json.accountNo) }}', rightValue: 8000, operator: { type: 'number', operation: 'lt' } },
				{ id: 'g4', leftValue: "={{ $json.projectId || '' }}", rightValue: 'GR-', operator: { type: 'string', operation: 'startsWith' } },
			],
			combinator: 'and',
		},
		options: {},
	}, [240, 0]),
	node('Budget category', 'n8n-nodes-base.code', 2, {
		mode: 'runOnceForEachItem',
		jsCode: code(`
		// GL account -> the budget category grants are reported in.
		const CATEGORY_BY_ACCOUNT = {
			'5000': 'Personnel', '5100': 'Personnel', '5200': 'Personnel',
			'6000': 'Program Expenses', '6050': 'Program Expenses', '6200': 'Program Expenses',
			'6100': 'Occupancy', '6150': 'Occupancy',
			'6300': 'Administrative', '6400': 'Administrative', '6500': 'Administrative', '6600': 'Administrative',
			'6700': 'Administrative', '7000': 'Administrative', '7100': 'Administrative',
		};
		const line = $json;
		return {
			json: {
				grantId: line.projectId,
				category: CATEGORY_BY_ACCOUNT[line.accountNo] || 'Other',
				fundingSource: line.GLDIMFUNDINGSOURCE || null,
				line: { recordNo: line.recordNo, accountNo: line.accountNo, accountTitle: line.accountTitle, signedAmount: line.signedAmount, entryDate: line.entryDate, memo: line.memo },
				categoryByAccount: CATEGORY_BY_ACCOUNT,
			},
		};
		`),
	}, [480, -100]),
	node('Grant lines to date', `${PKG}.sageIntacct`, 1, {
		resource: 'glEntry',
		operation: 'getMany',
		source: 'GLENTRY',
		returnAll: true,
		filters: { projectId: '={{ $json.grantId }}', state: 'P' },
		options: { fields: 'RECORDNO,ACCOUNTNO,TR_TYPE,AMOUNT,PROJECTID,ENTRY_DATE,STATE' },
	}, [720, -100], { credentials: CREDENTIAL, alwaysOutputData: true }),
	node('Budget vs actuals', 'n8n-nodes-base.code', 2, {
		jsCode: code(`
		// Grant budgets per category (USD). Keep them here, or read them from a sheet / Intacct GL budgets.
		const BUDGETS = {
			'GR-2026-001': { 'Personnel': 150000, 'Program Expenses': 30000, 'Occupancy': 10000, 'Administrative': 5000 },
			'GR-2026-002': { 'Personnel': 205000, 'Program Expenses': 45000, 'Administrative': 10000 },
			'GR-2026-003': { 'Personnel': 110000, 'Program Expenses': 30000, 'Administrative': 10000 },
			'GR-2025-003': { 'Personnel': 240000, 'Program Expenses': 60000, 'Occupancy': 12000, 'Administrative': 8000 },
		};
		const WATCH_AT = 0.9;
		const trigger = $('Budget category').first().json;
		const categoryOf = (accountNo) => trigger.categoryByAccount[accountNo] || 'Other';
		const actual = {};
		for (const item of $input.all()) {
			const l = item.json;
			if (l.accountNo === undefined) continue; // no lines yet
			const n = Number(l.accountNo);
			if (!(n >= 5000 && n < 8000)) continue;
			const signed = (Number(l.trType) < 0 ? -1 : 1) * Number(l.amount);
			const c = categoryOf(l.accountNo);
			actual[c] = Math.round(((actual[c] || 0) + signed) * 100) / 100;
		}
		const budget = BUDGETS[trigger.grantId] || {};
		const categories = [...new Set([...Object.keys(budget), ...Object.keys(actual)])].sort();
		return categories.map((category) => {
			const b = budget[category] || 0;
			const a = actual[category] || 0;
			const spent = b > 0 ? a / b : null;
			return {
				json: {
					grantId: trigger.grantId,
					category,
					budget: b,
					actual: a,
					remaining: Math.round((b - a) * 100) / 100,
					percentSpent: spent === null ? null : Math.round(spent * 1000) / 10,
					status: b === 0 ? 'no budget' : spent > 1 ? 'over budget' : spent >= WATCH_AT ? 'watch' : 'on track',
					triggeredByThisCategory: category === trigger.category,
					triggeringLine: trigger.line,
				},
			};
		});
		`),
	}, [960, -100]),
];
const grant = workflow('sageGrantSpendDown', 'Sage Intacct: grant spend-down (GL entry webhook, budget vs actuals)', grantNodes,
	connect('GL entry posted', 'Posted grant expense?', 'Budget category', 'Grant lines to date', 'Budget vs actuals'));

// ---------------------------------------------------------------------------------------------------
// 5. Grant budget vs actuals: balances by grant (no re-summing of GL lines) against the GL budget.
nodeCounter = 500;
const budgetNodes = [
	sticky('About this workflow', [
		'## Grant spend-down: budget vs actuals',
		'Reads **actuals per grant (project) and account** from Intacct\'s account balances (Intacct sums the GL, the workflow never pulls every GL line) and the grant budgets from the GL budget **Grant Budgets**, for the year to date.',
		'',
		'* Balance > Budget vs Actual: budget, actual, remaining and % spent per grant and account',
		'* "Flag overspending" keeps the grant lines over 90 % spent: add a Slack or email step after it',
		'',
		'Needs a read-only role on General Ledger (and Projects if grants are projects). Use a user-defined dimension instead of projects with Balance > Account Balances, Group By User-Defined Dimension.',
	].join('\n'), [-60, -340], 560, 300),
	node('Run manually', 'n8n-nodes-base.manualTrigger', 1, {}, [0, 0]),
	node('Budget vs actual', `${PKG}.sageIntacct`, 1, {
		resource: 'balance',
		operation: 'budgetVsActual',
		budgetId: 'Grant Budgets',
		startDate: '2026-01-01',
		endDate: '2026-10-31',
		fromAccount: '5000',
		toAccount: '6999',
	}, [240, 0], { credentials: CREDENTIAL }),
	node('Flag overspending', 'n8n-nodes-base.code', 2, {
		mode: 'runOnceForAllItems',
		jsCode: code(`
		// Grant lines over 90 % of their budget for the period, most spent first.
		return $input.all()
			.map((item) => item.json)
			.filter((row) => row.budget > 0 && row.actual / row.budget > 0.9)
			.sort((a, b) => b.actual / b.budget - a.actual / a.budget)
			.map((row) => ({ json: { ...row, alert: \`\${row.projectId} \${row.accountNo}: \${row.percentSpent} % of budget spent\` } }));
		`),
	}, [480, 0]),
];
const budget = workflow('sageGrantBudgetActual', 'Sage Intacct: grant spend-down (budget vs actuals from balances)', budgetNodes,
	connect('Run manually', 'Budget vs actual', 'Flag overspending'));

// ---------------------------------------------------------------------------------------------------
// 6. AP payment run: open bills due -> one payment per vendor from the operating account.
nodeCounter = 600;
const payRunNodes = [
	sticky('About this workflow', [
		'## AP payment run',
		'Pays every **open bill due by the run date** of the chosen vendors: one ACH payment per vendor from the operating account, each bill paid its amount due. The bills become Paid in Intacct (TOTALDUE 0).',
		'',
		'* the Idempotency Key `payrun-<date>-<vendor>` makes a re-run safe: no vendor is paid twice for the same run',
		'* bills already paid are no longer open, so a later run does not pick them up again',
		'* reverse a payment with AP Payment > Reverse (its bills are open again)',
	].join('\n'), [-60, -340], 560, 300),
	node('Run manually', 'n8n-nodes-base.manualTrigger', 1, {}, [0, 0]),
	node('Open bills due', `${PKG}.sageIntacct`, 1, {
		resource: 'bill',
		operation: 'getMany',
		returnAll: true,
		filters: { vendorId: 'V-107', openOnly: true, dueBefore: '2026-11-30' },
	}, [240, 0], { credentials: CREDENTIAL }),
	node('One payment per vendor', 'n8n-nodes-base.code', 2, {
		mode: 'runOnceForAllItems',
		jsCode: code(`
		// Group the open bills by vendor; each bill is paid what it still has due.
		const byVendor = {};
		for (const { json: bill } of $input.all()) {
			if (!(bill.totalDue > 0)) continue;
			(byVendor[bill.vendorId] ??= []).push({ billRecordNo: bill.recordNo, amount: bill.totalDue });
		}
		return Object.entries(byVendor).map(([vendorId, bills]) => ({
			json: { vendorId, bills, runDate: '2026-11-20', total: Math.round(bills.reduce((s, b) => s + b.amount * 100, 0)) / 100 },
		}));
		`),
	}, [480, 0]),
	node('Pay vendor', `${PKG}.sageIntacct`, 1, {
		resource: 'apPayment',
		operation: 'create',
		vendor: { __rl: true, mode: 'id', value: '={{ $json.vendorId }}' },
		bankAccount: { __rl: true, mode: 'id', value: 'BOA-OP' },
		paymentMethod: 'ACH',
		paymentDate: '={{ $json.runDate }}',
		billInput: 'json',
		billsJson: '={{ JSON.stringify($json.bills) }}',
		additionalFields: { description: '={{ "Payment run " + $json.runDate }}' },
		options: { idempotencyKey: '={{ "payrun-" + $json.runDate + "-" + $json.vendorId }}' },
	}, [720, 0], { credentials: CREDENTIAL }),
];
const payRun = workflow('sageApPaymentRun', 'Sage Intacct: AP payment run (open bills to one payment per vendor)', payRunNodes,
	connect('Run manually', 'Open bills due', 'One payment per vendor', 'Pay vendor'));

// ---------------------------------------------------------------------------------------------------
// 7. AR invoices to payments and deposits: customer, invoices, remittances applied, one deposit slip.
nodeCounter = 700;
const arNodes = [
	sticky('About this workflow', [
		'## AR invoices to payments and deposits',
		'A billing system\'s invoices (here: a sample in a Code node) become **AR invoices** of a customer; the customer\'s remittances are **applied to those invoices** as AR payments received into **undeposited funds**; the day\'s receipts go to the bank on **one deposit slip**. The last step lists what the customer still owes (its open invoices).',
		'',
		'* the customer is created first (a re-run finds it and creates nothing)',
		'* each remittance is one payment: the Idempotency Key `remit-<reference>` means a re-run never receives it twice',
		'* the deposit\'s Idempotency Key is its slip ID: one deposit, however often the workflow runs',
		'* a paid invoice is no longer open; a partly paid one keeps its amount due',
	].join('\n'), [-60, -360], 600, 320),
	node('Run manually', 'n8n-nodes-base.manualTrigger', 1, {}, [0, 0]),
	node('Create customer', `${PKG}.sageIntacct`, 1, {
		resource: 'customer',
		operation: 'create',
		customerId: 'C-3001',
		name: 'Northside Family Clinic',
		additionalFields: { email: 'accounts@northside-clinic.example', customerType: 'Clinic' },
	}, [220, 0], { credentials: CREDENTIAL }),
	node('Sample invoices', 'n8n-nodes-base.code', 2, {
		mode: 'runOnceForAllItems',
		jsCode: code(`
		// Invoices from the billing system, one item each. Lines post to program fee revenue (4200).
		const customerId = $('Create customer').first().json.customerId;
		const invoices = [
			{ invoiceNumber: 'INV-FP-1001', amount: 1200, memo: 'Family counselling sessions, October' },
			{ invoiceNumber: 'INV-FP-1002', amount: 450, memo: 'Parenting workshop seats' },
			{ invoiceNumber: 'INV-FP-1003', amount: 800, memo: 'Case management, October' },
		];
		return invoices.map((inv) => ({
			json: {
				customerId,
				invoiceNumber: inv.invoiceNumber,
				lines: [{ accountNo: '4200', amount: inv.amount, memo: inv.memo, locationId: '210', departmentId: 'PROG' }],
			},
		}));
		`),
	}, [440, 0]),
	node('Create invoice', `${PKG}.sageIntacct`, 1, {
		resource: 'arInvoice',
		operation: 'create',
		customer: { __rl: true, mode: 'id', value: '={{ $json.customerId }}' },
		invoiceNumber: '={{ $json.invoiceNumber }}',
		invoiceDate: '2026-11-02',
		dueDate: '2026-12-02',
		lineInput: 'json',
		linesJson: '={{ JSON.stringify($json.lines) }}',
	}, [660, 0], { credentials: CREDENTIAL }),
	node('Apply remittances', 'n8n-nodes-base.code', 2, {
		mode: 'runOnceForAllItems',
		jsCode: code(`
		// The customer's remittance advices: which invoice (by number) each payment pays, and how much.
		const remittances = [
			{ reference: 'CHK-88001', method: 'Printed Check', receiptDate: '2026-11-18', pays: [{ invoiceNumber: 'INV-FP-1001', amount: 1200 }, { invoiceNumber: 'INV-FP-1002', amount: 450 }] },
			{ reference: 'EFT-5521', method: 'EFT', receiptDate: '2026-11-19', pays: [{ invoiceNumber: 'INV-FP-1003', amount: 300 }] },
		];
		const recordNoByNumber = {};
		for (const { json: inv } of $input.all()) recordNoByNumber[inv.invoiceNumber] = inv.recordNo;
		const customerId = $('Create customer').first().json.customerId;
		return remittances.map((r) => ({
			json: {
				customerId,
				reference: r.reference,
				method: r.method,
				receiptDate: r.receiptDate,
				invoices: r.pays.map((p) => ({ invoiceRecordNo: recordNoByNumber[p.invoiceNumber], amount: p.amount })),
			},
		}));
		`),
	}, [880, 0]),
	node('Receive payment', `${PKG}.sageIntacct`, 1, {
		resource: 'arPayment',
		operation: 'create',
		customer: { __rl: true, mode: 'id', value: '={{ $json.customerId }}' },
		receiveInto: 'undeposited',
		undepositedAccount: { __rl: true, mode: 'id', value: '1050' },
		paymentMethod: '={{ $json.method }}',
		receiptDate: '={{ $json.receiptDate }}',
		invoiceInput: 'json',
		invoicesJson: '={{ JSON.stringify($json.invoices) }}',
		additionalFields: { referenceNumber: '={{ $json.reference }}' },
		options: { idempotencyKey: '={{ "remit-" + $json.reference }}' },
	}, [1100, 0], { credentials: CREDENTIAL }),
	node('One deposit slip', 'n8n-nodes-base.code', 2, {
		mode: 'runOnceForAllItems',
		jsCode: code(`
		// All receipts of the run on one slip.
		const receiptKeys = $input.all().map((item) => item.json.recordNo).join(',');
		return [{ json: { slip: 'SLIP-2026-11-20', depositDate: '2026-11-20', receiptKeys } }];
		`),
	}, [1320, 0]),
	node('Deposit to bank', `${PKG}.sageIntacct`, 1, {
		resource: 'deposit',
		operation: 'create',
		bankAccount: { __rl: true, mode: 'id', value: 'BOA-OP' },
		depositDate: '={{ $json.depositDate }}',
		depositSlipId: '={{ $json.slip }}',
		receiptKeys: '={{ $json.receiptKeys }}',
		additionalFields: { description: 'Clinic receipts' },
		options: { idempotencyKey: '={{ "deposit-" + $json.slip }}' },
	}, [1540, 0], { credentials: CREDENTIAL }),
	node('Still open', `${PKG}.sageIntacct`, 1, {
		resource: 'arInvoice',
		operation: 'getMany',
		returnAll: true,
		filters: { customerId: '={{ $("Create customer").first().json.customerId }}', openOnly: true },
	}, [1760, 0], { credentials: CREDENTIAL, executeOnce: true }),
];
const arFlow = workflow('sageArToDeposits', 'Sage Intacct: AR invoices to payments and deposits', arNodes,
	connect('Run manually', 'Create customer', 'Sample invoices', 'Create invoice', 'Apply remittances', 'Receive payment', 'One deposit slip', 'Deposit to bank', 'Still open'));

// ---------------------------------------------------------------------------------------------------
// 7. Restaurant bills with images and payments at entity level (the Craftable flow).
nodeCounter = 700;
/** A 1x1 PNG: stands for the photo of a paper invoice. */
const SAMPLE_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
const restaurantNodes = [
	sticky('About this workflow', [
		'## Restaurant bills with images, paid at entity level',
		'Invoices photographed in the kitchen (here: a sample in a Code node; in real life an inventory or purchasing tool) become **AP bills in the location\'s entity** with the **invoice image attached**, then one **AP payment** pays them from the operating account.',
		'',
		'* Entity = `{{ $json.entityId }}` posts each bill in its entity (empty = the credential\'s entity, TOP_LEVEL = top level)',
		'* the image is uploaded with create_supdoc into the folder "Restaurant Bills" (created when missing) and linked to the bill',
		'* Idempotency Keys (`bill-<vendor>-<invoice>`, `pay-<vendor>-<date>`) make a re-run safe: nothing is posted or paid twice',
		'* an image that arrives later: Attachment > Create, then Attachment > Add to Record (bill)',
	].join('\n'), [-60, -580], 580, 320),
	node('Run manually', 'n8n-nodes-base.manualTrigger', 1, {}, [0, 0]),
	node('Restaurant invoices (sample)', 'n8n-nodes-base.code', 2, {
		jsCode: code(`
		// Invoices of the West kitchen (entity 200), each with the photo of the paper invoice.
		const photo = '${SAMPLE_PNG}';
		return [
			{ invoiceNumber: 'RST-2026-501', invoiceDate: '2026-11-18', dueDate: '2026-12-03', amount: 412.6, memo: 'Produce, week 47' },
			{ invoiceNumber: 'RST-2026-502', invoiceDate: '2026-11-19', dueDate: '2026-12-04', amount: 96.4, memo: 'Dairy and eggs' },
		].map((inv) => ({
			json: {
				...inv,
				vendorId: 'V-112',
				entityId: '200',
				lines: [{ accountNo: '6050', amount: inv.amount, memo: inv.memo, departmentId: 'FOOD', locationId: '220' }],
				fileName: inv.invoiceNumber + '.png',
				photoBase64: photo,
			},
		}));
		`),
	}, [220, 0]),
	node('Invoice photo', 'n8n-nodes-base.convertToFile', 1.1, {
		operation: 'toBinary',
		sourceProperty: 'photoBase64',
		binaryPropertyName: 'data',
		options: { fileName: '={{ $json.fileName }}', mimeType: 'image/png' },
	}, [440, -160]),
	node('Invoice with photo', 'n8n-nodes-base.merge', 3, { mode: 'combine', combineBy: 'combineByPosition', options: {} }, [660, 0]),
	node('Create bill in entity', `${PKG}.sageIntacct`, 1, {
		resource: 'bill',
		operation: 'create',
		vendor: { __rl: true, mode: 'id', value: '={{ $json.vendorId }}' },
		billNumber: '={{ $json.invoiceNumber }}',
		transactionDate: '={{ $json.invoiceDate }}',
		dueDate: '={{ $json.dueDate }}',
		lineInput: 'json',
		linesJson: '={{ $json.lines }}',
		additionalFields: { description: '={{ "Kitchen invoice " + $json.invoiceNumber }}' },
		attachFiles: true,
		binaryPropertyNames: 'data',
		attachmentFolder: 'Restaurant Bills',
		entityId: { __rl: true, mode: 'id', value: '={{ $json.entityId }}' },
		options: { idempotencyKey: "={{ 'bill-' + $json.vendorId + '-' + $json.invoiceNumber }}" },
	}, [880, 0], { credentials: CREDENTIAL }),
	node('One payment per vendor', 'n8n-nodes-base.code', 2, {
		mode: 'runOnceForAllItems',
		jsCode: code(`
		// The bills just created (or found again on a re-run), paid in full: one payment per vendor and entity.
		const invoices = $('Invoice with photo').all().map((i) => i.json);
		const groups = {};
		$input.all().forEach((item, index) => {
			const inv = invoices[index];
			const key = inv.vendorId + '|' + inv.entityId;
			(groups[key] ??= { vendorId: inv.vendorId, entityId: inv.entityId, bills: [] }).bills.push({ billRecordNo: item.json.recordNo, amount: inv.amount });
		});
		return Object.values(groups).map((g) => ({ json: { ...g, paymentDate: '2026-11-20' } }));
		`),
	}, [1100, 0]),
	node('Pay in entity', `${PKG}.sageIntacct`, 1, {
		resource: 'apPayment',
		operation: 'create',
		vendor: { __rl: true, mode: 'id', value: '={{ $json.vendorId }}' },
		bankAccount: { __rl: true, mode: 'id', value: 'BOA-OP' },
		paymentMethod: 'ACH',
		paymentDate: '={{ $json.paymentDate }}',
		billInput: 'json',
		billsJson: '={{ JSON.stringify($json.bills) }}',
		additionalFields: { description: '={{ "Kitchen invoices " + $json.paymentDate }}' },
		entityId: { __rl: true, mode: 'id', value: '={{ $json.entityId }}' },
		options: { idempotencyKey: "={{ 'pay-' + $json.vendorId + '-' + $json.paymentDate }}" },
	}, [1320, 0], { credentials: CREDENTIAL }),
];
const restaurant = workflow('sageRestaurantBills', 'Sage Intacct: restaurant bills with images and payments at entity level', restaurantNodes,
	merge(
		connect('Run manually', 'Restaurant invoices (sample)', 'Invoice photo', ['Invoice with photo', 0, 0]),
		connect('Restaurant invoices (sample)', ['Invoice with photo', 0, 1]),
		connect('Invoice with photo', 'Create bill in entity', 'One payment per vendor', 'Pay in entity'),
	));

// ---------------------------------------------------------------------------------------------------
// 8. Expenses and card transactions with receipts (the ExpenseIn flow).
nodeCounter = 800;
const cardNodes = [
	sticky('About this workflow', [
		'## Expenses and card transactions with receipts',
		'Company-card expenses approved in an expense tool (here: a sample in a Code node) become **charge card transactions** in Sage Intacct, each with its coded lines (account, department, location, grant) and the **receipt image attached**.',
		'',
		'* Card Transaction > Create posts to the card\'s account (chargecardid) in the expense\'s entity',
		'* the receipt goes into the attachment folder "Receipts", made sure of first at the top level so that every entity sees it (a folder created inside an entity is that entity\'s)',
		'* the Idempotency Key (`card-<expense id>`) makes a re-run safe: no charge is recorded twice, no receipt uploaded twice',
		'* "Receipt back" downloads the first receipt again (Attachment > Get) - e.g. for an audit pack',
		'* out-of-pocket expenses: see the example "expenses to journal entries"',
	].join('\n'), [-60, -580], 580, 320),
	node('Run manually', 'n8n-nodes-base.manualTrigger', 1, {}, [0, 0]),
	node('Receipts folder', `${PKG}.sageIntacct`, 1, {
		resource: 'attachment',
		operation: 'createFolder',
		name: 'Receipts',
		description: 'Card receipts from the expense tool',
		entityId: { __rl: true, mode: 'id', value: 'TOP_LEVEL' },
	}, [220, 0], { credentials: CREDENTIAL }),
	node('Approved card expenses (sample)', 'n8n-nodes-base.code', 2, {
		jsCode: code(`
		// Approved company-card expenses with their receipt photos.
		const receipt = '${SAMPLE_PNG}';
		return [
			{ expenseId: 'EXPC-9001', card: 'VISA-1234', date: '2026-11-16', entityId: '100', payee: 'City Cab Co', lines: [{ accountNo: '6200', amount: 38.4, memo: 'Taxi, student pick-up', departmentId: 'YOUTH', locationId: '120', projectId: 'GR-2026-001' }] },
			{ expenseId: 'EXPC-9002', card: 'VISA-1234', date: '2026-11-17', entityId: '100', payee: 'Office Depot', lines: [{ accountNo: '6000', amount: 64.99, memo: 'Craft supplies', departmentId: 'YOUTH', locationId: '120', projectId: 'GR-2026-001' }, { accountNo: '6700', amount: 20, memo: 'Flyers', departmentId: 'DEV', locationId: '110' }] },
			{ expenseId: 'EXPC-9003', card: 'AMEX-1001', date: '2026-11-17', entityId: '200', payee: 'FreshMart', lines: [{ accountNo: '6050', amount: 152.75, memo: 'Pantry restock', departmentId: 'FOOD', locationId: '220', projectId: 'GR-2026-002' }] },
		].map((e) => ({ json: { ...e, fileName: e.expenseId + '-receipt.png', receiptBase64: receipt } }));
		`),
	}, [440, 0]),
	node('Receipt file', 'n8n-nodes-base.convertToFile', 1.1, {
		operation: 'toBinary',
		sourceProperty: 'receiptBase64',
		binaryPropertyName: 'receipt',
		options: { fileName: '={{ $json.fileName }}', mimeType: 'image/png' },
	}, [660, -160]),
	node('Expense with receipt', 'n8n-nodes-base.merge', 3, { mode: 'combine', combineBy: 'combineByPosition', options: {} }, [880, 0]),
	node('Record card transaction', `${PKG}.sageIntacct`, 1, {
		resource: 'cardTransaction',
		operation: 'create',
		chargeCard: { __rl: true, mode: 'id', value: '={{ $json.card }}' },
		paymentDate: '={{ $json.date }}',
		lineInput: 'json',
		linesJson: '={{ $json.lines }}',
		additionalFields: { referenceNumber: '={{ $json.expenseId }}', payee: '={{ $json.payee }}', description: '={{ "Card expense " + $json.expenseId }}' },
		attachFiles: true,
		binaryPropertyNames: 'receipt',
		attachmentFolder: 'Receipts',
		entityId: { __rl: true, mode: 'id', value: '={{ $json.entityId }}' },
		options: { idempotencyKey: "={{ 'card-' + $json.expenseId }}" },
	}, [1100, 0], { credentials: CREDENTIAL }),
	node('First receipt', 'n8n-nodes-base.limit', 1, { maxItems: 1 }, [1320, 0]),
	node('Receipt back', `${PKG}.sageIntacct`, 1, {
		resource: 'attachment',
		operation: 'get',
		attachmentId: { __rl: true, mode: 'id', value: '={{ $json.attachmentsId }}' },
		binaryPropertyName: 'receipt',
		entityId: { __rl: true, mode: 'id', value: '100' },
	}, [1540, 0], { credentials: CREDENTIAL }),
];
const cards = workflow('sageCardTxnReceipts', 'Sage Intacct: expenses and card transactions with receipts', cardNodes,
	merge(
		connect('Run manually', 'Receipts folder', 'Approved card expenses (sample)', 'Receipt file', ['Expense with receipt', 0, 0]),
		connect('Approved card expenses (sample)', ['Expense with receipt', 0, 1]),
		connect('Expense with receipt', 'Record card transaction', 'First receipt', 'Receipt back'),
	));

for (const wf of [expenses, apIntake, glExport, grant, budget, payRun, arFlow, restaurant, cards]) {
	delete wf._comment;
	const file = path.join(OUT, `${wf.id}.json`);
	fs.writeFileSync(file, JSON.stringify(wf, null, '\t') + '\n');
	console.log(`wrote ${path.relative(process.cwd(), file)} (${wf.nodes.length} nodes)`);
}
