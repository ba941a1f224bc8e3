import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError, ErrorKind } from '@parkbridge/domain/core';
import { InvitationService } from '@parkbridge/domain/people';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { colleague } from '../../support/people';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';

let rt: TestRuntime;
beforeAll(async () => {
  rt = await startTestRuntime();
});
afterAll(() => rt.stop());

type Firm = Awaited<ReturnType<TestRuntime['firm']>>;
const firm = () => rt.firm({ kinds: ['tenant'] });
const members = (f: Firm, token = f.token) => rt.call('GET', `/v1/orgs/${f.orgId}/members`, { token });
const invite = (f: Firm, email: string, role: string, token = f.token) =>
  rt.call('POST', `/v1/orgs/${f.orgId}/invitations`, { token, body: { email, role } });
const accept = (invitationId: string, token: string, body?: unknown) =>
  rt.call('POST', `/v1/invitations/${invitationId}/accept`, { token, body });
const changeRole = (
  f: Firm,
  userId: string,
  role: string,
  token = f.token,
  headers: Record<string, string> = {},
) => rt.call('PATCH', `/v1/orgs/${f.orgId}/members/${userId}`, { token, body: { role }, headers });
const remove = (f: Firm, userId: string, token = f.token) =>
  rt.call('DELETE', `/v1/orgs/${f.orgId}/members/${userId}`, { token });
const userIdOf = (token: string) => decodeJwt(token).sub as string;

describe('roles', () => {
  it('makes the founder the admin of the new organisation, in the token and in the list', async () => {
    const f = await firm();
    expect(decodeJwt(f.token)).toMatchObject({ org: f.orgId, role: 'admin' });
    const res = await members(f);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({ userId: userIdOf(f.token), email: f.email, role: 'admin', version: 1 }),
    ]);
    expect(res.body.nextCursor).toBeNull();
  });

  it('shows an organisation’s people to its own people only (404 to another firm)', async () => {
    const [a, b] = await Promise.all([firm(), firm()]);
    expect((await members(a, b.token)).status).toBe(404);
    expect(
      (await rt.call('GET', `/v1/orgs/${a.orgId}/members/${userIdOf(a.token)}`, { token: b.token })).status,
    ).toBe(404);
  });
});

