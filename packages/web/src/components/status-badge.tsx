import { Badge } from '@mantine/core';
import { useI18n } from '../i18n/i18n';

const COLORS: Record<string, string> = {
  draft: 'gray',
  open: 'teal',
  closed: 'orange',
  awarded: 'green',
  cancelled: 'gray',
  pending: 'yellow',
  approved: 'green',
  rejected: 'red',
  claimed: 'yellow',
  verified: 'green',
  active: 'teal',
  inactive: 'gray',
  held: 'yellow',
  requested: 'blue',
  confirmed: 'green',
  booked: 'red',
  available: 'teal',
  expired: 'gray',
  submitted: 'blue',
  withdrawn: 'gray',
  needs_reconfirmation: 'orange',
  delivered: 'blue',
  accepted: 'green',
  won: 'green',
  lost: 'gray',
};

/** A state of anything (need, bid, booking, membership…) in the reader's language. */
export function StatusBadge(props: { status: string }) {
  const { tMaybe } = useI18n();
  return (
    <Badge color={COLORS[props.status] ?? 'gray'} variant="light" radius="sm" miw="max-content">
      {tMaybe(`status.${props.status}`) ?? props.status}
    </Badge>
  );
}
