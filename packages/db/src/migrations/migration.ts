import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../core/db';

/**
 * A change of stored data that a release needs, run once per table after deploying it (a
 * CloudFormation trigger in AWS) and on every start of the local server. Each must be idempotent on
 * its own: the marker only saves the work of running it again, it is not what makes it safe.
 */
export interface Migration {
  /** Stable and unique: the marker's key. */
  name: string;
  description: string;
  run(db: Db): Promise<{ changed: number }>;
}

export interface MigrationOutcome {
  name: string;
  status: 'ran' | 'done before';
  changed: number;
}

const markerKey = (name: string) => ({ pk: 'MIGRATION', sk: name });

/** Runs, in order, every migration not marked done; marks each when it finishes. */
export async function runMigrations(db: Db, migrations: readonly Migration[]): Promise<MigrationOutcome[]> {
  const outcomes: MigrationOutcome[] = [];
  for (const m of migrations) {
    const marker = await db.doc.send(
      new GetCommand({ TableName: db.tableName, Key: markerKey(m.name), ConsistentRead: true }),
    );
    if (marker.Item) {
      outcomes.push({ name: m.name, status: 'done before', changed: 0 });
      continue;
    }
    const { changed } = await m.run(db);
    try {
      await db.doc.send(
        new PutCommand({
          TableName: db.tableName,
          Item: { ...markerKey(m.name), type: 'migration', at: db.clock.now().toISOString(), changed },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (err) {
      // Another run finished it at the same time: the migration is idempotent, nothing to undo.
      if (!(err instanceof ConditionalCheckFailedException)) throw err;
    }
    outcomes.push({ name: m.name, status: 'ran', changed });
  }
  return outcomes;
}
