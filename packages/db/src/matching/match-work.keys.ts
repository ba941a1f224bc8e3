/**
 * A matching work item (the next step of a run, see domain matching/match-work.ts): one item per
 * step, written once, read by nobody but the stream, gone by TTL after a day.
 * `WORK#<id>` / `MATCH`: id a digest of the record that left it and the work, so a redelivered
 * record writes the same item again (and the condition turns the copy away).
 */
export const matchWorkKey = (id: string) => ({ pk: `WORK#${id}`, sk: 'MATCH' });
