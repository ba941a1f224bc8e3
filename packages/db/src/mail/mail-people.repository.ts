import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry, Stored } from '@parkbridge/domain/core';
import type { MailPeople, Person, PersonRecord, StoredPreferences } from '@parkbridge/domain/mail';
import { batchGet, type Db, queryAll, stripKeys, writeVersioned } from '../core';
import { DynamoUserRepository, userKey } from '../users/user.repository';
import { orgPeoplePk, preferencesKey } from './mail.keys';

const personOf = (item: Record<string, unknown>): Person => ({
  userId: item.userId as string,
  email: item.email as string,
  name: item.name as string,
  orgId: (item.orgId as string | null | undefined) ?? null,
  lang: item.lang as Person['lang'],
});

const preferencesOf = (item: Record<string, unknown>) => stripKeys<Stored<StoredPreferences>>(item);

/** The audit trail of a person's settings (not of the user, whose own trail the teams work keeps). */
export const settingsEntityId = (userId: string) => `${userId}#settings`;

/** People as the mail needs them: who is in an organisation, their settings, their address. */
export class DynamoMailPeople implements MailPeople {
  private readonly users: DynamoUserRepository;

  constructor(private readonly db: Db) {
    this.users = new DynamoUserRepository(db);
  }

  async ofOrg(orgId: string): Promise<Person[]> {
    // An organisation has a handful of people; 500 is a bound, not an expectation.
    const items = await queryAll(this.db, { index: 'gsi1', pk: orgPeoplePk(orgId) }, 500);
    return items.map(personOf);
  }

  async get(userId: string): Promise<PersonRecord | null> {
    const out = await this.db.doc.send(
      new QueryCommand({
        TableName: this.db.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': userKey(userId).pk },
        ConsistentRead: true,
      }),
    );
    const items = out.Items ?? [];
    const user = items.find((i) => i.sk === 'USER');
    if (!user) return null;
    const prefs = items.find((i) => i.sk === 'PREFS');
    return { person: personOf(user), preferences: prefs ? preferencesOf(prefs) : null };
  }

  async preferencesOf(userIds: string[]) {
    const items = await batchGet(this.db, userIds.map(preferencesKey));
    return new Map(items.map((i) => [i.userId as string, preferencesOf(i)]));
  }

  async byEmail(email: string): Promise<Person | null> {
    const user = await this.users.getByEmail(email);
    return user ? personOf(user as unknown as Record<string, unknown>) : null;
  }

  save(
    next: StoredPreferences,
    prev: Stored<StoredPreferences> | null,
    audit: Omit<AuditEntry, 'entityId'>,
    name?: string,
  ): Promise<Stored<StoredPreferences>> {
    return writeVersioned(this.db, {
      keys: preferencesKey(next.userId),
      entityId: settingsEntityId(next.userId),
      next: next as Stored<StoredPreferences>,
      prev,
      audit,
      extra: { type: 'preferences' },
      with: name
        ? [
            {
              item: {
                Update: {
                  TableName: this.db.tableName,
                  Key: userKey(next.userId),
                  UpdateExpression: 'SET #name = :name',
                  ConditionExpression: 'attribute_exists(pk)',
                  ExpressionAttributeNames: { '#name': 'name' },
                  ExpressionAttributeValues: { ':name': name },
                },
              },
            },
          ]
        : [],
    });
  }
}
