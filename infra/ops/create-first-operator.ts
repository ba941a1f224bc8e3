import { parseArgs } from 'node:util';
import { parseRules } from '@parkbridge/config';
import { createDb } from '@parkbridge/db';
import { createContainer } from '@parkbridge/runtime';
import { createFirstOperator } from './first-operator';

/**
 * npx tsx infra/ops/create-first-operator.ts --table <TableName output> --email ops@authority.example \
 *   --name "Park Authority" --country IR
 * Uses the AWS credentials and region of the shell (AWS_PROFILE / AWS_REGION).
 */
const { values } = parseArgs({
  options: {
    table: { type: 'string' },
    email: { type: 'string' },
    name: { type: 'string' },
    country: { type: 'string' },
  },
});
if (!values.table || !values.email || !values.name || !values.country) {
  console.error(
    'Usage: create-first-operator --table <name> --email <e-mail> --name <authority> --country <ISO 3166>',
  );
  process.exit(2);
}
// This script issues no pagination cursor: any key will do.
const db = createDb({ tableName: values.table, cursorSecret: crypto.randomUUID() });
try {
  const { orgId, userId } = await createFirstOperator(createContainer(db, parseRules({})), {
    email: values.email,
    name: values.name,
    country: values.country,
  });
  console.log(`Operator organisation ${orgId} created; ${values.email} (${userId}) is its first operator.`);
  console.log('They sign out and in again: their next token carries the operator group.');
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
} finally {
  db.doc.destroy();
}
