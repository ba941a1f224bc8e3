import { usePark } from '../api/queries';
import { useI18n } from '../i18n/i18n';

/**
 * An instant in its park's time zone, as the thing's own page shows it: a list and a detail page
 * never show the same award at two different clock times.
 */
export function ParkTime(props: { parkId: string | undefined; at: string | null | undefined }) {
  const { fmt } = useI18n();
  const { park, isPending } = usePark(props.parkId);
  if (!park && isPending) return <>…</>;
  return <>{fmt.dateTime(props.at, park?.timeZone)}</>;
}
