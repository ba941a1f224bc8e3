import { type Caller, newId } from '@parkbridge/domain/core';
import type { Container } from '@parkbridge/runtime';
import {
  DEMO_FIRMS,
  DEMO_FOUR_EYES,
  DEMO_OPERATOR_STAFF,
  DEMO_PENDING_INVITATION,
  type DemoPerson,
  demoPeople,
} from './demo-data';
import type { DemoWorld } from './world';

type OrgCaller = Caller & { orgId: string };

/**
 * The people of the demo organisations, each through an invitation its admin sent and it accepted
 * (as the web app does); the park authority's staff; one invitation left pending; and Dong Anh
 * Garment's four eyes on awards above its threshold.
 */
export async function seedPeople(app: Container, world: DemoWorld): Promise<void> {
  await join(app, world.operator, DEMO_OPERATOR_STAFF);
  for (const f of DEMO_FIRMS) {
    const firm = world.firms[f.slug];
    if (!firm) continue;
    firm.people = {};
    for (const person of demoPeople(f)) firm.people[person.role] = await join(app, firm.caller, person);
  }
  const inviting = world.firms[DEMO_PENDING_INVITATION.firm];
  if (inviting) {
    await app.invitations.invite(inviting.caller, inviting.caller.orgId, {
      email: DEMO_PENDING_INVITATION.email,
      role: DEMO_PENDING_INVITATION.role,
    });
  }
  const careful = world.firms[DEMO_FOUR_EYES.firm];
  if (careful) {
    careful.org = await app.orgs.update(careful.caller, careful.caller.orgId, {
      awardApprovalAbove: DEMO_FOUR_EYES.above,
    });
  }
}

/** The person joins `admin`'s organisation through an invitation; returns them as a caller. */
async function join(app: Container, admin: OrgCaller, person: DemoPerson): Promise<OrgCaller> {
  const user = await app.repos.users.createOrGet({
    userId: newId('user'),
    email: person.email,
    name: person.name,
    orgId: null,
    createdAt: app.clock.now().toISOString(),
  });
  const invitation = await app.invitations.invite(admin, admin.orgId, {
    email: person.email,
    role: person.role,
  });
  await app.invitations.accept(
    { userId: user.userId, orgId: null, roles: [], personRole: null },
    invitation.invitationId,
  );
  return { userId: user.userId, orgId: admin.orgId, roles: [...admin.roles], personRole: person.role };
}
