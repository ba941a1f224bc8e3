import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../api/client';
import { useOrg } from '../../api/queries';
import type { Booking } from '../../api/types';
import { useSession } from '../../auth/session';
import { ProblemAlert } from '../../components/problem';
import { useSubmit } from '../../components/use-submit';
import { useI18n } from '../../i18n/i18n';
import { myBookingsKey } from './expo-keys';

/** A hold becomes a request for the operator: the name on the booth and a contact for the park. */
export function SubmitBookingForm(props: { booking: Booking; onDone: (b: Booking) => void }) {
  const { t } = useI18n();
  const session = useSession();
  const org = useOrg(session?.orgId);
  const [displayName, setDisplayName] = useState('');
  const [contact, setContact] = useState(session?.email ?? '');
  const name = displayName || org.data?.name || '';
  const s = useSubmit(
    () =>
      api.post<Booking>(`/v1/bookings/${props.booking.bookingId}/submit`, {
        exhibitor: { displayName: name, contact },
      }),
    { invalidate: [myBookingsKey], onSuccess: props.onDone },
  );
  return (
    <form onSubmit={s.onSubmit}>
      <Stack gap="sm">
        <TextInput
          label={t('booking.displayName')}
          description={t('booking.displayNameHint')}
          required
          value={name}
          onChange={(e) => setDisplayName(e.currentTarget.value)}
          error={s.fieldError('exhibitor.displayName')}
          data-testid="booking-display-name"
        />
        <TextInput
          label={t('booking.contact')}
          description={t('booking.contactHint')}
          required
          value={contact}
          onChange={(e) => setContact(e.currentTarget.value)}
          error={s.fieldError('exhibitor.contact')}
          data-testid="booking-contact"
        />
        {s.error ? <ProblemAlert error={s.error} unclaimed={s.unclaimed()} /> : null}
        <Group justify="flex-end">
          <Button type="submit" loading={s.pending} data-testid="booking-submit">
            {t('booking.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
