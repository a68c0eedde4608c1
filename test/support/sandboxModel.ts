/**
 * Reading the sandbox company's state straight from its model (not over HTTP, so it never shows in
 * sandbox.stats): record counts for "nothing lost, nothing twice" assertions, and the master data
 * (accounts, vendors, journals, departments) documents must refer to.
 */
import type { Sandbox } from '../../sandbox/api';
import type { RenderRecord, RenderValue, XmlElement } from '../../sandbox/model/contract';

const element = (name: string, text = '', children: XmlElement[] = []): XmlElement => ({ name, attributes: {}, children, text });

function readByQueryElement(object: string, fields: string, query: string, pageSize: number): XmlElement {
	return element('readByQuery', '', [
		element('object', object),
		element('fields', fields),
		element('query', query),
		element('pagesize', String(pageSize)),
	]);
}

function context(sandbox: Sandbox): { companyId: string; userId: string; entityId: string; now: Date } {
	return { companyId: sandbox.credentials.companyId, userId: sandbox.credentials.userId, entityId: '', now: sandbox.clock.now() };
}

/** First page (up to 1000) of a readByQuery run directly against the model, plus its totalcount. */
export function modelQuery(sandbox: Sandbox, object: string, query = '', fields = '*', pageSize = 1000): { records: RenderRecord[]; total: number } {
	const outcome = sandbox.company.execute(context(sandbox), readByQueryElement(object, fields, query, pageSize));
	if (outcome.kind !== 'data') throw new Error(`readByQuery ${object} returned ${outcome.kind}`);
	return { records: outcome.records.map((r) => r.fields), total: Number(outcome.attributes.totalcount ?? outcome.records.length) };
}

/** How many records of `object` match a readByQuery condition (e.g. "REFERENCENO like 'RES-%'"). */
export function modelCount(sandbox: Sandbox, object: string, query = ''): number {
	return modelQuery(sandbox, object, query, 'RECORDNO', 1).total;
}

export const text = (value: RenderValue | undefined): string => (typeof value === 'string' ? value : '');

export interface MasterData {
	journal: string;
	/** Income-statement accounts that need no dimension but accept a department. */
	expenseAccounts: string[];
	/** A balance-sheet account for credit lines. */
	creditAccount: string;
	vendorIds: string[];
	departmentIds: string[];
	locationIds: string[];
}

function requiresNothing(r: RenderRecord): boolean {
	return ['REQUIREDEPT', 'REQUIRELOC', 'REQUIREPROJECT', 'REQUIRECLASS'].every((f) => !/^(true|T)$/i.test(text(r[f])));
}

const isActive = (r: RenderRecord): boolean => !/inactive/i.test(text(r.STATUS));

export function discoverMasterData(sandbox: Sandbox): MasterData {
	const accounts = modelQuery(sandbox, 'GLACCOUNT').records.filter((r) => isActive(r) && requiresNothing(r));
	const byType = (code: RegExp) => accounts.filter((r) => code.test(text(r.ACCOUNTTYPE)));
	const expenseAccounts = byType(/^(incomestatement|I)$/i)
		.filter((r) => !/^(credit|-1)$/i.test(text(r.NORMALBALANCE)))
		.map((r) => text(r.ACCOUNTNO))
		.slice(0, 6);
	const balance = byType(/^(balancesheet|N)$/i).map((r) => text(r.ACCOUNTNO));
	const journals = modelQuery(sandbox, 'GLJOURNAL').records.filter(isActive).map((r) => text(r.SYMBOL));
	const master: MasterData = {
		journal: journals.includes('GJ') ? 'GJ' : journals[0] ?? '',
		expenseAccounts,
		creditAccount: balance.find((a) => /^2/.test(a)) ?? balance[0] ?? '',
		vendorIds: modelQuery(sandbox, 'VENDOR').records.filter(isActive).map((r) => text(r.VENDORID)).slice(0, 5),
		departmentIds: modelQuery(sandbox, 'DEPARTMENT').records.filter(isActive).map((r) => text(r.DEPARTMENTID)).slice(0, 4),
		locationIds: modelQuery(sandbox, 'LOCATION').records.filter(isActive).map((r) => text(r.LOCATIONID)).slice(0, 2),
	};
	const empty = Object.entries(master).filter(([, v]) => (Array.isArray(v) ? v.length === 0 : v === ''));
	if (empty.length > 0) throw new Error(`the sandbox company has no usable ${empty.map(([k]) => k).join(', ')}`);
	return master;
}
