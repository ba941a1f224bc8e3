/**
 * `<input type="datetime-local">` speaks wall-clock time without a zone; Parkbridge's times are the
 * park's. These convert between a park's wall clock ("2026-11-20T16:00") and UTC instants.
 */
function offsetMs(timeZone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
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
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** "2026-11-20T16:00" on the park's clock → ISO UTC; null when the input is incomplete. */
export function zonedInputToUtc(local: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as number[];
  const guess = Date.UTC(y as number, (mo as number) - 1, d, h, mi);
  // Two passes settle the offset across a daylight-saving change.
  let utc = guess - offsetMs(timeZone, new Date(guess));
  utc = guess - offsetMs(timeZone, new Date(utc));
  return new Date(utc).toISOString();
}

/** An ISO instant → the park's wall clock for a datetime-local input. */
export function utcToZonedInput(iso: string, timeZone: string): string {
  const at = new Date(iso);
  const local = new Date(at.getTime() + offsetMs(timeZone, at));
  return local.toISOString().slice(0, 16);
}
