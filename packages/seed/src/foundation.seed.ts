import { type Caller, newId } from '@parkbridge/domain/core';
import { rolesForKinds } from '@parkbridge/domain/users';
import type { Container } from '@parkbridge/runtime';
import { DEMO_FIRMS, DEMO_OPERATOR_EMAIL, DEMO_PARKS, type DemoParkSlug } from './demo-data';
import type { DemoWorld } from './world';

type OrgCaller = Caller & { orgId: string };

async function user(app: Container, email: string, name: string) {
  return app.repos.users.createOrGet({
    userId: newId('user'),
    email,
    name,
    orgId: null,
    createdAt: app.clock.now().toISOString(),
  });
}

/** The demo operator organisation, which operates every demo park. Used by `PARKBRIDGE_SEED=none` too. */
export async function seedOperator(app: Container): Promise<OrgCaller> {
  const u = await user(app, DEMO_OPERATOR_EMAIL, 'Demo park operator');
  if (u.orgId) return { userId: u.userId, orgId: u.orgId, roles: ['operator'], personRole: 'admin' };
  const now = app.clock.now().toISOString();
  const org = await app.repos.orgs.createWithFounder(
    {
      orgId: newId('org'),
      name: 'Parkbridge Demo Park Authority',
      names: {
        fa: 'سازمان شهرک‌های صنعتی (نمایشی)',
        mn: 'Паркийн захиргаа (демо)',
        vi: 'Ban quản lý khu công nghiệp (demo)',
      },
      kinds: ['operator'],
      country: 'IR',
      createdAt: now,
      updatedAt: now,
      version: 0,
    },
    u.userId,
    { action: 'org.created', actor: { userId: 'seed', orgId: null }, before: null, after: null },
  );
  return { userId: u.userId, orgId: org.orgId, roles: ['operator'], personRole: 'admin' };
}

/** Parks, firms with users, memberships approved by the operator, and certificates (some unverified or expired). */
export async function seedFoundation(app: Container): Promise<DemoWorld> {
  const operator = await seedOperator(app);
  const parks = {} as DemoWorld['parks'];
  for (const p of DEMO_PARKS) {
    const { slug: _slug, ...input } = p;
    parks[p.slug as DemoParkSlug] = await app.parks.create(operator, { ...input, names: { ...input.names } });
  }
  const firms: DemoWorld['firms'] = {};
  for (const f of DEMO_FIRMS) {
    const u = await user(app, f.email, f.name);
    const founder: Caller = { userId: u.userId, orgId: null, roles: [], personRole: null };
    const org = await app.orgs.create(founder, {
      name: f.name,
      names: f.names,
      kinds: f.kinds,
      country: f.country,
      city: f.city,
      location: f.location,
      // The demo firms show themselves on their parks' public pages, as a showcase park's would.
      publicProfile: true,
    });
    const caller: OrgCaller = {
      userId: u.userId,
      orgId: org.orgId,
      roles: rolesForKinds(org.kinds),
      personRole: 'admin',
    };
    const parkId = parks[f.park].parkId;
    await app.memberships.apply(caller, parkId, f.kinds);
    await app.memberships.decide(
      operator,
      parkId,
      org.orgId,
      'approved',
      'Documents checked at the park office.',
    );
    for (const c of f.certificates) {
      const claimed = await app.certificates.claim(caller, org.orgId, {
        kind: c.kind,
        number: `${c.kind.toUpperCase()}-${org.orgId.slice(-6)}`,
        issuer: c.issuer,
        validUntil: c.validUntil,
      });
      if (c.verified) await app.certificates.verify(operator, org.orgId, claimed.certId, 'verified');
    }
    firms[f.slug] = { caller, org, firm: f };
  }
  return { operator, parks, firms, now: app.clock.now() };
}
