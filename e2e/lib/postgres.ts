/**
 * Reads what n8n recorded in its Postgres database (queue mode): executions of a workflow with their
 * run data, and a workflow's static data. Uses the `pg` and `flatted` modules of the n8n runtime
 * itself, so the suite adds no dependency.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { RecordedExecution } from './executions';

export interface PgSettings {
	host: string;
	port: number;
	database: string;
	user: string;
}

interface PgClient {
	connect(): Promise<void>;
	query(sql: string, params?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }>;
	end(): Promise<void>;
}

function runtimeRequire(runtimeDir: string): NodeJS.Require {
	return createRequire(join(runtimeDir, 'node_modules', 'n8n', 'package.json'));
}

export async function withPg<T>(runtimeDir: string, pg: PgSettings, use: (client: PgClient) => Promise<T>): Promise<T> {
	const { Client } = runtimeRequire(runtimeDir)('pg') as { Client: new (config: PgSettings) => PgClient };
	const client = new Client(pg);
	await client.connect();
	try {
		return await use(client);
	} finally {
		await client.end();
	}
}

export interface PgExecution extends RecordedExecution {
	stoppedAt: string | null;
}

/** Executions of a workflow (oldest first), with run data when `withData`. */
export async function pgExecutions(runtimeDir: string, pg: PgSettings, workflowId: string, withData = true): Promise<PgExecution[]> {
	const flatted = runtimeRequire(runtimeDir)('flatted') as { parse(text: string): unknown };
	return await withPg(runtimeDir, pg, async (client) => {
		const r = await client.query(
			`SELECT e.id, e.status, e.mode, e.finished, e."startedAt", e."stoppedAt"${withData ? ', d.data' : ''}
			   FROM execution_entity e ${withData ? 'LEFT JOIN execution_data d ON d."executionId" = e.id' : ''}
			  WHERE e."workflowId" = $1 ORDER BY e.id::bigint`,
			[workflowId],
		);
		return r.rows.map((row) => ({
			id: String(row.id),
			status: String(row.status),
			mode: String(row.mode),
			finished: row.finished === true,
			startedAt: row.startedAt === null ? '' : new Date(String(row.startedAt)).toISOString(),
			stoppedAt: row.stoppedAt === null ? null : new Date(String(row.stoppedAt)).toISOString(),
			data: typeof row.data === 'string' && row.data !== '' ? (flatted.parse(row.data) as RecordedExecution['data']) : undefined,
		}));
	});
}

export async function pgStaticData(runtimeDir: string, pg: PgSettings, workflowId: string): Promise<unknown> {
	return await withPg(runtimeDir, pg, async (client) => {
		const r = await client.query('SELECT "staticData" FROM workflow_entity WHERE id = $1', [workflowId]);
		return r.rows[0]?.staticData ?? null;
	});
}
