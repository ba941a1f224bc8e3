import { z } from 'zod';
import type { Stored } from '../core';

/** Members of the expo's park wait ahead of outside firms; within a tier, in order of joining. */
export const WaitPriority = z.enum(['park', 'other']);
export type WaitPriority = z.infer<typeof WaitPriority>;

export const WaitStatus = z.enum(['waiting', 'left', 'offered']);

/** One organisation's place on one slot's (or slice's) waitlist; its audit trail is the waitlist's history. */
export const WaitlistPlace = z.object({
  slotId: z.string(),
  sliceId: z.string().nullable(),
  expoId: z.string(),
  parkId: z.string(),
  orgId: z.string(),
  status: WaitStatus,
  priority: WaitPriority,
  joinedAt: z.string(),
  offeredBookingId: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type WaitlistPlace = z.infer<typeof WaitlistPlace>;

/** The queue entry of a waiting place, as the queue is read, first to be offered first. */
export interface WaitlistEntry {
  slotId: string;
  sliceId: string | null;
  orgId: string;
  priority: WaitPriority;
  joinedAt: string;
  /** The place as saved: while it waits, its entry and the place change together. */
  place: Stored<WaitlistPlace>;
}

export const waitEntityId = (p: { slotId: string; sliceId: string | null; orgId: string }) =>
  `${p.slotId}/${p.sliceId ?? 'whole'}/waitlist/${p.orgId}`;
