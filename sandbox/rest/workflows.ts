/**
 * POST /workflows/{application}/{object}/{action}: state changes that are not a PATCH
 * (accounts-payable.md "Reverse a payment or void a check": { key, paymentDate, description } ->
 * { key, id, href, state }; cash-management.md "POST /workflows/cash-management/credit-card-txn/reverse":
 * { key, reversedDate, memo } -> the reversing transaction). Each runs the model's own function
 * (reverse_appayment, reverse_cctransaction), so both protocols share its rules. Choices the
 * reference leaves open: docs/fidelity-rest.md.
 */
import type { XmlElement } from '../model/contract';
import { ModelCalls, element } from './modelCalls';
import type { RestReply } from './objectService';
import { PAYMENT_STATES } from './objects/apPayments';
import { type Json, type JsonObject, hrefOf, modelValue } from './recordMapping';
import { RestError } from './restErrors';
import { el } from './objects/legacyWrites';

type Workflow = (calls: ModelCalls, body: JsonObject) => RestReply;

function text(body: JsonObject, name: string, required: boolean): string | undefined {
	const value = body[name];
	if (value === undefined || value === null || value === '') {
		if (required) throw RestError.invalidFields([{ field: name, message: `${name} is required` }]);
		return undefined;
	}
	if (typeof value !== 'string' && typeof value !== 'number') throw RestError.invalidFields([{ field: name, message: `${name} must be a string` }]);
	return String(value);
}

function reply(objectName: string, key: string, state: string): RestReply {
	return { status: 200, body: { 'ia::result': { key, id: key, href: hrefOf(objectName, key), state }, 'ia::meta': { totalCount: 1, totalSuccess: 1, totalError: 0 } } };
}

const AP_PAYMENT = 'accounts-payable/payment';

/** Reverse (void) a payment: the model's reverse_appayment with datereversed = paymentDate. */
const reverseApPayment: Workflow = (calls, body) => {
	const key = text(body, 'key', true)!;
	const date = text(body, 'paymentDate', true)!;
	const description = text(body, 'description', false);
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
	if (!m) throw RestError.invalidFields([{ field: 'paymentDate', message: 'paymentDate must be a date written yyyy-mm-dd' }]);
	if (!/^\d+$/.test(key) || calls.readKeys('APPYMT', [key], AP_PAYMENT).length === 0) throw RestError.notFound(`${AP_PAYMENT} with key ${key} was not found`);
	const children: XmlElement[] = [element('datereversed', [element('year', m[1]), element('month', m[2]), element('day', m[3])])];
	if (description !== undefined) children.push(element('description', description));
	const fn: XmlElement = { ...element('reverse_appayment', children), attributes: { key } };
	calls.execute(fn, 'reverse', AP_PAYMENT);
	const [after] = calls.readKeys('APPYMT', [key], AP_PAYMENT);
	const label = after === undefined ? '' : modelValue(after, 'STATE');
	return reply(AP_PAYMENT, key, PAYMENT_STATES.find(([, l]) => l === label)?.[0] ?? label);
};

function cardText(body: { [key: string]: Json }, name: string): string {
	const value = body[name];
	return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
}

/** Reverse a charge card transaction: the model's reverse_cctransaction; answers the reversing transaction. */
const reverseCardTransaction: Workflow = (calls, body) => {
	const key = cardText(body, 'key');
	const date = cardText(body, 'reversedDate');
	const problems = [];
	if (!/^\d+$/.test(key)) problems.push({ field: 'key', message: 'key is required: the key of the credit card transaction to reverse' });
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
	if (!m) problems.push({ field: 'reversedDate', message: 'reversedDate is required, a date written yyyy-mm-dd' });
	if (problems.length > 0 || !m) throw RestError.invalidFields(problems);
	if (calls.readKeys('CCTRANSACTION', [key], 'cash-management/credit-card-txn').length === 0) throw RestError.notFound(`cash-management/credit-card-txn with key ${key} was not found`);
	const memo = cardText(body, 'memo');
	const fn = el('reverse_cctransaction', [el('datereversed', [el('year', m[1]), el('month', m[2]), el('day', m[3])]), ...(memo ? [el('memo', memo)] : [])], { key });
	const outcome = calls.execute(fn, 'reverse', 'cash-management/credit-card-txn');
	const reversal = outcome.kind === 'key' ? outcome.key : '';
	const name = 'cash-management/credit-card-txn';
	return { status: 200, body: { 'ia::result': { key: reversal, id: reversal, href: hrefOf(name, reversal), state: 'reversed' }, 'ia::meta': { totalCount: 1, totalSuccess: 1, totalError: 0 } } };
};

const WORKFLOWS: Record<string, Workflow> = {
	'accounts-payable/payment/reverse': reverseApPayment,
	'cash-management/credit-card-txn/reverse': reverseCardTransaction,
};

export function runWorkflow(calls: ModelCalls, method: string, path: string, body: Json | undefined): RestReply {
	const name = path.replace(/^\/workflows\//, '').replace(/\/$/, '');
	const workflow = WORKFLOWS[name];
	if (workflow === undefined) throw new RestError(404, 'notFound', `Resource /workflows/${name} is not found or not supported by the sandbox`);
	if (method !== 'POST') throw new RestError(405, 'methodNotAllowed', `Method ${method} is not allowed for this resource`);
	if (body === null || body === undefined || typeof body !== 'object' || Array.isArray(body)) throw new RestError(400, 'invalidRequest', 'The request body must be a JSON object');
	return workflow(calls, body);
}
