import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import { keys, useCertificates, useMyMemberships, useOrg, useParks } from '../../api/queries';
import {
  type Attachment,
  CERTIFICATE_KINDS,
  type Certificate,
  type Membership,
  type Org,
} from '../../api/types';
import { forgetParkToJoin, parkToJoin } from '../../app/join-park';
import { useAbilities } from '../../auth/abilities';
import { useSession } from '../../auth/session';
import { FileDrop, FileList } from '../../components/files';
import { etagFor } from '../../components/inputs';
import { Page } from '../../components/page';
import { localName, ParkName, ParkSelect } from '../../components/park';
import { ProblemAlert } from '../../components/problem';
import { Empty, QueryState } from '../../components/query-state';
import { StatusBadge } from '../../components/status-badge';
import { useSubmit } from '../../components/use-submit';
import { useI18n } from '../../i18n/i18n';

function ApplyForm(props: { memberships: Membership[]; kinds: ('tenant' | 'supplier')[] }) {
  const { t } = useI18n();
  const parks = useParks();
  const [params] = useSearchParams();
  // A visitor who pressed "Join this park" on a public park page lands here with that park chosen.
  const [parkId, setParkId] = useState(() => {
    const wanted = parkToJoin(params.get('join'));
    return props.memberships.some((m) => m.parkId === wanted) ? '' : wanted;
  });
  const [as, setAs] = useState<string[]>(props.kinds);
  const applied = new Set(props.memberships.map((m) => m.parkId));
  const s = useSubmit(
    (key) => api.post<Membership>(`/v1/parks/${parkId}/memberships`, { as }, { idempotencyKey: key }),
    {
      invalidate: [keys.myMemberships],
      onSuccess: () => {
        forgetParkToJoin();
        setParkId('');
      },
    },
  );
  return (
    <form onSubmit={s.onSubmit}>
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('membership.apply')}
        </Title>
        <ParkSelect
          label={t('membership.park')}
          required
          value={parkId}
          onChange={setParkId}
          parks={(parks.data ?? []).filter((p) => !applied.has(p.parkId))}
          error={s.fieldError('parkId')}
        />
        <Checkbox.Group label={t('membership.as')} value={as} onChange={setAs} error={s.fieldError('as')}>
          <Group mt="xs">
            {props.kinds.map((k) => (
              <Checkbox key={k} value={k} label={t(`role.${k}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        {s.error ? <ProblemAlert error={s.error} unclaimed={s.unclaimed()} /> : null}
        <Group justify="flex-end">
          <Button type="submit" loading={s.pending} disabled={!parkId || !as.length}>
            {t('membership.applyAction')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Whether the firm is shown by name on its parks' public pages (off until the firm says so). */
function PublicProfileSwitch(props: { org: Org }) {
  const { t } = useI18n();
  const s = useSubmit(
    () =>
      api.patch<Org>(
        `/v1/orgs/${props.org.orgId}`,
        { publicProfile: !props.org.publicProfile },
        { ifMatch: etagFor(props.org) },
      ),
    { invalidate: [keys.org(props.org.orgId)] },
  );
  return (
    <Stack gap={4}>
      <Checkbox
        label={t('org.publicProfile')}
        description={t('org.publicProfileHint')}
        checked={!!props.org.publicProfile}
        disabled={s.pending}
        onChange={() => void s.submit()}
        data-testid="org-public-profile"
      />
      {s.error ? <ProblemAlert error={s.error} /> : null}
    </Stack>
  );
}

function ClaimCertificateForm(props: { orgId: string }) {
  const { t } = useI18n();
  const empty = { kind: 'iso_9001', number: '', issuer: '', validUntil: '', attachments: [] as Attachment[] };
  const [v, setV] = useState(empty);
  const [uploading, setUploading] = useState(false);
  const s = useSubmit(
    (key) =>
      api.post<Certificate>(
        `/v1/orgs/${props.orgId}/certificates`,
        { ...v, attachments: v.attachments.map((a) => a.attachmentId) },
        { idempotencyKey: key },
      ),
    { invalidate: [keys.certificates(props.orgId)], onSuccess: () => setV(empty) },
  );
  return (
    <form onSubmit={s.onSubmit}>
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('certificate.claim')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('certificate.kind')}
            value={v.kind}
            onChange={(e) => setV({ ...v, kind: e.currentTarget.value })}
            data={CERTIFICATE_KINDS.map((k) => ({ value: k, label: t(`certificate.kind.${k}`) }))}
            error={s.fieldError('kind')}
          />
          <TextInput
            label={t('certificate.number')}
            required
            value={v.number}
            onChange={(e) => setV({ ...v, number: e.currentTarget.value })}
            error={s.fieldError('number')}
          />
          <TextInput
            label={t('certificate.issuer')}
            required
            value={v.issuer}
            onChange={(e) => setV({ ...v, issuer: e.currentTarget.value })}
            error={s.fieldError('issuer')}
          />
          <TextInput
            label={t('certificate.validUntil')}
            type="date"
            required
            value={v.validUntil}
            onChange={(e) => setV({ ...v, validUntil: e.currentTarget.value })}
            error={s.fieldError('validUntil')}
          />
        </SimpleGrid>
        <FileDrop
          purpose="certificate"
          label={t('files.title')}
          files={v.attachments}
          onChange={(attachments) => setV({ ...v, attachments })}
          onBusy={setUploading}
        />
        {s.error ? <ProblemAlert error={s.error} unclaimed={s.unclaimed()} /> : null}
        <Group justify="flex-end">
          <Button type="submit" loading={s.pending} disabled={uploading}>
            {t('certificate.claimAction')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function CertificatesTable(props: {
  certificates: Certificate[];
  actions?: (c: Certificate) => React.ReactNode;
}) {
  const { t, fmt } = useI18n();
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('certificate.kind')}</Table.Th>
            <Table.Th>{t('certificate.number')}</Table.Th>
            <Table.Th>{t('certificate.issuer')}</Table.Th>
            <Table.Th>{t('certificate.validUntil')}</Table.Th>
            <Table.Th>{t('files.title')}</Table.Th>
            <Table.Th>{t('common.status')}</Table.Th>
            {props.actions && <Table.Th>{t('common.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.certificates.map((c) => (
            <Table.Tr key={c.certId}>
              <Table.Td>{t(`certificate.kind.${c.kind}`)}</Table.Td>
              <Table.Td>{c.number}</Table.Td>
              <Table.Td>{c.issuer}</Table.Td>
              <Table.Td>{fmt.date(c.validUntil)}</Table.Td>
              <Table.Td>{c.attachments?.length ? <FileList files={c.attachments} /> : '—'}</Table.Td>
              <Table.Td>
                <StatusBadge status={c.status} />
              </Table.Td>
              {props.actions && <Table.Td>{props.actions(c)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export default function OrgPage() {
  const { t, lang, fmt } = useI18n();
  const session = useSession();
  const can = useAbilities();
  const org = useOrg(session?.orgId);
  const isFirm = !!session?.roles.some((r) => r === 'tenant' || r === 'supplier');
  const memberships = useMyMemberships(isFirm);
  const certificates = useCertificates(session?.orgId);
  return (
    <Page title={t('org.title')}>
      <QueryState query={org}>
        {(o) => (
          <Paper withBorder p="md">
            <Stack gap={4}>
              <Text fw={700} size="lg">
                {localName(o.name, o.names, lang)}
              </Text>
              <Text size="sm" c="dimmed">
                {o.kinds.map((k) => t(`role.${k}`)).join(' · ')} · {o.country}
                {o.city ? ` · ${o.city}` : ''}
              </Text>
              {isFirm && <PublicProfileSwitch org={o} />}
            </Stack>
          </Paper>
        )}
      </QueryState>
      {isFirm && (
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('membership.title')}
          </Title>
          <QueryState
            query={memberships}
            isEmpty={(m) => m.length === 0}
            empty={<Empty title={t('membership.none')} hint={t('membership.noneHint')} />}
          >
            {(list) => (
              <Table.ScrollContainer minWidth={520}>
                <Table striped data-testid="my-memberships">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('membership.park')}</Table.Th>
                      <Table.Th>{t('membership.as')}</Table.Th>
                      <Table.Th>{t('common.status')}</Table.Th>
                      <Table.Th>{t('membership.decidedAt')}</Table.Th>
                      <Table.Th>{t('membership.reason')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {list.map((m) => (
                      <Table.Tr key={m.parkId}>
                        <Table.Td>
                          <ParkName parkId={m.parkId} />
                        </Table.Td>
                        <Table.Td>{m.as.map((r) => t(`role.${r}`)).join(' · ')}</Table.Td>
                        <Table.Td>
                          <Group gap={4}>
                            <StatusBadge status={m.status} />
                            {m.suspended && <StatusBadge status="suspended" />}
                          </Group>
                        </Table.Td>
                        <Table.Td>{fmt.dateTime(m.decidedAt)}</Table.Td>
                        <Table.Td>{m.reason ?? '—'}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </QueryState>
          {org.data && can.manage && (
            <Paper withBorder p="md">
              <ApplyForm
                memberships={memberships.data ?? []}
                kinds={org.data.kinds.filter((k): k is 'tenant' | 'supplier' => k !== 'operator')}
              />
            </Paper>
          )}
        </Stack>
      )}
      {session?.orgId && isFirm && (
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('certificate.title')}
          </Title>
          <QueryState
            query={certificates}
            isEmpty={(c) => c.length === 0}
            empty={<Empty title={t('certificate.none')} />}
          >
            {(list) => <CertificatesTable certificates={list} />}
          </QueryState>
          {can.manage && (
            <Paper withBorder p="md">
              <ClaimCertificateForm orgId={session.orgId} />
            </Paper>
          )}
        </Stack>
      )}
    </Page>
  );
}
