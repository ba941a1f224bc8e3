import { useOrg } from '../api/queries';
import { useI18n } from '../i18n/i18n';
import { localName } from './park';

export function OrgName(props: { orgId: string | null | undefined }) {
  const { lang } = useI18n();
  const org = useOrg(props.orgId);
  if (!props.orgId) return <>—</>;
  return <>{org.data ? localName(org.data.name, org.data.names, lang) : props.orgId}</>;
}
