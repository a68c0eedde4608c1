/**
 * Generated GL history of the demo company: balanced, dimension-tagged, posted journal entries
 * spread over 01/01/2025-10/31/2026, built as rows directly (no per-line validation or events) so
 * 100,000+ lines take about a second. Deterministic for a given seed.
 */
import type { Database } from '../database';
import { addDays } from '../dates';
import { recordUrl } from '../writes/write-session';
import type { Row } from '../store';
import { Prng } from './prng';

export const HISTORY_FIRST_DAY = '2025-01-01';
export const HISTORY_DAYS = 669; // through 2026-10-31

interface LineSpec {
	account: string;
	debit: boolean;
	amount: number;
	location: string;
	memo: string;
	department?: string;
	project?: string;
	classId?: string;
	customer?: string;
	vendor?: string;
	employee?: string;
	fund?: string;
}

interface BatchSpec {
	journal: string;
	title: string;
	lines: LineSpec[];
}

interface Lookups {
	locationsByEntity: Record<string, string[]>;
	employeesByEntity: Record<string, Row[]>;
	projects: Row[];
	fundIds: string[];
}

const ENTITY_LOCATIONS: Record<string, string> = { '110': '100', '120': '100', '100': '100', '210': '200', '220': '200', '200': '200' };

function activeProject(l: Lookups, rng: Prng, date: string, entity: string): Row | undefined {
	const candidates = l.projects.filter((p) => p.BEGINDATE <= date && p.ENDDATE >= date && ENTITY_LOCATIONS[p.LOCATIONID] === entity);
	return candidates.length ? rng.pick(candidates) : undefined;
}

const FUND_BY_CUSTOMER: Record<string, number> = { 'C-1001': 4, 'C-1002': 1, 'C-1003': 3, 'C-1004': 4, 'C-1005': 5, 'C-1006': 0 };

function template(rng: Prng, l: Lookups, date: string, entity: string): BatchSpec {
	const location = rng.pick(l.locationsByEntity[entity]);
	const month = date.slice(0, 7);
	const kind = rng.int(0, 9);
	if (kind <= 2) {
		const staff = l.employeesByEntity[entity];
		const lines: LineSpec[] = [];
		let total = 0;
		for (let i = 0, n = rng.int(1, 3); i < n; i++) {
			const e = rng.pick(staff);
			const project = activeProject(l, rng, date, entity);
			const amount = rng.amount(1800, 4200);
			total += amount;
			lines.push({
				account: '5000',
				debit: true,
				amount,
				location: e.LOCATIONID,
				department: e.DEPARTMENTID,
				employee: e.EMPLOYEEID,
				project: project?.PROJECTID,
				customer: project?.CUSTOMERID,
				classId: e.DEPARTMENTID === 'ADMIN' || e.DEPARTMENTID === 'FIN' ? 'MGA' : e.DEPARTMENTID === 'DEV' ? 'FR' : 'PRG',
				fund: project ? l.fundIds[FUND_BY_CUSTOMER[project.CUSTOMERID] ?? 0] : l.fundIds[0],
				memo: `Salary ${e['PERSONALINFO.CONTACTNAME']}`,
			});
		}
		total = Math.round(total * 100) / 100;
		const taxes = Math.round(total * 0.0765 * 100) / 100;
		lines.push({ account: '5200', debit: true, amount: taxes, location, department: 'ADMIN', classId: 'MGA', fund: l.fundIds[0], memo: 'Employer payroll taxes' });
		lines.push({ account: '2100', debit: false, amount: total, location, memo: 'Net payroll accrued' });
		lines.push({ account: '2150', debit: false, amount: taxes, location, memo: 'Payroll taxes payable' });
		return { journal: 'PYRJ', title: `Payroll ${month} ${rng.pick(['first half', 'second half'])}`, lines };
	}
	if (kind <= 4) {
		const project = activeProject(l, rng, date, entity);
		const customer = project?.CUSTOMERID ?? 'C-1001';
		const amount = rng.amount(2500, 25000);
		const account = customer === 'C-1002' || customer === 'C-1003' ? '4150' : '4100';
		const fund = l.fundIds[FUND_BY_CUSTOMER[customer] ?? 0];
		return {
			journal: 'ARJ',
			title: `Grant revenue ${project?.PROJECTID ?? 'general'} ${month}`,
			lines: [
				{ account: '1200', debit: true, amount, location, customer, project: project?.PROJECTID, fund, memo: 'Grant drawdown receivable' },
				{ account, debit: false, amount, location, customer, project: project?.PROJECTID, classId: 'PRG', fund, memo: 'Grant revenue recognised' },
			],
		};
	}
	if (kind === 5) {
		const amount = rng.amount(50, 5000);
		return {
			journal: 'GJ',
			title: `Donations deposit ${date}`,
			lines: [
				{ account: '1000', debit: true, amount, location, memo: 'Deposit' },
				{ account: rng.pick(['4000', '4300']), debit: false, amount, location, customer: 'C-1006', classId: 'FR', department: 'DEV', fund: l.fundIds[0], memo: 'Individual gifts' },
			],
		};
	}
	if (kind <= 7) {
		const project = activeProject(l, rng, date, entity);
		const lines: LineSpec[] = [];
		let total = 0;
		for (let i = 0, n = rng.int(1, 3); i < n; i++) {
			const amount = rng.amount(40, 2400);
			total += amount;
			lines.push({
				account: rng.pick(['6000', '6050', '6200', '6600']),
				debit: true,
				amount,
				location,
				department: project?.DEPARTMENTID ?? 'PROG',
				project: project?.PROJECTID,
				classId: 'PRG',
				fund: project ? l.fundIds[FUND_BY_CUSTOMER[project.CUSTOMERID] ?? 0] : l.fundIds[0],
				memo: 'Program expense',
			});
		}
		lines.push({ account: '1000', debit: false, amount: Math.round(total * 100) / 100, location, memo: 'Paid from operating cash' });
		return { journal: 'GJ', title: `Program expenses ${date}`, lines };
	}
	if (kind === 8) {
		const amount = rng.amount(900, 6000);
		const account = rng.pick(['6100', '6150', '6400', '6500']);
		return {
			journal: 'GJ',
			title: `Occupancy and admin ${month}`,
			lines: [
				{ account, debit: true, amount, location, department: 'ADMIN', classId: 'MGA', fund: l.fundIds[0], memo: 'Monthly charge' },
				{ account: '1000', debit: false, amount, location, memo: 'Paid from operating cash' },
			],
		};
	}
	const amount = rng.amount(300, 1500);
	return {
		journal: 'ADJ',
		title: `Depreciation ${month}`,
		lines: [
			{ account: '7000', debit: true, amount, location, department: 'ADMIN', classId: 'MGA', fund: l.fundIds[0], memo: 'Monthly depreciation' },
			{ account: '1590', debit: false, amount, location, memo: 'Accumulated depreciation' },
		],
	};
}

