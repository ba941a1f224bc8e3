import { randomUUID } from 'node:crypto';
import { callerFromClaims } from '@parkbridge/api';
import type { PreTokenGenerationTriggerEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureOutput } from './fixtures/captured-output';
import { freshTable, userWithOrg } from './fixtures/dynamo-table';
import { lambdaContext, preTokenGenerationEvent } from './fixtures/lambda-events';

type Handler = (event: unknown, context: unknown) => Promise<PreTokenGenerationTriggerEvent>;

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

  it('puts the organisation and the groups of its kinds into the token', async () => {
    const member = await userWithOrg(table.container, ['tenant', 'supplier']);
    const res = await handler(
      preTokenGenerationEvent({ sub: member.userId, email: member.email }),
      lambdaContext('pre-token'),
    );
    expect(res.response.claimsOverrideDetails.claimsToAddOrOverride).toEqual({ org: member.orgId });
    expect(res.response.claimsOverrideDetails.groupOverrideDetails?.groupsToOverride).toEqual([
      'supplier',
      'tenant',
    ]);
    // What the API then makes of the token.
    expect(callerFromClaims(tokenClaims(member.userId, res))).toEqual({
      userId: member.userId,
      orgId: member.orgId,
      roles: ['supplier', 'tenant'],
    });
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
    expect(callerFromClaims(claims)).toEqual({ userId: loner.userId, orgId: null, roles: [] });
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
