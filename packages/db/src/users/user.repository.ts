import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { UserRepository } from '@parkbridge/domain/orgs';
import { normalizeEmail, type User } from '@parkbridge/domain/users';
import { batchGet, type Db, getItem, stripKeys } from '../core';

export const userKey = (userId: string) => ({ pk: `USER#${userId}`, sk: 'USER' });
const emailKey = (email: string) => ({ pk: `EMAIL#${normalizeEmail(email)}`, sk: 'EMAIL' });

export class DynamoUserRepository implements UserRepository {
  constructor(private readonly db: Db) {}

  async get(userId: string) {
    const item = await getItem(this.db, userKey(userId).pk, 'USER', true);
    return item ? stripKeys<User>(item) : null;
  }

  async getMany(userIds: string[]): Promise<User[]> {
    return (await batchGet(this.db, [...new Set(userIds)].map(userKey))).map((u) => stripKeys<User>(u));
  }

  async getByEmail(email: string) {
    const out = await this.db.doc.send(
      new GetCommand({ TableName: this.db.tableName, Key: emailKey(email) }),
    );
    const userId = out.Item?.userId as string | undefined;
    return userId ? this.get(userId) : null;
  }

  /** The email item is the uniqueness guard: two logins racing for a new email create one user. */
  async createOrGet(user: User): Promise<User> {
    try {
      await this.db.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.db.tableName,
                Item: { ...emailKey(user.email), type: 'email', userId: user.userId },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Put: {
                TableName: this.db.tableName,
                Item: { ...userKey(user.userId), type: 'user', ...user, email: normalizeEmail(user.email) },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
          ],
        }),
      );
      return { ...user, email: normalizeEmail(user.email) };
    } catch (err) {
      if (!(err instanceof TransactionCanceledException)) throw err;
      const existing = await this.getByEmail(user.email);
      if (!existing) throw err;
      return existing;
    }
  }
}
