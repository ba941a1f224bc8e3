import { DeleteCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { MIGRATIONS, runMigrations } from '@parkbridge/db/migrations';
import { memberKey, rosterKey } from '@parkbridge/db/people';
import { userKey } from '@parkbridge/db/users';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';

let rt: TestRuntime;
beforeAll(async () => {
  rt = await startTestRuntime();
});
afterAll(() => rt.stop());

const get = async (key: Record<string, string>) =>
  (await rt.db.doc.send(new GetCommand({ TableName: rt.db.tableName, Key: key, ConsistentRead: true }))).Item;
const del = (key: Record<string, string>) =>
  rt.db.doc.send(new DeleteCommand({ TableName: rt.db.tableName, Key: key }));

describe('migration: founders become admins', () => {
  it('makes each user of an organisation without a role its admin, once, and leaves members alone', async () => {
    const [old, current] = await Promise.all([
      rt.firm({ kinds: ['tenant'] }),
      rt.firm({ kinds: ['supplier'] }),
    ]);
    const founder = decodeJwt(old.token).sub as string;
    // The layout before people had roles: the user's orgId, and no member item nor roster.
    await Promise.all([del(memberKey(old.orgId, founder)), del(rosterKey(old.orgId))]);
    // …nor the mail index that makes the user one of the people the firm's notifications reach.
    await rt.db.doc.send(
      new UpdateCommand({
        TableName: rt.db.tableName,
        Key: userKey(founder),
        UpdateExpression: 'REMOVE gsi1pk, gsi1sk',
      }),
    );
    const recipients = async () =>
      (await rt.container.mail.repos.people.ofOrg(old.orgId)).map((p) => p.userId);
    expect(await rt.container.repos.members.roleOf(old.orgId, founder)).toBeNull();
    expect(await recipients()).toEqual([]);
    const currentBefore = await get(memberKey(current.orgId, decodeJwt(current.token).sub as string));

    const first = await runMigrations(rt.db, MIGRATIONS);
    expect(first).toEqual([{ name: '2026-12-people-founders-become-admins', status: 'ran', changed: 1 }]);
    expect(await rt.container.repos.members.roleOf(old.orgId, founder)).toBe('admin');
    expect(await recipients()).toEqual([founder]);
    expect(await get(rosterKey(old.orgId))).toMatchObject({ memberCount: 1, adminCount: 1 });
    expect(await get(memberKey(current.orgId, decodeJwt(current.token).sub as string))).toEqual(
      currentBefore,
    );

    // The founder works as an admin from their next token; as the last admin they cannot leave.
    const token = await rt.login(old.email);
    expect(decodeJwt(token)).toMatchObject({ org: old.orgId, role: 'admin' });
    const leave = await rt.call('DELETE', `/v1/orgs/${old.orgId}/members/${founder}`, { token });
    expect(leave.status).toBe(422);
    expect(leave.body.code).toBe('member.last_admin');

    // Marked done: the next start skips it; run again regardless, it changes nothing.
    expect(await runMigrations(rt.db, MIGRATIONS)).toEqual([
      { name: '2026-12-people-founders-become-admins', status: 'done before', changed: 0 },
    ]);
    expect(await MIGRATIONS[0]?.run(rt.db)).toEqual({ changed: 0 });
    expect(await get(rosterKey(old.orgId))).toMatchObject({ memberCount: 1, adminCount: 1 });
  });
});
