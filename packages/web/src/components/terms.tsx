import { NativeSelect, SimpleGrid, Text, TextInput } from '@mantine/core';
import type { DeliveryTerms, PaymentTerms } from '../api/types';
import { useI18n } from '../i18n/i18n';

/** The delivery and payment terms as a form holds them (strings, as typed). */
export interface TermsDraft {
  delivery: '' | 'pickup' | 'delivered';
  by: string;
  place: string;
  days: string;
}

export const emptyTerms: TermsDraft = { delivery: '', by: '', place: '', days: '' };

/** The request's `delivery` and `paymentTerms`, leaving out what was not stated. */
export function termsBody(v: TermsDraft): { delivery?: DeliveryTerms; paymentTerms?: PaymentTerms } {
  const days = v.days.trim() === '' ? undefined : Number(v.days);
  return {
    ...(v.delivery
      ? {
          delivery: {
            terms: v.delivery,
            ...(v.by ? { by: v.by } : {}),
            ...(v.place.trim() ? { place: v.place.trim() } : {}),
          },
        }
      : {}),
    ...(days !== undefined ? { paymentTerms: { daysAfterDelivery: days } } : {}),
  };
}

export function TermsFields(props: {
  value: TermsDraft;
  onChange: (v: TermsDraft) => void;
  error: (path: string) => string | undefined;
}) {
  const { t } = useI18n();
  const v = props.value;
  const set = (patch: Partial<TermsDraft>) => props.onChange({ ...v, ...patch });
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <NativeSelect
        label={t('terms.delivery')}
        value={v.delivery}
        onChange={(e) => set({ delivery: e.currentTarget.value as TermsDraft['delivery'] })}
        data={[
          { value: '', label: t('terms.none') },
          { value: 'pickup', label: t('terms.pickup') },
          { value: 'delivered', label: t('terms.delivered') },
        ]}
        error={props.error('delivery')}
        data-testid="terms-delivery"
      />
      <TextInput
        label={t('terms.daysAfterDelivery')}
        inputMode="numeric"
        value={v.days}
        onChange={(e) => set({ days: e.currentTarget.value })}
        error={props.error('paymentTerms')}
        data-testid="terms-days"
      />
      {v.delivery === 'delivered' && (
        <>
          <TextInput
            type="date"
            label={t('terms.by')}
            value={v.by}
            onChange={(e) => set({ by: e.currentTarget.value })}
            error={props.error('delivery.by')}
          />
          <TextInput
            label={t('terms.place')}
            value={v.place}
            onChange={(e) => set({ place: e.currentTarget.value })}
            error={props.error('delivery.place')}
            data-testid="terms-place"
          />
        </>
      )}
    </SimpleGrid>
  );
}

/** Terms in words: "Delivered to the buyer, by …, at …" and "30 days after delivery". */
export function useTermsText() {
  const { t, fmt } = useI18n();
  return {
    delivery: (d: DeliveryTerms | null | undefined) => {
      if (!d) return t('terms.none');
      const parts = [t(d.terms === 'pickup' ? 'terms.pickup' : 'terms.delivered')];
      if (d.by) parts.push(`${t('terms.by')}: ${fmt.date(d.by)}`);
      if (d.place) parts.push(d.place);
      return parts.join(' · ');
    },
    payment: (p: PaymentTerms | null | undefined) =>
      p ? t('terms.paymentDays', { days: fmt.number(p.daysAfterDelivery) }) : t('terms.none'),
  };
}

export function TermsSummary(props: { delivery?: DeliveryTerms | null; paymentTerms?: PaymentTerms | null }) {
  const { t } = useI18n();
  const text = useTermsText();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} mt="sm" data-testid="terms-summary">
      <div>
        <Text size="xs" c="dimmed">
          {t('terms.delivery')}
        </Text>
        <Text size="sm">{text.delivery(props.delivery)}</Text>
      </div>
      <div>
        <Text size="xs" c="dimmed">
          {t('terms.payment')}
        </Text>
        <Text size="sm">{text.payment(props.paymentTerms)}</Text>
      </div>
    </SimpleGrid>
  );
}
