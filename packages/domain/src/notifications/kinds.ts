/**
 * Every kind of notification Parkbridge writes. The web app words each one, and every one can go
 * out as email: a kind added here without an email template and its five translations fails the
 * mail package's template tests, so nobody ever receives an email with a hole in it.
 */
export const NOTIFICATION_KINDS = [
  'need.matched',
  'need.amended',
  'need.cancelled',
  'need.extended',
  'need.closed',
  'question.asked',
  'question.answered',
  'bid.outbid',
  'bid.needs_reconfirmation',
  'bid.won',
  'bid.lost',
  'deal.confirmed',
  'deal.delivered',
  'deal.accepted',
  'deal.rated',
  'deal.cancelled',
  'deal.message',
  'award.approval_requested',
  'booking.requested',
  'booking.confirmed',
  'booking.rejected',
  'booking.cancelled',
  'booking.offered',
  'booking.expired',
  'offering.won',
  'offering.lost',
  'offering.cancelled',
  'email.suppressed',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const isNotificationKind = (kind: string): kind is NotificationKind =>
  (NOTIFICATION_KINDS as readonly string[]).includes(kind);
