import type { PersonRole } from '@parkbridge/domain/core';

/** What the helpers below need of a test client (the test runtime's or the security harness's). */
export interface PeopleClient {
  call(
    method: string,
    path: string,
    opts?: { token?: string | undefined; body?: unknown; headers?: Record<string, string> },
  ): Promise<{ status: number; body: any }>;
  login(email: string): Promise<string>;
  unique(label: string): string;
}

const must = async (what: string, status: number, res: Promise<{ status: number; body: any }>) => {
  const r = await res;
  if (r.status !== status)
    throw new Error(`${what} answered ${r.status}, not ${status}: ${JSON.stringify(r.body)}`);
  return r;
};

export interface Colleague {
  token: string;
  email: string;
  userId: string;
  role: PersonRole;
  invitationId: string;
}

/**
 * A colleague of `admin`'s organisation with `role`, through the API as people do it: the admin
 * invites a new address, its owner signs in, finds the invitation and accepts, and signs in again
 * for a token that carries the organisation and the role.
 */
export async function colleague(
  client: PeopleClient,
  admin: { token: string; orgId: string },
  role: PersonRole,
  email = client.unique(role),
): Promise<Colleague> {
  const invited = await must(
    'invite',
    201,
    client.call('POST', `/v1/orgs/${admin.orgId}/invitations`, { token: admin.token, body: { email, role } }),
  );
  const invitationId = invited.body.invitationId as string;
  const first = await client.login(email);
  const accepted = await must(
    'accept',
    201,
    client.call('POST', `/v1/invitations/${invitationId}/accept`, { token: first }),
  );
  return { token: await client.login(email), email, userId: accepted.body.userId, role, invitationId };
}
