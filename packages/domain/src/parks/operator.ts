import { forbidden } from '../core/errors';

/**
 * Only the park's operator may: anything that carries its park's operator (the park, an expo, a
 * chain map) is refused to another organisation with 403 (the park itself is public).
 */
export function requireOperatorOf(owned: { operatorOrgId: string }, orgId: string): void {
  if (owned.operatorOrgId !== orgId) {
    throw forbidden('park.not_operator', 'Only the operator of this park may do this.');
  }
}
