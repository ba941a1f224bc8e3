import { useOrg } from '../api/queries';
import { useI18n } from '../i18n/i18n';
import { localName } from './park';
import { UserText } from './user-text';

/** A firm by its name in the user's language (never its id once the name is known), isolated. */
export function OrgName(props: { orgId: string | null | undefined }) {
  const name = useOrgName(props.orgId);
  if (!props.orgId) return <>—</>;
  return <UserText>{name}</UserText>;
}

/** The firm's name as a string (for a sentence or a label); "…" while it loads, "a firm" if hidden. */
export function useOrgName(orgId: string | null | undefined): string {
  const { lang, t } = useI18n();
  const org = useOrg(orgId);
  if (!orgId) return '—';
  if (org.error) return t('org.unnamed');
  return org.data ? localName(org.data.name, org.data.names, lang) : '…';
}