describe('invitations', () => {
  it('invites an address with a role for seven days; its owner finds it, accepts and works with that role', async () => {
    const f = await firm();
    const email = rt.unique('buyer');
    const res = await invite(f, email, 'buyer');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ email, role: 'buyer', status: 'pending', orgId: f.orgId });
    expect(Date.parse(res.body.expiresAt) - Date.parse(res.body.createdAt)).toBe(7 * 86_400_000);
    expect(res.body).not.toHaveProperty('tokenHash');

    const token = await rt.login(email);
    const mine = await rt.call('GET', '/v1/invitations/mine', { token });
    expect(mine.body.items.map((i: { invitationId: string }) => i.invitationId)).toEqual([
      res.body.invitationId,
    ]);

    const joined = await accept(res.body.invitationId, token);
    expect(joined.status).toBe(201);
    expect(joined.body).toMatchObject({ userId: userIdOf(token), email, role: 'buyer' });
    // The old token has no organisation: it still works for what needs none, and the next one carries it.
    const fresh = await rt.login(email);
    expect(decodeJwt(fresh)).toMatchObject({ org: f.orgId, role: 'buyer', groups: ['tenant'] });
    expect((await members(f, fresh)).body.items.map((m: { role: string }) => m.role).sort()).toEqual([
      'admin',
      'buyer',
    ]);
    // Accepted: gone from the invitee's list, shown as accepted to the admins.
    expect((await rt.call('GET', '/v1/invitations/mine', { token: fresh })).body.items).toEqual([]);
    const list = await rt.call('GET', `/v1/orgs/${f.orgId}/invitations`, { token: f.token });
    expect(list.body.items).toEqual([
      expect.objectContaining({ invitationId: res.body.invitationId, status: 'accepted' }),
    ]);
  });

  it('makes a colleague who joins one of the people its notifications are emailed to, and one who leaves no longer', async () => {
    const f = await firm();
    const email = rt.unique('seller');
    const invited = await invite(f, email, 'seller');
    const token = await rt.login(email);
    expect((await accept(invited.body.invitationId, token)).status).toBe(201);
    const recipients = async () =>
      (await rt.container.mail.repos.people.ofOrg(f.orgId)).map((p) => p.email).sort();
    expect(await recipients()).toContain(email);
    expect(await recipients()).toHaveLength(2);
    expect((await remove(f, userIdOf(token))).status).toBe(204);
    expect(await recipients()).not.toContain(email);
    expect(await recipients()).toHaveLength(1);
  });

  it('answers 409 to a second pending invitation of the same address, and lets a new one once it is revoked', async () => {
    const f = await firm();
    const email = rt.unique('dup');
    const first = await invite(f, email, 'seller');
    const again = await invite(f, email.toUpperCase(), 'viewer');
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('invitation.already_pending');
    expect(
      (
        await rt.call('DELETE', `/v1/orgs/${f.orgId}/invitations/${first.body.invitationId}`, {
          token: f.token,
        })
      ).status,
    ).toBe(204);
    expect((await invite(f, email, 'viewer')).status).toBe(201);
  });

  it('answers 409 to an invitation of someone who is a member already', async () => {
    const f = await firm();
    const c = await colleague(rt, f, 'seller');
    const res = await invite(f, c.email, 'viewer');
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('invitation.already_member');
    expect((await invite(f, f.email, 'viewer')).body.code).toBe('invitation.already_member');
  });

  it('refuses a role outside the enum, and one outside the organisation’s own set, naming the field', async () => {
    const f = await firm();
    const bad = await invite(f, rt.unique('x'), 'owner');
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'role' })]);
    const staff = await invite(f, rt.unique('x'), 'staff');
    expect(staff.status).toBe(400);
    expect(staff.body).toMatchObject({
      code: 'member.role_invalid',
      errors: [expect.objectContaining({ path: 'role' })],
    });
    const op = await rt.operator();
    const buyer = await rt.call('POST', `/v1/orgs/${op.orgId}/invitations`, {
      token: op.token,
      body: { email: rt.unique('x'), role: 'buyer' },
    });
    expect(buyer.status).toBe(400);
    const list = await rt.call('GET', `/v1/orgs/${f.orgId}/invitations`, { token: f.token });
    expect(list.body.items).toEqual([]);
  });

  it('lets only admins invite, list and revoke (403 to a buyer, 404 to another firm)', async () => {
    const [f, other] = await Promise.all([firm(), firm()]);
    const buyer = await colleague(rt, f, 'buyer');
    expect((await invite(f, rt.unique('x'), 'viewer', buyer.token)).status).toBe(403);
    expect((await rt.call('GET', `/v1/orgs/${f.orgId}/invitations`, { token: buyer.token })).status).toBe(
      403,
    );
    expect((await invite(f, rt.unique('x'), 'viewer', other.token)).status).toBe(404);
    const pending = await invite(f, rt.unique('x'), 'viewer');
    const path = `/v1/orgs/${f.orgId}/invitations/${pending.body.invitationId}`;
    expect((await rt.call('DELETE', path, { token: buyer.token })).status).toBe(403);
    expect(
      (
        await rt.call('DELETE', `/v1/orgs/${other.orgId}/invitations/${pending.body.invitationId}`, {
          token: other.token,
        })
      ).status,
    ).toBe(404);
  });

  it('gives each failed acceptance its own problem: revoked, accepted twice, already in another organisation', async () => {
    const [f, g] = await Promise.all([firm(), firm()]);
    const email = rt.unique('invitee');
    const token = await rt.login(email);

    const revoked = await invite(f, email, 'viewer');
    await rt.call('DELETE', `/v1/orgs/${f.orgId}/invitations/${revoked.body.invitationId}`, {
      token: f.token,
    });
    const r = await accept(revoked.body.invitationId, token);
    expect(r).toMatchObject({ status: 409, body: { code: 'invitation.revoked' } });

    const fromG = await invite(g, email, 'seller');
    const ok = await invite(f, email, 'buyer');
    expect((await accept(ok.body.invitationId, token)).status).toBe(201);
    const twice = await accept(ok.body.invitationId, token);
    expect(twice).toMatchObject({ status: 409, body: { code: 'invitation.already_accepted' } });
    const other = await accept(fromG.body.invitationId, await rt.login(email));
    expect(other).toMatchObject({ status: 409, body: { code: 'invitation.in_another_org' } });
    // Nothing moved: still one organisation, one role.
    expect(decodeJwt(await rt.login(email))).toMatchObject({ org: f.orgId, role: 'buyer' });
  });

  it('answers 404 to anyone but the invited address, and to a link whose secret does not match', async () => {
    const f = await firm();
    const inv = await invite(f, rt.unique('invitee'), 'viewer');
    const stranger = await rt.login(rt.unique('stranger'));
    expect((await accept(inv.body.invitationId, stranger)).status).toBe(404);
    expect((await accept(inv.body.invitationId, f.token)).status).toBe(404);
    const invitee = await rt.login(inv.body.email);
    const wrong = await accept(inv.body.invitationId, invitee, { token: 'f'.repeat(64) });
    expect(wrong).toMatchObject({ status: 404, body: { code: 'invitation.not_found' } });
    expect((await rt.call('GET', '/v1/invitations/mine', { token: stranger })).body.items).toEqual([]);
  });

  it('lets exactly one of an acceptance and a revocation racing each other win, and says which to the other', async () => {
    const server = await rt.listen();
    try {
      for (let round = 0; round < 4; round++) {
        const f = await firm();
        const email = rt.unique('race');
        const token = await rt.login(email);
        const inv = await invite(f, email, 'seller');
        const [accepted, revoked] = await Promise.all([
          server.http('POST', `/v1/invitations/${inv.body.invitationId}/accept`, { token }),
          server.http('DELETE', `/v1/orgs/${f.orgId}/invitations/${inv.body.invitationId}`, {
            token: f.token,
          }),
        ]);
        const stored = await rt.container.repos.invitations.get(inv.body.invitationId);
        if (accepted.status === 201) {
          expect(revoked).toMatchObject({ status: 409, body: { code: 'invitation.already_accepted' } });
          expect(stored?.status).toBe('accepted');
          expect(await rt.container.repos.members.roleOf(f.orgId, userIdOf(token))).toBe('seller');
        } else {
          expect(revoked.status).toBe(204);
          expect(accepted).toMatchObject({ status: 409, body: { code: 'invitation.revoked' } });
          expect(stored?.status).toBe('revoked');
          expect(await rt.container.repos.members.roleOf(f.orgId, userIdOf(token))).toBeNull();
          expect((await rt.container.repos.users.get(userIdOf(token)))?.orgId).toBeNull();
        }
      }
    } finally {
      await server.close();
    }
  });
});

