import { useI18n } from '../i18n/i18n';

/** "1 200 t", "۱٬۲۰۰ تن": a quantity and its unit in the reader's language. */
export function useQuantityText() {
  const { t, tMaybe, fmt } = useI18n();
  return (quantity: number | undefined | null, unit: string | undefined | null) => {
    if (quantity === undefined || quantity === null) return '—';
    const unitText = unit ? (tMaybe(`unit.${unit}`) ?? unit) : '';
    return t('quantity.format', {
      quantity: fmt.number(quantity, { maximumFractionDigits: 3 }),
      unit: unitText,
    });
  };
}
