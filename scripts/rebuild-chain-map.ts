/**
 * Rebuilds parks' chain-map aggregates from their records (docs/chain-map.md, "Rebuild").
 *
 *   PARKBRIDGE_TABLE_NAME=… [PARKBRIDGE_DYNAMODB_ENDPOINT=http://127.0.0.1:8000] \
 *     node --import tsx scripts/rebuild-chain-map.ts [parkId …]
 *
 * With no park ids it rebuilds every park. In AWS, run it with credentials for the table.
 */
import { randomBytes } from 'node:crypto';
import { EnvName, parseRules } from '@parkbridge/config';
import { createDb } from '@parkbridge/db';
import { rebuildChainMaps } from '@parkbridge/jobs/chain-map';
import { createContainer } from '@parkbridge/runtime';

async function main() {
  const tableName = process.env[EnvName.tableName];
  if (!tableName) throw new Error(`Set ${EnvName.tableName} to the table to rebuild.`);
  const db = createDb({
    tableName,
    // The rebuild hands out no cursors; any secret will do.
    cursorSecret: process.env[EnvName.cursorSecret] ?? randomBytes(24).toString('hex'),
    endpoint: process.env[EnvName.dynamoEndpoint] || undefined,
  });
  const app = createContainer(db, parseRules(process.env));
  const started = Date.now();
  const reports = await rebuildChainMaps(app, process.argv.slice(2), (line) => console.log(line));
  console.log(`Rebuilt ${reports.length} park(s) in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  db.doc.destroy();
}

main().catch((err) => {
  console.error(`rebuild-chain-map failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
