/** Work done on a timer (closing needs, expiring holds). Correctness never depends on it running. */
export interface ScheduledJob {
  name: string;
  /** How often the local server runs it; in AWS, EventBridge Scheduler decides. */
  everyMs: number;
  run(now: Date): Promise<{ processed: number }>;
}
