/**
 * /workflows/{application}/{object}/{action}: actions on a record that are not a create, update or
 * delete (intacct-docs/rest/cash-management.md "POST /workflows/cash-management/credit-card-txn/reverse":
 * { key, reversedDate, memo } -> the reversing transaction). Each runs the model function the XML API
 * uses for the same action, so both protocols share its rules.
 */
import { ModelCalls } from './modelCalls';
import { el } from './objects/legacyWrites';
import { type Json, hrefOf } from './recordMapping';
import { RestError } from './restErrors';
import type { RestReply } from './objectService';

function text(body: { [key: string]: Json }, name: string): string {
	const value = body[name];
	return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
}

function reverseCardTransaction(calls: ModelCalls, body: { [key: string]: Json }): RestReply {
	const key = text(body, 'key');
	const date = text(body, 'reversedDate');
	const problems = [];
	if (!/^\d+$/.test(key)) problems.push({ field: 'key', message: 'key is required: the key of the credit card transaction to reverse' });
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
	if (!m) problems.push({ field: 'reversedDate', message: 'reversedDate is required, a date written yyyy-mm-dd' });
	if (problems.length > 0 || !m) throw RestError.invalidFields(problems);
	if (calls.readKeys('CCTRANSACTION', [key], 'cash-management/credit-card-txn').length === 0) throw RestError.notFound(`cash-management/credit-card-txn with key ${key} was not found`);
	const memo = text(body, 'memo');
	const fn = el('reverse_cctransaction', [el('datereversed', [el('year', m[1]), el('month', m[2]), el('day', m[3])]), ...(memo ? [el('memo', memo)] : [])], { key });
	const outcome = calls.execute(fn, 'reverse', 'cash-management/credit-card-txn');
	const reversal = outcome.kind === 'key' ? outcome.key : '';
	const name = 'cash-management/credit-card-txn';
	return { status: 200, body: { 'ia::result': { key: reversal, id: reversal, href: hrefOf(name, reversal), state: 'reversed' }, 'ia::meta': { totalCount: 1, totalSuccess: 1, totalError: 0 } } };
}

const WORKFLOWS: Record<string, (calls: ModelCalls, body: { [key: string]: Json }) => RestReply> = {
	'cash-management/credit-card-txn/reverse': reverseCardTransaction,
};

/** A workflow path below /workflows/, or undefined when the sandbox serves no such workflow. */
export function runWorkflow(calls: ModelCalls, method: string, path: string, body: Json | undefined): RestReply | undefined {
	const action = WORKFLOWS[path.replace(/^\/workflows\//, '')];
	if (!action) return undefined;
	if (method !== 'POST') throw new RestError(405, 'methodNotAllowed', `Method ${method} is not allowed for this resource`);
	if (body === null || body === undefined || typeof body !== 'object' || Array.isArray(body)) throw new RestError(400, 'invalidRequest', 'The request body must be a JSON object');
	return action(calls, body);
}
