import type { Caller, Stored } from '@parkbridge/domain/core';
import type { Org } from '@parkbridge/domain/orgs';
import type { Park } from '@parkbridge/domain/parks';
import type { DemoFirm, DemoParkSlug, DemoPerson } from './demo-data';

/** What the foundation seed made, handed to each context's seed so it can act as those users. */
export interface DemoWorld {
  operator: Caller & { orgId: string };
  parks: Record<DemoParkSlug, Stored<Park>>;
  firms: Record<
    string,
    {
      caller: Caller & { orgId: string };
      org: Stored<Org>;
      firm: DemoFirm;
      /** Its people beside the founding admin, by role (the people seed adds them). */
      people?: Partial<Record<DemoPerson['role'], Caller & { orgId: string }>>;
    }
  >;
  /** "Now" for the seed: needs close relative to it, expos start after it. */
  now: Date;
}
