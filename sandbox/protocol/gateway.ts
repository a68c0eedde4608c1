/**
 * One gateway request from body text to response XML, without HTTP (the server and the faults wrap
 * it): envelope validation -> sender check -> authentication -> uniqueid claims -> company slot ->
 * functions -> rendering. Order of checks follows §3.1's three status levels.
 */
import type { ApiError, CompanyModel } from '../model/contract';
import { SANDBOX_SENDERS } from '../model/contract';
import { authenticate } from './authentication';
import type { ChangeGate } from './changeGate';
import type { CompanySlots } from './companySlots';
import { BAD_SENDER, SIGN_IN_REJECTED_401, TOO_MANY_OPERATIONS, UNKNOWN_COMPANY_INVALID_REQUEST, schemaError } from './gatewayErrors';
import { createGetApiSession } from './getApiSession';
import { runOperation } from './operationRunner';
import { type ControlEcho, type RequestEnvelope, readRequestEnvelope } from './requestEnvelope';
import { type OperationBlock, renderBareControlFailure, renderControlFailure, renderResponse } from './responseRendering';
import { absoluteRecordLinks } from './recordLinks';
import { controlFailureOutcome, operationsOutcome } from './requestOutcome';
import { isoWithOffset } from './sandboxClock';
import type { SessionStore } from './sessions';
import type { UniqueFunctionIds } from './uniqueFunctionIds';
import type { ParsedXml } from './xml/parseXml';

export interface GatewayDeps {
	company: CompanyModel;
	sessions: SessionStore;
	uniqueIds: UniqueFunctionIds;
	slots: CompanySlots;
	changes: ChangeGate;
	now: () => Date;
	endpointUrl: () => string;
	log: (line: string) => void;
}

export interface GatewayHooks {
	/** Runs while the request holds its company slot (if it needed one), before any function: injected latency. */
	whileHoldingSlot?: () => Promise<void>;
	/** Fault injection: answer "too many operations" without running anything. */
	tooManyOperations?: boolean;
	/** Request-level opt-in to the duplicate-without-<status> quirk (intacct-sdk-js #70). */
	duplicateWithoutStatus?: boolean;
	/** The gateway URL as this request addressed it (getAPISession's <endpoint>); default deps.endpointUrl(). */
	endpointUrl?: string;
}

export interface GatewayReply {
	httpStatus: number;
	body: string;
	/** One line for the request log: what happened (the HTTP status is 200 either way). */
	outcome: string;
}

/** Best-effort echo when the XML does not parse (the doc's example still echoes senderid/controlid, §3.4). */
function echoFromText(body: string): ControlEcho {
	const control = /<control>([\s\S]*?)<\/control>/.exec(body)?.[1] ?? '';
	const pick = (name: string): string => new RegExp(`<${name}>([^<]*)</${name}>`).exec(control)?.[1] ?? '';
	return { senderId: pick('senderid'), controlId: pick('controlid'), uniqueId: pick('uniqueid'), dtdVersion: pick('dtdversion') };
}

export class Gateway {
	private readonly getApiSession;

	constructor(private readonly deps: GatewayDeps) {
		this.getApiSession = createGetApiSession(deps.company, deps.sessions);
	}

	async handle(rawBody: string, parsed: ParsedXml, hooks: GatewayHooks = {}): Promise<GatewayReply> {
		if (!parsed.ok) return this.controlFailure(echoFromText(rawBody), 'malformed XML', [schemaError(parsed.description2)], true);
		const read = readRequestEnvelope(parsed.root);
		if (!read.ok) return this.controlFailure(read.echo, 'request does not match the schema', [schemaError(read.description2)], read.includeWhitespace);
		const envelope = read.envelope;
		const { control } = envelope;
		if (SANDBOX_SENDERS[control.senderId] !== control.password) {
			return this.controlFailure(control, `sender ${control.senderId} not accepted`, [BAD_SENDER], control.includeWhitespace);
		}
		return this.runAuthenticated(envelope, hooks);
	}

