import { join } from 'path';

import type { N8nHost } from '../../e2e/lib/hosts';
import { runCommand } from '../../e2e/lib/processes';

/**
 * Reads n8n's SQLite database while n8n runs, with the host's own sqlite3 (built for the host's
 * Node, so it runs there, not in this process): read-only, waiting out n8n's write locks.
 */
const QUERY = `
const sqlite3 = require('sqlite3');
const [file, sql, params] = process.argv.slice(1);
const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (error) => {
	if (error) { console.error(error.message); process.exit(1); }
});
db.configure('busyTimeout', 10000);
db.all(sql, JSON.parse(params), (error, rows) => {
	if (error) { console.error(error.message); process.exit(1); }
	process.stdout.write(JSON.stringify(rows));
	db.close();
});
`;

export class N8nDatabase {
	readonly file: string;

	constructor(
		private readonly host: N8nHost,
		userFolder: string,
	) {
		this.file = join(userFolder, '.n8n', 'database.sqlite');
	}

	async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
		const out = await runCommand(
			'sqlite query',
			this.host.nodeBin,
			['-e', QUERY, this.file, sql, JSON.stringify(params)],
			{ cwd: this.host.dir, env: this.host.env(), timeoutMs: 60_000 },
		);
		return JSON.parse(out) as T[];
	}

	/** The newest execution id (0 on an empty table): executions after it belong to the next run. */
	async lastExecutionId(): Promise<number> {
		const [row] = await this.query<{ id: number | null }>(
			'SELECT MAX(id) AS id FROM execution_entity',
		);
		return Number(row?.id ?? 0);
	}

	/** A workflow's executions after `afterId`: how many, by status, and when the last one stopped. */
	async executionsAfter(
		workflowId: string,
		afterId: number,
	): Promise<{ total: number; byStatus: Record<string, number>; lastStoppedAt?: number }> {
		const rows = await this.query<{ status: string; n: number; last: string | null }>(
			'SELECT status, COUNT(*) AS n, MAX(stoppedAt) AS last FROM execution_entity WHERE workflowId = ? AND id > ? GROUP BY status',
			[workflowId, afterId],
		);
		const byStatus: Record<string, number> = {};
		let total = 0;
		let lastStoppedAt: number | undefined;
		for (const row of rows) {
			byStatus[row.status] = row.n;
			total += row.n;
			if (row.last) {
				// SQLite keeps "YYYY-MM-DD HH:MM:SS.SSS" in UTC.
				const time = Date.parse(`${row.last.replace(' ', 'T')}Z`);
				if (!lastStoppedAt || time > lastStoppedAt) lastStoppedAt = time;
			}
		}
		return { total, byStatus, lastStoppedAt };
	}

	/** The workflow's static data as n8n stored it (JSON text), or '' when it has none. */
	async staticData(workflowId: string): Promise<string> {
		const [row] = await this.query<{ staticData: string | null }>(
			'SELECT staticData FROM workflow_entity WHERE id = ?',
			[workflowId],
		);
		return row?.staticData ?? '';
	}
}
