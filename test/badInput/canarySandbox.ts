/**
 * A sandbox whose company has one more Web Services user, whose password carries a canary. The
 * suites sign in as that user, so the canary travels in every sign-in the node makes; no output,
 * error or log may ever show it. (Built through the public state file: the demo company is saved
 * with the extra user and startSandbox({ statePath }) loads it.)
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox/api';
import { createCompany } from '../../sandbox/model';
import type { SandboxUser } from '../../sandbox/model/contract';

export const CANARY = 'CANARY-7f3a';
export const CANARY_USER = { userId: 'ws_canary', userPassword: `pw-${CANARY}-user` };

export interface CanarySandbox {
	sandbox: Sandbox;
	/** sageIntacctApi credential values signing in as the canary user. */
	credentials: Record<string, string>;
	close(): Promise<void>;
}

export async function startCanarySandbox(): Promise<CanarySandbox> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'canary-sandbox-'));
	const statePath = path.join(dir, 'state.json');
	const state = createCompany().toJSON() as { identity: { users: SandboxUser[] } };
	state.identity.users.push({ userId: CANARY_USER.userId, password: CANARY_USER.userPassword, entities: [] });
	fs.writeFileSync(statePath, JSON.stringify(state));
	const sandbox = await startSandbox({ port: 0, statePath });
	return {
		sandbox,
		credentials: { ...sandbox.credentials, ...CANARY_USER },
		close: async () => {
			await sandbox.close();
			fs.rmSync(dir, { recursive: true, force: true });
		},
	};
}
