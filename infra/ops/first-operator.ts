import { newId } from '@parkbridge/domain/core';
import { CountryCode, Text } from '@parkbridge/domain/shared';
import type { Container } from '@parkbridge/runtime';
import { z } from 'zod';

export const FirstOperatorInput = z.object({
  email: z.email(),
  /** The park authority's name, e.g. "Eshtehard Industrial Town Authority". */
  name: Text(200),
  country: CountryCode,
});
export type FirstOperatorInput = z.infer<typeof FirstOperatorInput>;

/**
 * Makes the park authority's first operator: an operator organisation founded by the user who has
 * signed in once (the pre-token trigger created their user then). The API never lets anyone declare
 * an operator organisation, so this runs with the deployer's AWS credentials, once per authority.
 */
export async function createFirstOperator(app: Container, raw: FirstOperatorInput) {
  const input = FirstOperatorInput.parse(raw);
  const user = await app.repos.users.getByEmail(input.email);
  if (!user) {
    throw new Error(`No user ${input.email} yet: sign in once through the hosted sign-in page first.`);
  }
  if (user.orgId) throw new Error(`${input.email} already belongs to organisation ${user.orgId}.`);
  const now = app.clock.now().toISOString();
  const org = {
    orgId: newId('org'),
    name: input.name,
    kinds: ['operator' as const],
    country: input.country,
    createdAt: now,
    updatedAt: now,
    version: 0,
  };
  const stored = await app.repos.orgs.createWithFounder(org, user.userId, {
    action: 'org.created',
    actor: { userId: `ops:${user.userId}`, orgId: null },
    before: null,
    after: org,
    reason: 'First operator of the park authority, created at deployment (docs/operations.md).',
  });
  return { orgId: stored.orgId, userId: user.userId };
}

export type FirstOperatorOutcome =
  | { status: 'created' | 'confirmed'; orgId: string; userId: string }
  | { status: 'awaiting-sign-in' };

/**
 * What a deploy does about the first operator, safe to repeat: confirms one who already runs an
 * operator organisation, creates one for a user who has signed in, or says that the user must sign
 * in first (the pre-token trigger creates users on their first sign-in).
 */
export async function ensureFirstOperator(
  app: Container,
  raw: FirstOperatorInput,
): Promise<FirstOperatorOutcome> {
  const user = await app.repos.users.getByEmail(FirstOperatorInput.shape.email.parse(raw.email));
  if (!user) return { status: 'awaiting-sign-in' };
  if (user.orgId) {
    const org = await app.repos.orgs.get(user.orgId);
    if (org?.kinds.includes('operator'))
      return { status: 'confirmed', orgId: org.orgId, userId: user.userId };
  }
  return { status: 'created', ...(await createFirstOperator(app, raw)) };
}
