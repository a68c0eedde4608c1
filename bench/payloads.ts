/**
 * Deterministic business documents for the write benchmarks: what 1,000 n8n items would carry
 * (one bill with 3 lines, or one balanced journal entry, per item). Every client under test posts
 * exactly these documents; only the way they reach the gateway differs.
 */

import type { MasterData } from '../test/support/sandboxModel';

export interface BenchBillLine {
	accountNo: string;
	amount: number;
	memo: string;
	departmentId: string;
	/** Multi-entity companies want a location (entity) on every line (shared docs §8). */
	locationId: string;
}

export interface BenchBill {
	vendorId: string;
	billNumber: string;
	/** yyyy-mm-dd */
	date: string;
	dueDate: string;
	description: string;
	lines: BenchBillLine[];
}

export interface BenchJournalLine {
	accountNo: string;
	type: 'debit' | 'credit';
	amount: number;
	memo: string;
	departmentId?: string;
	locationId: string;
}

export interface BenchJournalEntry {
	journal: string;
	/** yyyy-mm-dd */
	date: string;
	title: string;
	referenceNo: string;
	lines: BenchJournalLine[];
}

/** Amounts in cents from a tiny LCG, so every run posts the same documents. */
function amounts(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
		return 100 + (state % 500_000);
	};
}

const pick = <T>(list: T[], index: number): T => list[index % list.length];
const day = (index: number): string => `2026-0${1 + (index % 6)}-${String(1 + (index % 28)).padStart(2, '0')}`;

/** `run` makes document numbers unique per run (bill numbers and references are business keys). */
export function makeBills(count: number, master: MasterData, run: string): BenchBill[] {
	const next = amounts(7);
	return Array.from({ length: count }, (_, i) => ({
		vendorId: pick(master.vendorIds, i),
		billNumber: `BENCH-${run}-B${i + 1}`,
		date: day(i),
		dueDate: day(i).replace(/^2026/, '2027'),
		description: `Benchmark bill ${i + 1}`,
		lines: [0, 1, 2].map((l) => ({
			accountNo: pick(master.expenseAccounts, i + l),
			amount: next() / 100,
			memo: `Line ${l + 1} of bill ${i + 1}`,
			departmentId: pick(master.departmentIds, i + l),
			locationId: master.locationIds[0],
		})),
	}));
}

export function makeJournalEntries(count: number, master: MasterData, run: string): BenchJournalEntry[] {
	const next = amounts(11);
	return Array.from({ length: count }, (_, i) => {
		const locationId = master.locationIds[0];
		const debit1 = next() / 100;
		const debit2 = next() / 100;
		const credit = Math.round((debit1 + debit2) * 100) / 100;
		return {
			journal: master.journal,
			date: day(i),
			title: `Benchmark accrual ${i + 1}`,
			referenceNo: `BENCH-${run}-J${i + 1}`,
			lines: [
				{ accountNo: pick(master.expenseAccounts, i), type: 'debit', amount: debit1, memo: 'Expense A', departmentId: pick(master.departmentIds, i), locationId },
				{ accountNo: pick(master.expenseAccounts, i + 1), type: 'debit', amount: debit2, memo: 'Expense B', departmentId: pick(master.departmentIds, i + 1), locationId },
				{ accountNo: master.creditAccount, type: 'credit', amount: credit, memo: 'Accrued', locationId },
			],
		};
	});
}

/** mm/dd/yyyy, the gateway's date format for generic functions (shared docs §5.6). */
export function toIntacctDate(isoDate: string): string {
	const [y, m, d] = isoDate.split('-');
	return `${m}/${d}/${y}`;
}
