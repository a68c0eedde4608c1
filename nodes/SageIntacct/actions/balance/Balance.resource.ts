import type { INodeProperties } from 'n8n-workflow';
import * as accountBalances from './accountBalances.operation';
import * as budgetVsActual from './budgetVsActual.operation';
import * as getBudgets from './getBudgets.operation';
import * as trialBalance from './trialBalance.operation';

export { accountBalances, budgetVsActual, getBudgets, trialBalance };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['balance'] } },
		options: [
			{ name: 'Account Balances', value: 'accountBalances', description: 'GL account balances for a date range, by any dimension', action: 'Get account balances' },
			{ name: 'Budget vs Actual', value: 'budgetVsActual', description: 'Budget, actual and remaining per project and account', action: 'Compare budget with actuals' },
			{ name: 'Get Budgets', value: 'getBudgets', description: 'GL budget details (GLBUDGETITEM)', action: 'Get budget details' },
			{ name: 'Trial Balance', value: 'trialBalance', description: 'Every account\'s start, debits, credits and end for a date range', action: 'Get the trial balance' },
		],
		default: 'accountBalances',
	},
	{
		// docs/rest-wire.md, "Balances over REST": Get Budgets runs over REST; the three report operations do not.
		displayName:
			'This operation runs over Web Services (XML) only: set Authentication to Web Services (XML). On Intacct\'s REST API, account balances and trial balances are reports of the asynchronous report service (/services/reports/general-ledger/...) that answer a rendered file (CSV, PDF, HTML...), not records; Get Budgets works over REST.',
		name: 'restBalanceNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: ['balance'], operation: ['accountBalances', 'budgetVsActual', 'trialBalance'], authentication: ['oAuth2'] } },
	},
	...accountBalances.description,
	...budgetVsActual.description,
	...getBudgets.description,
	...trialBalance.description,
];
