import { fullDocument } from '@parkbridge/api';
import { parseRules } from '@parkbridge/config';
import { createDb } from '@parkbridge/db';
import { createContainer } from '@parkbridge/runtime';

/**
 * The whole API's OpenAPI document, as the local server publishes it minus the dev login. Built
 * without a database: documenting routes sends no DynamoDB command.
 */
export function openApiDocument(): unknown {
  const db = createDb({ tableName: 'unused', cursorSecret: 'x'.repeat(32), endpoint: 'http://127.0.0.1:9' });
  try {
    return fullDocument(createContainer(db, parseRules({})));
  } finally {
    db.doc.destroy();
  }
}