	private controlFailure(echo: ControlEcho, kind: string, errors: ApiError[], includeWhitespace: boolean): GatewayReply {
		return { httpStatus: 200, body: renderControlFailure(echo, errors, includeWhitespace), outcome: controlFailureOutcome(kind, errors) };
	}

	private async runAuthenticated(envelope: RequestEnvelope, hooks: GatewayHooks): Promise<GatewayReply> {
		const { control } = envelope;
		const { company, sessions, uniqueIds, slots } = this.deps;
		const auths = envelope.operations.map((operation) => authenticate(operation.authentication, control.senderId, company, sessions));
		const refused = auths.find((auth) => !auth.ok && auth.gateway !== undefined);
		if (refused !== undefined && !refused.ok) {
			if (refused.gateway === 'invalidRequest') {
				return this.controlFailure(control, 'unknown company', [UNKNOWN_COMPANY_INVALID_REQUEST], control.includeWhitespace);
			}
			return { httpStatus: 401, body: renderBareControlFailure([SIGN_IN_REJECTED_401]), outcome: controlFailureOutcome('sign-in failed', [SIGN_IN_REJECTED_401]) };
		}
		const controlIds = envelope.operations.flatMap((operation, index) => (auths[index].ok ? operation.functions.map((f) => f.controlId) : []));
		const claimed = control.uniqueIdEnabled ? new Set(uniqueIds.claim(company.companyId, control.senderId, controlIds)) : new Set<string>();
		const needsSlot = auths.some((auth) => auth.ok);
		const endpointUrl = hooks.endpointUrl ?? this.deps.endpointUrl();
		try {
			if (needsSlot && (hooks.tooManyOperations === true || !(await slots.acquire(company.companyId)))) {
				// §4.7: the level of this failure is UNCERTAIN; a control failure says "nothing ran".
				return this.controlFailure(control, 'too many operations', [TOO_MANY_OPERATIONS], control.includeWhitespace);
			}
			try {
				await hooks.whileHoldingSlot?.();
				const now = this.deps.now();
				const operations: OperationBlock[] = envelope.operations.map((operation, index) => {
					const auth = auths[index];
					if (!auth.ok) return { authentication: { ok: false, userId: auth.userId, companyId: auth.companyId, errors: [auth.error] }, results: [] };
					// The timestamp is when the session was last touched, so timeout - timestamp is exactly the duration.
					const expiresAt = auth.caller.session?.expiresAt ?? now.getTime() + sessions.timeoutMs;
					const touchedAt = new Date(expiresAt - sessions.timeoutMs);
					const results = runOperation(
						{
							company,
							changes: this.deps.changes,
							uniqueIds,
							now: this.deps.now,
							protocolFunctions: { getAPISession: (caller, fn) => this.getApiSession(caller, fn, endpointUrl) },
							log: this.deps.log,
						},
						auth.caller,
						operation,
						{ enabled: control.uniqueIdEnabled, senderId: control.senderId, claimed, duplicateWithoutStatus: hooks.duplicateWithoutStatus === true },
					);
					for (const result of results) absoluteRecordLinks(result.outcome, endpointUrl);
					return {
						authentication: {
							ok: true,
							userId: auth.caller.userId,
							companyId: auth.caller.companyId,
							entityId: auth.caller.entityId,
							sessionTimestamp: isoWithOffset(touchedAt),
							sessionTimeout: isoWithOffset(new Date(expiresAt)),
						},
						results,
					};
				});
				return { httpStatus: 200, body: renderResponse(control, operations, control.includeWhitespace), outcome: operationsOutcome(operations) };
			} finally {
				if (needsSlot) slots.release(company.companyId);
			}
		} finally {
			uniqueIds.release(company.companyId, control.senderId, [...claimed]);
		}
	}
}
