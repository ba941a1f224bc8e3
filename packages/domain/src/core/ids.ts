import { monotonicFactory } from 'ulid';

/** Prefixes make ids self-describing in logs and support tickets (need_…, bid_…). */
export const IdPrefix = {
  user: 'usr',
  org: 'org',
  park: 'park',
  membership: 'mbr',
  certificate: 'cert',
  chain: 'chain',
  need: 'need',
  listing: 'lst',
  question: 'q',
  bid: 'bid',
  deal: 'deal',
  expo: 'expo',
  pavilion: 'pav',
  slot: 'slot',
  booking: 'bkg',
  notification: 'ntf',
  file: 'file',
  message: 'msg',
  member: 'mem',
  invitation: 'inv',
  awardRequest: 'awr',
  offering: 'off',
  allocation: 'alloc',
} as const;
export type IdKind = keyof typeof IdPrefix;

const ulid = monotonicFactory();

export const newId = (kind: IdKind, at: number = Date.now()): string => `${IdPrefix[kind]}_${ulid(at)}`;

export const isIdOf = (id: string, kind: IdKind): boolean => id.startsWith(`${IdPrefix[kind]}_`);
