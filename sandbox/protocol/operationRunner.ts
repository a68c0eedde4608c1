/**
 * Runs the functions of one authenticated <operation> (§1.4, §3.7, §7): in request order, through
 * the model, with transaction="true" rollback and uniqueid=true duplicate detection.
 */
import { BusinessError, type ApiError, type CallContext, type CompanyModel, type FunctionOutcome } from '../model/contract';
import type { AuthenticatedCaller } from './authentication';
import type { ChangeGate } from './changeGate';
import { TRANSACTION_ROLLED_BACK, functionAlreadyExecuted, functionInProcess } from './gatewayErrors';
import type { RequestFunction, RequestOperation } from './requestEnvelope';
import type { FunctionResult } from './responseRendering';
import type { UniqueFunctionIds } from './uniqueFunctionIds';

/** getAPISession needs the session store, so the protocol layer answers it, not the model. */
export type ProtocolFunction = (caller: AuthenticatedCaller, fn: RequestFunction) => FunctionOutcome;

export interface OperationRunnerDeps {
	company: CompanyModel;
	changes: ChangeGate;
	uniqueIds: UniqueFunctionIds;
	now: () => Date;
	protocolFunctions: Record<string, ProtocolFunction>;
	/** Unexpected (non-BusinessError) exceptions are logged, never swallowed silently. */
	log: (line: string) => void;
}

export interface UniqueIdScope {
	enabled: boolean;
	senderId: string;
	/** Function controlids this request claimed as in flight (the others belong to another request). */
	claimed: ReadonlySet<string>;
	/** Reproduce intacct-sdk-js #70: duplicate results without <status> (request header opt-in). */
	duplicateWithoutStatus: boolean;
}

type Attempt = { ok: true; outcome: FunctionOutcome } | { ok: false; errors: ApiError[] };

function runOne(deps: OperationRunnerDeps, caller: AuthenticatedCaller, fn: RequestFunction): Attempt {
	try {
		const special = deps.protocolFunctions[fn.body.name];
		if (special !== undefined) return { ok: true, outcome: special(caller, fn) };
		const ctx: CallContext = { companyId: caller.companyId, userId: caller.userId, entityId: caller.entityId, now: deps.now() };
		return { ok: true, outcome: deps.company.execute(ctx, fn.body) };
	} catch (error: unknown) {
		if (error instanceof BusinessError) return { ok: false, errors: error.errors };
		const message = error instanceof Error ? error.message : String(error);
		deps.log(`internal error in ${fn.body.name} (${fn.controlId}): ${message}`);
		return { ok: false, errors: [{ errorno: 'SANDBOX-INTERNAL', description: 'Sandbox internal error', description2: message, correction: '' }] };
	}
}

export function runOperation(
	deps: OperationRunnerDeps,
	caller: AuthenticatedCaller,
	operation: RequestOperation,
	unique: UniqueIdScope,
): FunctionResult[] {
	const results: FunctionResult[] = [];
	const succeeded: string[] = [];
	const snapshot = operation.transaction ? deps.company.snapshot() : undefined;
	if (operation.transaction) deps.changes.begin();
	let failedAt = -1;

	for (const [index, fn] of operation.functions.entries()) {
		const base = { functionName: fn.body.name, controlId: fn.controlId };
		if (failedAt >= 0) {
			// §3.7: what follows the failing function is UNCERTAIN; reported as aborted (safest).
			results.push({ ...base, status: 'aborted', errors: [TRANSACTION_ROLLED_BACK] });
			continue;
		}
		let attempt: Attempt;
		if (unique.enabled && deps.uniqueIds.check(caller.companyId, unique.senderId, fn.controlId) === 'completed') {
			if (unique.duplicateWithoutStatus) {
				results.push({ ...base, status: null, errors: [functionAlreadyExecuted(fn.controlId)] });
				if (operation.transaction) failedAt = index;
				continue;
			}
			attempt = { ok: false, errors: [functionAlreadyExecuted(fn.controlId)] };
		} else if (unique.enabled && !unique.claimed.has(fn.controlId)) {
			attempt = { ok: false, errors: [functionInProcess(fn.controlId)] };
		} else {
			attempt = runOne(deps, caller, fn);
		}
		if (attempt.ok) {
			results.push({ ...base, status: 'success', outcome: attempt.outcome, errors: [] });
			succeeded.push(fn.controlId);
			if (!operation.transaction && unique.enabled) deps.uniqueIds.markCompleted(caller.companyId, unique.senderId, fn.controlId);
		} else {
			results.push({ ...base, status: 'failure', errors: attempt.errors });
			if (operation.transaction) failedAt = index;
		}
	}

	if (!operation.transaction) return results;
	if (failedAt < 0) {
		deps.changes.commit();
		if (unique.enabled) for (const id of succeeded) deps.uniqueIds.markCompleted(caller.companyId, unique.senderId, id);
		return results;
	}
	// §3.7 / §12.14: roll everything back; earlier results aborted + XL03000009, the failing one keeps
	// its own errors followed by XL03000009.
	deps.company.restore(snapshot);
	deps.changes.rollback();
	return results.map((result, index) => {
		if (index < failedAt) return { functionName: result.functionName, controlId: result.controlId, status: 'aborted', errors: [TRANSACTION_ROLLED_BACK] };
		if (index === failedAt) return { ...result, outcome: undefined, errors: [...result.errors, TRANSACTION_ROLLED_BACK] };
		return result;
	});
}
