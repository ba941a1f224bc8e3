/** Who did what to which entity; the persistence layer chains these by hash per entity. */
export interface AuditActor {
  userId: string;
  orgId: string | null;
}

export interface AuditEntry {
  entityId: string;
  action: string;
  actor: AuditActor;
  before: unknown;
  after: unknown;
  /** The park the entity belongs to, so a park's operator may read it. */
  parkId?: string | null | undefined;
  reason?: string | undefined;
}

export interface AuditRecord extends AuditEntry {
  seq: number;
  at: string;
  prevHash: string;
  hash: string;
}

export const actorOf = (caller: { userId: string; orgId: string | null }): AuditActor => ({
  userId: caller.userId,
  orgId: caller.orgId,
});

/** Jobs (close, expire, match) act as the system, never as a user. */
export const SYSTEM_ACTOR: AuditActor = { userId: 'system', orgId: null };
