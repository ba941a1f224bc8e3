import { parseArgs } from 'node:util';
import { createDb } from '@parkbridge/db';
import { MIGRATIONS, runMigrations } from '@parkbridge/db/migrations';

/**
 * npx tsx infra/ops/migrate.ts --table <TableName output>
 * Brings a deployed table's data up to the release just deployed: every migration not yet marked
 * done, in order (each is idempotent; the local server runs the same list on every start). Uses
 * the AWS credentials and region of the shell (AWS_PROFILE / AWS_REGION).
 */
const { values } = parseArgs({ options: { table: { type: 'string' } } });
if (!values.table) {
  console.error('Usage: migrate --table <name>');
  process.exit(2);
}
// Migrations issue no pagination cursor: any key will do.
const db = createDb({ tableName: values.table, cursorSecret: crypto.randomUUID() });
try {
  for (const m of await runMigrations(db, MIGRATIONS)) {
    console.log(`${m.name}: ${m.status}${m.status === 'ran' ? `, ${m.changed} changed` : ''}`);
  }
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
} finally {
  db.doc.destroy();
}
