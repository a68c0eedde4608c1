/**
 * startSandbox(): the local Sage Intacct XML gateway (see sandbox/api.ts and docs/sandbox.md).
 * Builds the company model (sandbox/model, optionally from a --state file) and serves it.
 */
import type { Sandbox, SandboxOptions } from './api';
import { createCompany } from './model';
import { createSandboxClock } from './protocol/sandboxClock';
import { serveCompany } from './protocol/serveCompany';
import { loadState } from './protocol/statePersistence';

export type { Sandbox, SandboxOptions } from './api';

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	if (options.startTime !== undefined && Number.isNaN(options.startTime.getTime())) throw new Error('startSandbox: startTime is not a valid date');
	const clock = createSandboxClock(options.startTime);
	const now = (): Date => clock.now();
	const state = options.statePath !== undefined ? loadState(options.statePath) : undefined;
	const company = createCompany({ seed: options.seed, glEntryTarget: options.glEntryTarget, state: state?.company, now });
	return serveCompany(company, clock, options, state?.completedFunctionIds);
}

export { setDefaultRequestInspector } from './protocol/requestInspection';
export type { InspectedRequest, RequestInspector } from './protocol/requestInspection';
