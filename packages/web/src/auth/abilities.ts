import { type PersonRole, type Role, type Session, useSession } from './session';

/**
 * What the signed-in person may do, as the API decides it (every route states the person roles it
 * admits; admins may do anything): the app shows no button that the API would refuse.
 */
export const actsAs = (s: Session | null, ...roles: PersonRole[]): boolean =>
  !!s?.personRole && (s.personRole === 'admin' || roles.includes(s.personRole));

const kind = (s: Session | null, ...kinds: Role[]) => !!s && kinds.some((k) => s.roles.includes(k));

/** The abilities pages ask about, each the route's own rule. */
export function abilitiesOf(s: Session | null) {
  return {
    /** Needs, chains, answers, awards: a tenant's buyers. */
    buy: kind(s, 'tenant') && actsAs(s, 'buyer'),
    /** Listings, questions, bids, bookings: a supplier's sellers (bookings: any firm's sellers). */
    sell: kind(s, 'supplier') && actsAs(s, 'seller'),
    book: kind(s, 'tenant', 'supplier') && actsAs(s, 'seller'),
    /** The park authority's work: its admins and staff. */
    operate: kind(s, 'operator') && actsAs(s, 'staff'),
    /** Park space is bought or leased: any firm's buyers bid for it. */
    invest: actsAs(s, 'buyer'),
    /** The organisation's profile, parks applied to, certificates, people and four eyes. */
    manage: actsAs(s),
    /** Files go with needs, bids, certificates and messages: anyone but a viewer. */
    upload: actsAs(s, 'buyer', 'seller', 'staff'),
    /** Reads are everyone's; a viewer reads only. */
    readOnly: s?.personRole === 'viewer',
  };
}

export type Abilities = ReturnType<typeof abilitiesOf>;

export const useAbilities = (): Abilities => abilitiesOf(useSession());

/** On a deal, a side's people act by their role on it: the buyer side's buyers, the seller side's sellers. */
export const actsOnSide = (s: Session | null, side: 'buyer' | 'seller') => actsAs(s, side);
/** …and read its room when they may act on it, or are viewers. */
export const readsSide = (s: Session | null, side: 'buyer' | 'seller') => actsAs(s, side, 'viewer');
