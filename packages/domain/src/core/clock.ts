/** Time is a dependency so tests can stand at a close or an expiry to the millisecond. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export const fixedClock = (start: Date | string) => {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    set: (at: Date | string) => {
      t = new Date(at).getTime();
    },
    advance: (ms: number) => {
      t += ms;
    },
  };
};

export const toIso = (d: Date): string => d.toISOString();
