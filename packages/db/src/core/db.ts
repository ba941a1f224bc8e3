import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type Clock, systemClock } from '@parkbridge/domain/core';
import { createDocumentClient } from './client';
import { CursorCodec } from './cursor';

/** What every repository needs: the client, the table's name, the cursor signer and the clock. */
export interface Db {
  readonly doc: DynamoDBDocumentClient;
  readonly tableName: string;
  readonly cursors: CursorCodec;
  readonly clock: Clock;
}

export interface DbOptions {
  tableName: string;
  cursorSecret: string;
  endpoint?: string | undefined;
  region?: string | undefined;
  doc?: DynamoDBDocumentClient | undefined;
  clock?: Clock | undefined;
}

export function createDb(options: DbOptions): Db {
  return {
    doc: options.doc ?? createDocumentClient({ endpoint: options.endpoint, region: options.region }),
    tableName: options.tableName,
    cursors: new CursorCodec(options.cursorSecret),
    clock: options.clock ?? systemClock,
  };
}
