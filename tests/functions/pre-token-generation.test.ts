import { randomUUID } from 'node:crypto';
import { callerFromClaims } from '@parkbridge/api';
import type { Caller, PersonRole, Role } from '@parkbridge/domain/core';
import type { PreTokenGenerationTriggerEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureOutput } from './fixtures/captured-output';
import { freshTable, userWithOrg } from './fixtures/dynamo-table';
import { lambdaContext, preTokenGenerationEvent } from './fixtures/lambda-events';

type Handler = (event: unknown, context: unknown) => Promise<PreTokenGenerationTriggerEvent>;

const caller = (
  userId: string,
  orgId: string | null,
  roles: Role[],
  personRole: PersonRole | null,
): Caller => ({
  userId,
  orgId,
  roles,
  personRole,
});

/** The admin invites the colleague's address with `role`; the colleague accepts (as the API would). */
async function inviteAndAccept(
  container: Awaited<ReturnType<typeof freshTable>>['container'],
  admin: { userId: string; orgId: string | null },
  colleague: { userId: string; email: string },
  role: PersonRole,
) {
  const orgId = admin.orgId as string;
  const invitation = await container.invitations.invite(
    caller(admin.userId, orgId, ['tenant'], 'admin'),
    orgId,
    {
      email: colleague.email,
      role,
    },
  );
  await container.invitations.accept(caller(colleague.userId, null, [], null), invitation.invitationId);
}

let table: Awaited<ReturnType<typeof freshTable>>;
let output: ReturnType<typeof captureOutput>;
let handler: Handler;

beforeAll(async () => {
  table = await freshTable();
  output = captureOutput();
  // The trigger gets the table, never the cursor secret.
  const { PARKBRIDGE_CURSOR_SECRET: _none, ...env } = table.env;
  delete process.env.PARKBRIDGE_CURSOR_SECRET;
  Object.assign(process.env, env, { POWERTOOLS_SERVICE_NAME: 'auth-pre-token' });
  handler = (await import('../../functions/auth/pre-token-generation')).handler as unknown as Handler;
});
afterAll(() => {
  output.restore();
  table.close();
});

/** The ID token's claims after Cognito applies the trigger's answer, as API Gateway forwards them. */
function tokenClaims(
  sub: string,
  answer: PreTokenGenerationTriggerEvent,
  attrs: Record<string, string> = {},
) {
  const details = answer.response.claimsOverrideDetails;
  const claims: Record<string, unknown> = { sub, ...attrs, ...details.claimsToAddOrOverride };
  for (const c of details.claimsToSuppress ?? []) delete claims[c];
  const groups = details.groupOverrideDetails?.groupsToOverride ?? [];
  if (groups.length) claims['cognito:groups'] = `[${groups.join(' ')}]`;
  return claims;
}

describe('the pre-token-generation trigger, invoked with Cognito’s event', () => {
  it('creates the user on first sign-in and issues a token with no organisation', async () => {
    const sub = randomUUID();
    const res = await handler(
      preTokenGenerationEvent({
        sub,
        email: `New.Firm+${sub.slice(0, 4)}@Example.org`,
        name: 'Nguyễn Văn A',
      }),
      lambdaContext('pre-token'),
    );
    expect(res.response.claimsOverrideDetails).toEqual({
      claimsToAddOrOverride: {},
      claimsToSuppress: ['custom:org'],
      groupOverrideDetails: { groupsToOverride: [] },
    });
    const user = await table.container.repos.users.get(sub);
    expect(user).toMatchObject({ userId: sub, orgId: null, name: 'Nguyễn Văn A' });
  });

  it('puts the organisation, the person’s role and the groups of its kinds into the token', async () => {
    const member = await userWithOrg(table.container, ['tenant', 'supplier']);
    const res = await handler(
      preTokenGenerationEvent({ sub: member.userId, email: member.email }),
      lambdaContext('pre-token'),
    );
    expect(res.response.claimsOverrideDetails.claimsToAddOrOverride).toEqual({
      org: member.orgId,
      role: 'admin',
    });
    expect(res.response.claimsOverrideDetails.groupOverrideDetails?.groupsToOverride).toEqual([
      'supplier',
      'tenant',
    ]);
    // What the API then makes of the token.
    expect(callerFromClaims(tokenClaims(member.userId, res))).toEqual({
      userId: member.userId,
      orgId: member.orgId,
      roles: ['supplier', 'tenant'],
      personRole: 'admin',
    });
  });

  it('gives the role the person has now: a colleague invited as buyer signs in as a buyer', async () => {
    const admin = await userWithOrg(table.container, ['tenant']);
    const colleague = await userWithOrg(table.container, null);
    await inviteAndAccept(table.container, admin, colleague, 'buyer');
    const res = await handler(
      preTokenGenerationEvent({ sub: colleague.userId, email: colleague.email }),
      lambdaContext('pre-token'),
    );
    expect(res.response.claimsOverrideDetails.claimsToAddOrOverride).toEqual({
      org: admin.orgId,
      role: 'buyer',
    });
  });

  it('gives a removed person a token without the organisation on their next sign-in', async () => {
    const admin = await userWithOrg(table.container, ['tenant']);
    const colleague = await userWithOrg(table.container, null);
    await inviteAndAccept(table.container, admin, colleague, 'seller');
    const adminCaller = caller(admin.userId, admin.orgId as string, ['tenant'], 'admin');
    await table.container.members.remove(adminCaller, admin.orgId as string, colleague.userId);
    const res = await handler(
      preTokenGenerationEvent({ sub: colleague.userId, email: colleague.email }),
      lambdaContext('pre-token'),
    );
    expect(res.response.claimsOverrideDetails.claimsToAddOrOverride).toEqual({});
    expect(res.response.claimsOverrideDetails.groupOverrideDetails?.groupsToOverride).toEqual([]);
  });

  it('makes an operator organisation’s users operators', async () => {
    const op = await userWithOrg(table.container, ['operator']);
    const res = await handler(
      preTokenGenerationEvent({ sub: op.userId, email: op.email }),
      lambdaContext('pre-token'),
    );
    expect(res.response.claimsOverrideDetails.groupOverrideDetails?.groupsToOverride).toEqual(['operator']);
  });

  it('never lets a custom:org attribute stand in for the table', async () => {
    const loner = await userWithOrg(table.container, null);
    const victim = await userWithOrg(table.container, ['supplier']);
    const res = await handler(
      preTokenGenerationEvent({ sub: loner.userId, email: loner.email, customOrg: victim.orgId as string }),
      lambdaContext('pre-token'),
    );
    const claims = tokenClaims(loner.userId, res, { 'custom:org': victim.orgId as string });
    expect(callerFromClaims(claims)).toEqual({
      userId: loner.userId,
      orgId: null,
      roles: [],
      personRole: null,
    });
  });

  it('grants nothing when the e-mail belongs to another user id (a re-created account)', async () => {
    const original = await userWithOrg(table.container, ['tenant']);
    const res = await handler(
      preTokenGenerationEvent({ sub: randomUUID(), email: original.email }),
      lambdaContext('pre-token'),
    );
    expect(res.response.claimsOverrideDetails.claimsToAddOrOverride).toEqual({});
    expect(res.response.claimsOverrideDetails.groupOverrideDetails?.groupsToOverride).toEqual([]);
  });
});
