/**
 * The bad-input suites' set-up: the canary sandbox, the master data the corpus documents use, the
 * node's parameters per target, and lookups of what the sandbox holds for a document.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { billCreateParameters, journalEntryCreateParameters, vendorCreateParameters } from '../support/nodeWorkflows';
import { discoverMasterData, modelQuery } from '../support/sandboxModel';
import type { Sandbox } from '../../sandbox/api';
import type { RenderRecord } from '../../sandbox/model/contract';
import { startCanarySandbox, type CanarySandbox } from './canarySandbox';
import type { CorpusMasterData, WriteCase } from './corpus';

export async function startCorpusSandbox(): Promise<{ canary: CanarySandbox; master: CorpusMasterData }> {
	const canary = await startCanarySandbox();
	const md = discoverMasterData(canary.sandbox);
	return {
		canary,
		master: {
			vendorId: md.vendorIds[0],
			expenseAccount: md.expenseAccounts[0],
			creditAccount: md.creditAccount,
			journal: md.journal,
			departmentId: md.departmentIds[0],
			locationId: md.locationIds[0],
		},
	};
}

export function parametersFor(target: WriteCase['target']): INodeParameters {
	if (target === 'journalEntry') return journalEntryCreateParameters();
	if (target === 'bill') return billCreateParameters();
	return vendorCreateParameters();
}

const quoted = (value: unknown) => `'${String(value).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** The records the sandbox holds for a document, found by its business key. */
export function storedFor(sandbox: Sandbox, target: WriteCase['target'], doc: IDataObject): RenderRecord[] {
	if (target === 'journalEntry') return modelQuery(sandbox, 'GLBATCH', `REFERENCENO = ${quoted(doc.referenceNo)}`).records;
	if (target === 'bill') {
		// A bill without a number is found by its (unique) description instead.
		return doc.billNumber === undefined
			? modelQuery(sandbox, 'APBILL', `DESCRIPTION = ${quoted(doc.description)}`).records
			: modelQuery(sandbox, 'APBILL', `RECORDID = ${quoted(doc.billNumber)}`).records;
	}
	return modelQuery(sandbox, 'VENDOR', `VENDORID = ${quoted(doc.vendorId)}`).records;
}

/** Creates the sandbox received (a locally rejected item must add none). */
export const createsReceived = (sandbox: Sandbox): number => sandbox.stats.functions.create ?? 0;
