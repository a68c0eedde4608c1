/** --state: committed writes are saved (debounced) and the final state is saved on close. */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSandboxClock } from '../../../sandbox/protocol/sandboxClock';
import { serveCompany } from '../../../sandbox/protocol/serveCompany';
import { loadState } from '../../../sandbox/protocol/statePersistence';
import { call, fn, waitFor } from './gatewayClient';
import { scriptedCompany } from './scriptedCompany';

let dir: string;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'sandbox-state-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The company part of a saved state file. */
const saved = (path: string): unknown => (JSON.parse(readFileSync(path, 'utf8')) as { company: unknown }).company;

it('saves after a committed write and again on close', async () => {
	const statePath = join(dir, 'state.json');
	const sandbox = await serveCompany(scriptedCompany(), createSandboxClock(), { statePath });
	try {
		await call(sandbox.url, fn('r', '<echo/>'));
		expect(existsSync(statePath)).toBe(false); // reads are not writes
		await call(sandbox.url, fn('w', '<write><id>1</id></write>'));
		await waitFor(() => existsSync(statePath));
		expect(saved(statePath)).toEqual({ rows: [{ id: '1', amount: '', description: '' }] });
		await call(sandbox.url, fn('w', '<write><id>2</id></write>'));
	} finally {
		await sandbox.close();
	}
	expect(saved(statePath)).toEqual({ rows: [expect.objectContaining({ id: '1' }), expect.objectContaining({ id: '2' })] });
});

it('saves the rolled-back state, not the aborted writes', async () => {
	const statePath = join(dir, 'state.json');
	const sandbox = await serveCompany(scriptedCompany(), createSandboxClock(), { statePath });
	await call(sandbox.url, fn('a', '<write><id>1</id></write>') + fn('b', '<fail/>'), { transaction: true });
	await sandbox.close();
	expect(saved(statePath)).toEqual({ rows: [] });
});

it('loadState returns undefined for a missing file, the company and completed controlids otherwise', async () => {
	expect(loadState(join(dir, 'none.json'))).toBeUndefined();
	const statePath = join(dir, 'state.json');
	const sandbox = await serveCompany(scriptedCompany([{ id: '9', amount: '1', description: 'x' }]), createSandboxClock(), { statePath });
	await sandbox.close();
	expect(loadState(statePath)).toEqual({ company: { rows: [{ id: '9', amount: '1', description: 'x' }] }, completedFunctionIds: {} });
});

it('saves the uniqueid controlids that completed, per company and sender', async () => {
	const statePath = join(dir, 'state.json');
	const sandbox = await serveCompany(scriptedCompany(), createSandboxClock(), { statePath });
	await call(sandbox.url, fn('w-1', '<write><id>1</id></write>'), { uniqueId: true });
	await sandbox.close();
	const state = loadState(statePath);
	expect(Object.values(state?.completedFunctionIds ?? {})).toEqual([['w-1']]);
});
