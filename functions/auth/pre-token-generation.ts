import { randomBytes } from 'node:crypto';
import { parseRuntimeConfig } from '@parkbridge/config';
import { createDb, createDocumentClient } from '@parkbridge/db';
import { DynamoOrgRepository } from '@parkbridge/db/orgs';
import { DynamoMemberRepository } from '@parkbridge/db/people';
import { DynamoUserRepository } from '@parkbridge/db/users';
import type { PreTokenGenerationTriggerEvent } from 'aws-lambda';
import { instrument, logger, tracer } from '../shared/observability';
import { tokenClaimsFor } from './token-claims';

/**
 * Cognito's pre-token-generation trigger (V1, ID token): puts the user's organisation (`org`), their
 * role in it (`role`) and groups (`cognito:groups`, from the organisation's kinds) from the table
 * into the token, and
 * drops `custom:org` so a token never carries a value the table did not vouch for.
 */
// The trigger never issues a pagination cursor, so it needs no access to the cursor secret.
const config = parseRuntimeConfig(process.env, { cursorSecret: randomBytes(24).toString('hex') });
const db = createDb({
  tableName: config.tableName,
  cursorSecret: config.cursorSecret,
  doc: tracer.captureAWSv3Client(createDocumentClient({ endpoint: config.dynamoEndpoint })),
});
const deps = {
  users: new DynamoUserRepository(db),
  orgs: new DynamoOrgRepository(db),
  members: new DynamoMemberRepository(db),
  clock: db.clock,
};

export const handler = instrument<PreTokenGenerationTriggerEvent, PreTokenGenerationTriggerEvent>(
  async (event) => {
    const attrs = event.request.userAttributes;
    const sub = attrs.sub;
    const email = attrs.email;
    if (!sub || !email) throw new Error('The user has no sub or email attribute.');
    const claims = await tokenClaimsFor(deps, { sub, email, name: attrs.name });
    logger.info('Token claims', {
      userId: sub,
      orgId: claims.orgId,
      role: claims.role,
      groups: claims.groups,
    });
    event.response = {
      claimsOverrideDetails: {
        claimsToAddOrOverride: claims.orgId && claims.role ? { org: claims.orgId, role: claims.role } : {},
        claimsToSuppress: ['custom:org'],
        groupOverrideDetails: { groupsToOverride: claims.groups },
      },
    };
    return event;
  },
);