describe('changing roles', () => {
  it('changes a role with If-Match: a stale ETag is 412, the read one works and the next call has the new role', async () => {
    const f = await firm();
    const c = await colleague(rt, f, 'buyer');
    const path = `/v1/orgs/${f.orgId}/members/${c.userId}`;
    const read = await rt.call('GET', path, { token: f.token });
    expect(read.headers.get('etag')).toBe('"v1"');
    const stale = await changeRole(f, c.userId, 'viewer', f.token, { 'if-match': '"v0"' });
    expect(stale.status).toBe(412);
    const ok = await changeRole(f, c.userId, 'viewer', f.token, { 'if-match': '"v1"' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ role: 'viewer', version: 2 });
    expect(ok.headers.get('etag')).toBe('"v2"');
    // The buyer's token names the old role: refused at once, whatever its age; a new sign-in is a viewer.
    const old = await rt.call('GET', '/v1/needs', { token: c.token });
    expect(old).toMatchObject({ status: 401, body: { code: 'auth.membership_changed' } });
    const viewer = await rt.login(c.email);
    expect(decodeJwt(viewer).role).toBe('viewer');
    expect((await rt.call('GET', '/v1/needs', { token: viewer })).status).toBe(200);
  });

  it('refuses a role change to a member changing their own role, to a non-admin and outside the enum', async () => {
    const f = await firm();
    const c = await colleague(rt, f, 'seller');
    const own = await changeRole(f, userIdOf(f.token), 'buyer');
    expect(own).toMatchObject({ status: 422, body: { code: 'member.own_role' } });
    expect((await changeRole(f, c.userId, 'admin', c.token)).status).toBe(403);
    expect((await changeRole(f, userIdOf(f.token), 'seller', c.token)).status).toBe(403);
    const bad = await changeRole(f, c.userId, 'superuser');
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'role' })]);
    expect(await rt.container.repos.members.roleOf(f.orgId, c.userId)).toBe('seller');
    expect(await rt.container.repos.members.roleOf(f.orgId, userIdOf(f.token))).toBe('admin');
  });

  it('keeps one admin when two admins demote each other at the same moment', async () => {
    const server = await rt.listen();
    try {
      for (let round = 0; round < 5; round++) {
        const f = await firm();
        const second = await colleague(rt, f, 'admin');
        const first = { token: f.token, userId: userIdOf(f.token) };
        const [a, b] = await Promise.all([
          server.http('PATCH', `/v1/orgs/${f.orgId}/members/${second.userId}`, {
            token: first.token,
            body: { role: 'viewer' },
          }),
          server.http('PATCH', `/v1/orgs/${f.orgId}/members/${first.userId}`, {
            token: second.token,
            body: { role: 'viewer' },
          }),
        ]);
        const roles = await Promise.all([
          rt.container.repos.members.roleOf(f.orgId, first.userId),
          rt.container.repos.members.roleOf(f.orgId, second.userId),
        ]);
        expect(roles.filter((r) => r === 'admin').length, JSON.stringify({ a: a.body, b: b.body })).toBe(1);
        expect([a.status, b.status].filter((s) => s === 200).length).toBeLessThanOrEqual(1);
        for (const res of [a, b].filter((r) => r.status !== 200)) {
          expect([403, 409, 422]).toContain(res.status);
        }
        const roster = await rt.container.db.doc.send(
          new GetCommand({
            TableName: rt.container.db.tableName,
            Key: { pk: `ORG#${f.orgId}`, sk: 'ROSTER' },
            ConsistentRead: true,
          }),
        );
        expect(roster.Item).toMatchObject({ adminCount: 1, memberCount: 2 });
      }
    } finally {
      await server.close();
    }
  });
});

