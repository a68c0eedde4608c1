/**
 * POST /workflows/{application}/{object}/{action}: state changes that are not a PATCH
 * (accounts-payable.md "Reverse a payment or void a check": { key, paymentDate, description } ->
 * { key, id, href, state }). Each runs the model's own function (reverse_appayment), so both
 * protocols share its rules. Choices the reference leaves open: docs/fidelity-rest.md.
 */
import type { XmlElement } from '../model/contract';
import { ModelCalls, element } from './modelCalls';
import type { RestReply } from './objectService';
import { PAYMENT_STATES } from './objects/apPayments';
import { type Json, type JsonObject, hrefOf, modelValue } from './recordMapping';
import { RestError } from './restErrors';

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

const WORKFLOWS: Record<string, Workflow> = {
	'accounts-payable/payment/reverse': reverseApPayment,
};

export function runWorkflow(calls: ModelCalls, method: string, path: string, body: Json | undefined): RestReply {
	const name = path.replace(/^\/workflows\//, '').replace(/\/$/, '');
	const workflow = WORKFLOWS[name];
	if (workflow === undefined) throw new RestError(404, 'notFound', `Resource /workflows/${name} is not found or not supported by the sandbox`);
	if (method !== 'POST') throw new RestError(405, 'methodNotAllowed', `Method ${method} is not allowed for this resource`);
	if (body === null || body === undefined || typeof body !== 'object' || Array.isArray(body)) throw new RestError(400, 'invalidRequest', 'The request body must be a JSON object');
	return workflow(calls, body);
}
