import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Suppression, SuppressionList } from '@parkbridge/domain/mail';
import { normalizeEmail } from '@parkbridge/domain/users';
import { batchGet, type Db, getItem, stripKeys } from '../core';
import { suppressionKey } from './mail.keys';

export class DynamoSuppressionList implements SuppressionList {
  constructor(private readonly db: Db) {}

  async get(email: string): Promise<Suppression | null> {
    const item = await getItem(this.db, suppressionKey(normalizeEmail(email)).pk, 'SUPPRESS');
    return item ? stripKeys<Suppression>(item) : null;
  }

  async suppressedAmong(emails: string[]): Promise<Set<string>> {
    const items = await batchGet(
      this.db,
      emails.map((e) => suppressionKey(normalizeEmail(e))),
      { attributes: ['email'] },
    );
    return new Set(items.map((i) => i.email as string));
  }

  async add(s: Suppression): Promise<boolean> {
    try {
      await this.db.doc.send(
        new PutCommand({
          TableName: this.db.tableName,
          Item: { ...suppressionKey(s.email), type: 'mail-suppression', ...s },
          // The first reason stays: a complaint after a bounce changes nothing.
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return false;
      throw err;
    }
  }
}