describe('removing and leaving', () => {
  it('refuses a removed member’s very next call, even with the token they held, and frees them to join elsewhere', async () => {
    const [f, g] = await Promise.all([firm(), firm()]);
    const c = await colleague(rt, f, 'buyer');
    expect((await rt.call('GET', '/v1/needs', { token: c.token })).status).toBe(200);
    expect((await remove(f, c.userId)).status).toBe(204);
    const next = await rt.call('GET', '/v1/needs', { token: c.token });
    expect(next).toMatchObject({ status: 401, body: { code: 'auth.membership_changed' } });
    expect((await members(f)).body.items.map((m: { userId: string }) => m.userId)).toEqual([
      userIdOf(f.token),
    ]);
    const token = await rt.login(c.email);
    expect(decodeJwt(token).org).toBeUndefined();
    const elsewhere = await invite(g, c.email, 'seller');
    expect((await accept(elsewhere.body.invitationId, token)).status).toBe(201);
    expect(decodeJwt(await rt.login(c.email))).toMatchObject({ org: g.orgId, role: 'seller' });
  });

  it('lets a member leave, and only an admin remove someone else', async () => {
    const f = await firm();
    const [buyer, seller] = await Promise.all([colleague(rt, f, 'buyer'), colleague(rt, f, 'seller')]);
    expect((await remove(f, seller.userId, buyer.token)).status).toBe(403);
    expect((await remove(f, seller.userId, seller.token)).status).toBe(204);
    expect((await rt.call('GET', '/v1/needs', { token: seller.token })).status).toBe(401);
    expect((await remove(f, 'usr_nobody', f.token)).status).toBe(404);
  });

  it('lets the last admin neither leave nor be removed, and another admin first makes it possible', async () => {
    const f = await firm();
    const me = userIdOf(f.token);
    const leave = await remove(f, me);
    expect(leave).toMatchObject({ status: 422, body: { code: 'member.last_admin' } });
    const other = await colleague(rt, f, 'admin');
    expect((await remove(f, me)).status).toBe(204);
    const last = await remove({ ...f, token: other.token }, other.userId, other.token);
    expect(last).toMatchObject({ status: 422, body: { code: 'member.last_admin' } });
  });

  it('writes an audit trail of each person’s membership: joined, role changed, removed', async () => {
    const f = await firm();
    const c = await colleague(rt, f, 'buyer');
    const { memberId } = (await rt.container.repos.members.get(f.orgId, c.userId))!;
    await changeRole(f, c.userId, 'seller');
    await remove(f, c.userId);
    const trail = (await rt.container.repos.audit.list(memberId, { limit: 10 })).items;
    expect(trail.map((r) => [r.action, r.actor.userId])).toEqual([
      ['member.joined', c.userId],
      ['member.role_changed', userIdOf(f.token)],
      ['member.removed', userIdOf(f.token)],
    ]);
    expect(trail[1]).toMatchObject({ before: { role: 'buyer' }, after: { role: 'seller' } });
    const invitation = (await rt.container.repos.audit.list(c.invitationId, { limit: 10 })).items;
    expect(invitation.map((r) => r.action)).toEqual(['invitation.created', 'invitation.accepted']);
  });
});

describe('the quota seam', () => {
  it('asks the allowance before writing an invitation, and writes nothing when it refuses', async () => {
    const f = await firm();
    const email = rt.unique('quota');
    const asked: string[] = [];
    const c = rt.container;
    const limited = new InvitationService({
      invitations: c.repos.invitations,
      users: c.repos.users,
      members: c.members,
      clock: rt.db.clock,
      allowance: {
        take: async (admin) => {
          asked.push(admin.orgId);
          throw new DomainError(ErrorKind.rateLimited, 'quota.invitations', 'Too many invitations today.');
        },
      },
    });
    const admin = {
      userId: userIdOf(f.token),
      orgId: f.orgId,
      roles: ['tenant' as const],
      personRole: 'admin' as const,
    };
    await expect(limited.invite(admin, f.orgId, { email, role: 'buyer' })).rejects.toMatchObject({
      code: 'quota.invitations',
    });
    expect(asked).toEqual([f.orgId]);
    const listed = await rt.call('GET', `/v1/orgs/${f.orgId}/invitations`, { token: f.token });
    expect(listed.body.items).toEqual([]);
    // Nothing was held either: the address can be invited as soon as the quota allows.
    expect((await invite(f, email, 'buyer')).status).toBe(201);
  });
});
