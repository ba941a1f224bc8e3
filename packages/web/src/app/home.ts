import { hasRole, type Session } from '../auth/session';

/** Where each role starts: the operator at its parks, a tenant at its needs, a supplier at its inbox. */
export function homePath(session: Session | null): string {
  if (!session) return '/login';
  if (!session.orgId) return '/onboarding';
  if (hasRole(session, 'operator')) return '/parks';
  if (hasRole(session, 'tenant')) return '/needs';
  if (hasRole(session, 'supplier')) return '/inbox';
  return '/org';
}