/** Generates about `entryTarget` GLENTRY rows (whole batches) into the database. */
export function generateHistory(db: Database, seed: number, entryTarget: number): void {
	const rng = new Prng(seed);
	const name = (object: string, id: string | undefined, field: string): string => (id ? db.table(object).getById(id)?.[field] ?? '' : '');
	const accounts = db.table('GLACCOUNT');
	const employees = [...db.table('EMPLOYEE').rows()];
	const lookups: Lookups = {
		locationsByEntity: { '100': ['110', '120'], '200': ['210', '220'] },
		employeesByEntity: {
			'100': employees.filter((e) => ENTITY_LOCATIONS[e.LOCATIONID] === '100'),
			'200': employees.filter((e) => ENTITY_LOCATIONS[e.LOCATIONID] === '200'),
		},
		projects: [...db.table('PROJECT').rows()],
		fundIds: [...db.table('FUNDINGSOURCE').rows()].map((r) => r.RECORDNO),
	};
	const fundNames = new Map([...db.table('FUNDINGSOURCE').rows()].map((r) => [r.RECORDNO, r.NAME]));
	const entities = new Map([...db.table('LOCATIONENTITY').rows()].map((r) => [r.LOCATIONID, r]));
	const journals = new Map([...db.table('GLJOURNAL').rows()].map((r) => [r.SYMBOL, r]));
	const nextBatchNo = new Map([...journals.values()].map((j) => [j.SYMBOL, Number(j.NEXTBATCHNO || '1')]));
	const batchTable = db.table('GLBATCH');
	const entryTable = db.table('GLENTRY');
	const estimatedBatches = Math.max(1, Math.ceil(entryTarget / 3.4));
	const batchRows: Row[] = [];
	const entryRows: Row[] = [];
	let batchNo = batchTable.allocateRecordNo();
	let entryNo = entryTable.allocateRecordNo();
	for (let k = 0; entryRows.length < entryTarget; k++) {
		const date = addDays(HISTORY_FIRST_DAY, Math.floor((k * HISTORY_DAYS) / estimatedBatches) % (HISTORY_DAYS + 1));
		const entity = rng.next() < 0.5 ? '100' : '200';
		// About one entry in ten is created at the top level (MEGAENTITYID ''), the rest in their entity.
		const owner = rng.next() < 0.1 ? undefined : entities.get(entity);
		const spec = template(rng, lookups, date, entity);
		const journal = journals.get(spec.journal)!;
		const seq = nextBatchNo.get(spec.journal)!;
		nextBatchNo.set(spec.journal, seq + 1);
		const stamp = `${date} ${String(8 + (k % 10)).padStart(2, '0')}:${String(k % 60).padStart(2, '0')}:00`;
		// Literal rows without spreads: V8 keeps them in fast mode, which matters at 100k+ rows.
		const ownerKey = owner?.RECORDNO ?? '';
		const ownerId = owner?.LOCATIONID ?? '';
		const ownerName = owner?.NAME ?? '';
		const batch: Row = {
			WHENCREATED: stamp,
			WHENMODIFIED: stamp,
			CREATEDBY: '1',
			MODIFIEDBY: '1',
			MEGAENTITYKEY: ownerKey,
			MEGAENTITYID: ownerId,
			MEGAENTITYNAME: ownerName,
			RECORDNO: String(batchNo),
			RECORD_URL: recordUrl('GLBATCH', batchNo),
			BATCHNO: String(seq),
			BATCH_TITLE: spec.title,
			JOURNAL: spec.journal,
			JOURNALKEY: journal.RECORDNO,
			BATCH_DATE: date,
			REVERSEDATE: '',
			REVERSED: '',
			REVERSEDKEY: '',
			REVERSEDFROM: '',
			ADJ: journal.ADJ,
			MODULE: '2.GL',
			STATE: 'Posted',
			REFERENCENO: `HIST-${String(k + 1).padStart(6, '0')}`,
			HISTORY_COMMENT: '',
			BASELOCATION_NO: '',
			BASELOCATION_NAME: '',
			SUPDOCID: '',
			TRANSACTIONSOURCE: '',
			PRRECORDKEY: '',
			'USERINFO.LOGINID': 'Admin',
		};
		batchRows.push(batch);
		spec.lines.forEach((line, index) => {
			const account = accounts.getById(line.account)!;
			const amount = line.amount.toFixed(2);
			entryRows.push({
				WHENCREATED: stamp,
				WHENMODIFIED: stamp,
				CREATEDBY: '1',
				MODIFIEDBY: '1',
				MEGAENTITYKEY: ownerKey,
				MEGAENTITYID: ownerId,
				MEGAENTITYNAME: ownerName,
				RECORDNO: String(entryNo),
				RECORD_URL: recordUrl('GLENTRY', entryNo),
				BATCHNO: batch.RECORDNO,
				BATCH_NUMBER: batch.BATCHNO,
				JOURNAL: spec.journal,
				LINE_NO: String(index + 1),
				TR_TYPE: line.debit ? '1' : '-1',
				ENTRY_DATE: date,
				BATCH_DATE: date,
				BATCHTITLE: spec.title,
				AMOUNT: amount,
				TRX_AMOUNT: amount,
				ACCOUNTKEY: account.RECORDNO,
				ACCOUNTNO: account.ACCOUNTNO,
				ACCOUNTTITLE: account.TITLE,
				STATISTICAL: 'false',
				CURRENCY: 'USD',
				BASECURR: 'USD',
				DESCRIPTION: line.memo,
				DOCUMENT: '',
				STATE: 'Posted',
				DEPARTMENT: line.department ?? '',
				DEPARTMENTTITLE: name('DEPARTMENT', line.department, 'TITLE'),
				LOCATION: line.location,
				LOCATIONNAME: name('LOCATION', line.location, 'NAME'),
				PROJECTID: line.project ?? '',
				PROJECTNAME: name('PROJECT', line.project, 'NAME'),
				CLASSID: line.classId ?? '',
				CLASSNAME: name('CLASS', line.classId, 'NAME'),
				CUSTOMERID: line.customer ?? '',
				CUSTOMERNAME: name('CUSTOMER', line.customer, 'NAME'),
				VENDORID: line.vendor ?? '',
				VENDORNAME: name('VENDOR', line.vendor, 'NAME'),
				EMPLOYEEID: line.employee ?? '',
				EMPLOYEENAME: name('EMPLOYEE', line.employee, 'PERSONALINFO.CONTACTNAME'),
				ITEMID: '',
				ITEMNAME: '',
				GLDIMFUNDINGSOURCE: line.fund ?? '',
				FUNDINGSOURCENAME: line.fund ? fundNames.get(line.fund) ?? '' : '',
			});
			entryNo++;
		});
		batchNo++;
	}
	batchTable.putMany(batchRows);
	entryTable.putMany(entryRows);
	for (const [symbol, next] of nextBatchNo) db.table('GLJOURNAL').put({ ...journals.get(symbol)!, NEXTBATCHNO: String(next) });
}
