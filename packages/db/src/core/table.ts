import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/**
 * The one table definition. The CDK stack, the local server and the tests all build their table
 * from this object, so key schema and indexes can never drift apart.
 *
 * Attributes are generic (pk/sk, gsiNpk/gsiNsk) and overloaded per entity; which entity uses
 * which index for which access pattern is documented in docs/data-model.md.
 */
export const TableDefinition = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Epoch seconds. DynamoDB deletes such items eventually; code never relies on it. */
  timeToLiveAttribute: 'ttl',
  stream: 'NEW_AND_OLD_IMAGES',
  globalIndexes: {
    gsi1: { partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    gsi2: { partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    gsi3: { partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
    gsi4: { partitionKey: 'gsi4pk', sortKey: 'gsi4sk' },
  },
} as const;

export type IndexName = keyof typeof TableDefinition.globalIndexes;

/** Every key attribute, for CreateTable's AttributeDefinitions. All keys are strings. */
export function keyAttributes(): string[] {
  const { partitionKey, sortKey, globalIndexes } = TableDefinition;
  return [partitionKey, sortKey, ...Object.values(globalIndexes).flatMap((i) => [i.partitionKey, i.sortKey])];
}

/** The CreateTable request for DynamoDB Local and the tests (the stack builds its own from the same object). */
export function createTableInput(tableName: string): CreateTableCommandInput {
  const { partitionKey, sortKey, globalIndexes } = TableDefinition;
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: keyAttributes().map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: partitionKey, KeyType: 'HASH' },
      { AttributeName: sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: Object.entries(globalIndexes).map(([name, idx]) => ({
      IndexName: name,
      KeySchema: [
        { AttributeName: idx.partitionKey, KeyType: 'HASH' },
        { AttributeName: idx.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
    StreamSpecification: { StreamEnabled: true, StreamViewType: TableDefinition.stream },
  };
}
