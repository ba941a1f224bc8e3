import type { EntityNames, MailedNotification } from '@parkbridge/domain/mail';
import type { NotificationKind } from '@parkbridge/domain/notifications';
import type { MessageKey } from './messages';

/** What an email about a notification may name, each resolved from the notification and the names read. */
export type Var =
  | 'need'
  | 'offering'
  | 'deal'
  | 'dealRef'
  | 'expo'
  | 'slot'
  | 'closesAt'
  | 'expiresAt'
  | 'reason'
  | 'bids'
  | 'person'
  | 'address';

type Target = 'need' | 'deal' | 'dealRoom' | 'bookings' | 'expoBookings' | 'offering' | 'settings';

export interface KindTemplate {
  /** Every variable its subject and body may use; each must resolve, or nothing is sent. */
  vars: readonly Var[];
  /** Where its button leads in the web app. */
  target: Target;
}

const need = (...more: Var[]): KindTemplate => ({ vars: ['need', ...more], target: 'need' });
const deal = (...more: Var[]): KindTemplate => ({ vars: ['deal', 'dealRef', ...more], target: 'deal' });
const booking = (...more: Var[]): KindTemplate => ({ vars: ['expo', 'slot', ...more], target: 'bookings' });

/** One entry per notification kind: a kind without one does not compile. */
export const KIND_TEMPLATES: Record<NotificationKind, KindTemplate> = {
  'need.matched': need('closesAt'),
  'need.amended': need('reason'),
  'need.cancelled': need('reason'),
  'need.extended': need('closesAt'),
  'need.closed': need('bids'),
  'question.asked': need(),
  'question.answered': need(),
  'bid.outbid': need(),
  'bid.needs_reconfirmation': need(),
  'bid.won': { vars: ['need', 'dealRef'], target: 'deal' },
  'bid.lost': need(),
  'deal.confirmed': deal(),
  'deal.delivered': deal(),
  'deal.accepted': deal(),
  'deal.rated': deal(),
  'deal.cancelled': deal('reason'),
  'deal.message': { vars: ['deal', 'dealRef'], target: 'dealRoom' },
  'award.approval_requested': need(),
  'booking.requested': { vars: ['expo', 'slot'], target: 'expoBookings' },
  'booking.confirmed': booking(),
  'booking.rejected': booking(),
  'booking.cancelled': booking(),
  'booking.offered': booking('expiresAt'),
  'booking.expired': booking(),
  'offering.won': { vars: ['offering'], target: 'offering' },
  'offering.lost': { vars: ['offering'], target: 'offering' },
  'offering.cancelled': { vars: ['offering', 'reason'], target: 'offering' },
  'email.suppressed': { vars: ['person', 'address'], target: 'settings' },
};

export const subjectKey = (kind: NotificationKind) => `${kind}.subject` as MessageKey;
export const bodyKey = (kind: NotificationKind) => `${kind}.body` as MessageKey;

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v : null);
const idOf = (n: MailedNotification, field: string, prefix: string) =>
  str(n.data[field]) ?? (n.entityId.startsWith(`${prefix}_`) ? n.entityId : null);

/** A deal's short reference in emails: the end of its id, which is unique enough to find it. */
export const dealRef = (dealId: string) => `#${dealId.slice(-8).toUpperCase()}`;

/** The web app's page for a notification's button. */
export function pathFor(target: Target, n: MailedNotification): string | null {
  switch (target) {
    case 'need': {
      const id = idOf(n, 'needId', 'need');
      return id ? `/needs/${id}` : null;
    }
    case 'deal': {
      const id = idOf(n, 'dealId', 'deal');
      return id ? `/deals/${id}` : null;
    }
    case 'dealRoom': {
      // The deal page scrolls its room into view for this fragment (deal-room.tsx).
      const id = idOf(n, 'dealId', 'deal');
      return id ? `/deals/${id}#room` : null;
    }
    case 'bookings':
      return '/bookings';
    case 'expoBookings': {
      const id = idOf(n, 'expoId', 'expo');
      return id ? `/expos/${id}/bookings` : null;
    }
    case 'offering': {
      const id = idOf(n, 'offeringId', 'off');
      return id ? `/offerings/${id}` : null;
    }
    case 'settings':
      return '/settings';
  }
}

export interface Formatters {
  dateTime: (iso: string) => string;
  number: (n: number) => string;
}

/** A variable's value for one notification; null when the notification lacks it. */
export function resolveVar(
  v: Var,
  n: MailedNotification,
  names: EntityNames,
  fmt: Formatters,
): string | null {
  const needId = idOf(n, 'needId', 'need');
  const dealId = idOf(n, 'dealId', 'deal');
  const expoId = idOf(n, 'expoId', 'expo');
  switch (v) {
    case 'need':
      return (needId ? names.needs[needId] : undefined) ?? str(n.data.title);
    case 'deal':
      return (dealId ? names.deals[dealId] : undefined) ?? (needId ? names.needs[needId] : undefined) ?? null;
    case 'dealRef':
      return dealId ? dealRef(dealId) : null;
    case 'offering':
      // Park space on offer: its title travels in the notification.
      return str(n.data.title);
    case 'expo':
      return (expoId ? names.expos[expoId] : undefined) ?? null;
    case 'slot':
      return str(n.data.slotCode);
    case 'closesAt':
    case 'expiresAt': {
      const at = str(n.data[v]);
      return at ? fmt.dateTime(at) : null;
    }
    case 'reason':
      return str(n.data.reason);
    case 'bids':
      return typeof n.data.bids === 'number' ? fmt.number(n.data.bids) : null;
    case 'person':
      return str(n.data.name);
    case 'address':
      return str(n.data.email);
  }
}
