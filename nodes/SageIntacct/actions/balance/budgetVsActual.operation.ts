import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { entityOption, getClient } from '../../../shared/intacct/n8n/client';
import { ItemValidationError } from '../../../shared/intacct/n8n/errors';
import { optionalField, requiredText } from '../../../shared/intacct/n8n/parameters';
import { collectPages, quote, runPerItem } from '../../../shared/intacct/n8n/reads';
import { parseAmount, toCents, toDecimal } from '../../../shared/intacct/records/amounts';
import { legacyFunction, readByQuery } from '../../../shared/intacct/xml/functions';
import { fieldText } from '../../../shared/intacct/xml/responseReader';
import { entityIdProperty } from '../common.descriptions';
import { balanceRangeProperties, readRange } from './accountBalances.operation';
import { accountRange, dateBlock, monthPeriodNames } from './shared';

/**
 * Budget vs actual per project (grant) and account for a date range: actuals from
 * get_accountbalancesbydimensions grouped by project (computed by Intacct from the GL), budgets from
 * the budget's GLBUDGETITEM details of the monthly periods in the range. dtdversion 3.0's schema has no
 * contentselection/budgetid on the balances function, so the two are read separately and joined here.
 */
const properties: INodeProperties[] = [
	{ displayName: 'Budget ID', name: 'budgetId', type: 'string', required: true, default: '', placeholder: 'e.g. Grant Budgets', description: 'BUDGETID of the GL budget' },
	...balanceRangeProperties,
	{ displayName: 'From Account', name: 'fromAccount', type: 'string', default: '', placeholder: 'e.g. 5000' },
	{ displayName: 'To Account', name: 'toAccount', type: 'string', default: '', placeholder: 'e.g. 7999' },
	{ displayName: 'Project ID', name: 'projectId', type: 'string', default: '', description: 'Only this project (grant); empty: every project' },
	entityIdProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['balance'], operation: ['budgetVsActual'] } }, properties);

interface Row {
	projectId: string;
	accountNo: string;
	budget: number;
	actual: number;
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem.call(this, async (i) => {
		const what = `Budget vs actual (item ${i + 1})`;
		const budgetId = requiredText(this, 'budgetId', i, what);
		const { start, end } = readRange(this, i, what);
		const range = accountRange(what, undefined, optionalField(what, 'fromAccount', this.getNodeParameter('fromAccount', i, '')), optionalField(what, 'toAccount', this.getNodeParameter('toAccount', i, '')));
		const projectId = optionalField(what, 'projectId', this.getNodeParameter('projectId', i, ''));
		const client = getClient(this);
		const options = entityOption(this, i);
		const actuals = await client.execute(
			legacyFunction('get_accountbalancesbydimensions', { startdate: dateBlock(start), enddate: dateBlock(end), ...range, projectid: projectId, groupby: 'project' }),
			options,
		);
		const periods = monthPeriodNames(start, end);
		if (periods.length > 120) throw new ItemValidationError(`${what}: the range covers ${periods.length} months; give at most 10 years`);
		const conditions = [`BUDGETID = ${quote(budgetId)}`, `PERIODNAME IN (${periods.map(quote).join(',')})`];
		if (projectId) conditions.push(`PROJECTID = ${quote(projectId)}`);
		if (range.startaccountno && range.endaccountno) conditions.push(`ACCT_NO >= ${quote(range.startaccountno)} AND ACCT_NO <= ${quote(range.endaccountno)}`);
		const budgetItems = await collectPages(client, readByQuery({ object: 'GLBUDGETITEM', fields: ['ACCT_NO', 'PROJECTID', 'AMOUNT'], query: conditions.join(' AND '), pageSize: 1000 }), options, true, 0);
		const rows = new Map<string, Row>();
		const row = (project: string, account: string): Row => {
			const key = `${project}\u0000${account}`;
			let r = rows.get(key);
			if (!r) rows.set(key, (r = { projectId: project, accountNo: account, budget: 0, actual: 0 }));
			return r;
		};
		for (const b of budgetItems) row(fieldText(b.PROJECTID) ?? '', fieldText(b.ACCT_NO) ?? '').budget += toCents(parseAmount(fieldText(b.AMOUNT) || '0'));
		for (const a of actuals.records) {
			const project = fieldText(a.projectid) ?? '';
			if (projectId && project !== projectId) continue;
			row(project, fieldText(a.glaccountno) ?? '').actual += toCents(parseAmount(fieldText(a.periodbalance) || '0'));
		}
		const out: IDataObject[] = [...rows.values()]
			.sort((a, b) => (a.projectId === b.projectId ? a.accountNo.localeCompare(b.accountNo) : a.projectId.localeCompare(b.projectId)))
			.map((r) => ({
				budgetId,
				projectId: r.projectId,
				accountNo: r.accountNo,
				startDate: start,
				endDate: end,
				budget: Number(toDecimal(r.budget)),
				actual: Number(toDecimal(r.actual)),
				remaining: Number(toDecimal(r.budget - r.actual)),
				percentSpent: r.budget === 0 ? null : Math.round((r.actual / r.budget) * 10000) / 100,
			}));
		return out;
	});
}
