/**
 * Reads the executions a running n8n recorded, straight from its sqlite database (execution_entity +
 * execution_data), with the sqlite3 and flatted modules of the n8n runtime itself.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { N8nInstance } from './n8n';

interface Sqlite3Database {
	all(sql: string, params: unknown[], callback: (error: Error | null, rows: unknown[]) => void): void;
	close(callback?: (error: Error | null) => void): void;
}
interface Sqlite3Module {
	OPEN_READONLY: number;
	Database: new (file: string, mode: number, callback: (error: Error | null) => void) => Sqlite3Database;
}
interface Flatted {
	parse(text: string): unknown;
}

export interface RecordedExecution {
	id: string;
	status: string;
	mode: string;
	finished: boolean;
	startedAt: string;
	/** The run data (unflattened) or undefined when n8n did not keep it. */
	data?: { resultData?: { runData?: Record<string, Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> } }>>; error?: unknown; lastNodeExecuted?: string } };
}

function runtimeRequire(instance: N8nInstance): NodeJS.Require {
	return createRequire(join(instance.runtimeDir, 'node_modules', 'n8n', 'package.json'));
}

export async function recordedExecutions(instance: N8nInstance, workflowId: string): Promise<RecordedExecution[]> {
	const req = runtimeRequire(instance);
	const sqlite3 = req('sqlite3') as Sqlite3Module;
	const flatted = req('flatted') as Flatted;
	const file = join(instance.userFolder, '.n8n', 'database.sqlite');
	const db = await new Promise<Sqlite3Database>((resolve, reject) => {
		const d = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (error) => (error ? reject(error) : resolve(d)));
	});
	try {
		const rows = await new Promise<unknown[]>((resolve, reject) =>
			db.all(
				'SELECT e.id AS id, e.status AS status, e.mode AS mode, e.finished AS finished, e.startedAt AS startedAt, d.data AS data ' +
					'FROM execution_entity e LEFT JOIN execution_data d ON d.executionId = e.id WHERE e.workflowId = ? ORDER BY e.id',
				[workflowId],
				(error, r) => (error ? reject(error) : resolve(r)),
			),
		);
		return (rows as Array<Record<string, unknown>>).map((r) => ({
			id: String(r.id),
			status: String(r.status),
			mode: String(r.mode),
			finished: r.finished === 1 || r.finished === true,
			startedAt: String(r.startedAt),
			data: typeof r.data === 'string' && r.data !== '' ? (flatted.parse(r.data) as RecordedExecution['data']) : undefined,
		}));
	} finally {
		db.close();
	}
}

/** Output items of a node in a recorded execution ([] when it did not run or produced nothing). */
export function recordedNodeOutput(execution: RecordedExecution, nodeName: string): Array<Record<string, unknown>> {
	const runs = execution.data?.resultData?.runData?.[nodeName];
	if (!runs || runs.length === 0) return [];
	return (runs[runs.length - 1].data?.main ?? []).flatMap((o) => o ?? []).map((i) => i.json);
}

export function ranNodes(execution: RecordedExecution): string[] {
	return Object.keys(execution.data?.resultData?.runData ?? {});
}

/** The raw stored run data of every execution (all workflows), to look for secrets in it. */
export async function allExecutionDataText(instance: N8nInstance): Promise<string[]> {
	const req = runtimeRequire(instance);
	const sqlite3 = req('sqlite3') as Sqlite3Module;
	const file = join(instance.userFolder, '.n8n', 'database.sqlite');
	const db = await new Promise<Sqlite3Database>((resolve, reject) => {
		const d = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (error) => (error ? reject(error) : resolve(d)));
	});
	try {
		const rows = await new Promise<unknown[]>((resolve, reject) =>
			db.all('SELECT data FROM execution_data', [], (error, r) => (error ? reject(error) : resolve(r))),
		);
		return (rows as Array<Record<string, unknown>>).map((r) => String(r.data ?? ''));
	} finally {
		db.close();
	}
}
