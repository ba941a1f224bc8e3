import { actsAs } from '../auth/abilities';
import { hasRole, type Session } from '../auth/session';

/**
 * Where each person starts: an operator at its parks, a tenant's buyers at its needs, a supplier's
 * sellers at its inbox (admins and viewers as their organisation's first kind).
 */
export function homePath(session: Session | null): string {
  if (!session) return '/login';
  if (!session.orgId) return '/onboarding';
  if (hasRole(session, 'operator')) return '/parks';
  if (hasRole(session, 'tenant') && actsAs(session, 'buyer', 'viewer')) return '/needs';
  if (hasRole(session, 'supplier')) return '/inbox';
  return '/org';
}
