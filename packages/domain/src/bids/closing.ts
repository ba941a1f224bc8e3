import type { AuditEntry, Stored } from '../core';
import type { Need } from '../needs/need';

/** The closing schedule: which needs reach their effective close when, so the close job finds them. */
export interface ClosingScheduleRepository {
  schedule(needId: string, closesAtMs: number): Promise<void>;
  unschedule(needId: string): Promise<void>;
  /** Entries due at or before `nowMs`, oldest first. */
  due(nowMs: number, limit: number): Promise<{ needId: string; closesAtMs: number }[]>;
  /**
   * open → closed, conditioned on the need being open, past its effective close and unchanged since
   * read; the schedule entry goes in the same transaction.
   */
  close(need: Stored<Need>, now: Date, audit: Omit<AuditEntry, 'entityId'>): Promise<void>;
}
