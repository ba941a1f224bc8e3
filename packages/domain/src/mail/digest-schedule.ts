/** The hour, in the person's own time zone, at which the day's digest goes out. */
export const DIGEST_HOUR = 8;

const partsIn = (at: Date, timeZone: string) => {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return {
    y: get('year'),
    m: get('month'),
    d: get('day'),
    h: get('hour'),
    min: get('minute'),
    s: get('second'),
  };
};

/** The zone's offset from UTC at `at`, in milliseconds. */
const offsetAt = (at: Date, timeZone: string): number => {
  const p = partsIn(at, timeZone);
  return Date.UTC(p.y, p.m - 1, p.d, p.h, p.min, p.s) - Math.floor(at.getTime() / 1000) * 1000;
};

/** The instant at which a wall-clock time in the zone happens (twice corrected, for offset changes). */
export function zonedInstant(y: number, m: number, d: number, hour: number, timeZone: string): Date {
  const wall = Date.UTC(y, m - 1, d, hour);
  let at = wall - offsetAt(new Date(wall), timeZone);
  at = wall - offsetAt(new Date(at), timeZone);
  return new Date(at);
}

/**
 * The digest a notification made at `at` belongs to: the next 08:00 in the person's time zone,
 * named by its local date. One digest per person and date is the exactly-once key.
 */
export function nextDigest(at: Date, timeZone: string, daysLater = 0): { date: string; dueAt: Date } {
  const p = partsIn(at, timeZone);
  const skip = (p.h >= DIGEST_HOUR ? 1 : 0) + daysLater;
  const day = new Date(Date.UTC(p.y, p.m - 1, p.d + skip));
  const [y, m, d] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
  return {
    date: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
    dueAt: zonedInstant(y, m, d, DIGEST_HOUR, timeZone),
  };
}
