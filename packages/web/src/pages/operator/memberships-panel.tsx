import {
  Button,
  Collapse,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { allPages, keys, useCertificates, useOrg } from '../../api/queries';
import type { Certificate, Membership } from '../../api/types';
import { localName } from '../../components/park';
import { ProblemAlert } from '../../components/problem';
import { Empty, QueryState } from '../../components/query-state';
import { StatusBadge } from '../../components/status-badge';
import { useI18n } from '../../i18n/i18n';
import { CertificatesTable } from '../common/org.page';

const FILTERS = ['pending', 'approved', 'rejected', 'all'] as const;

function OrgCertificates(props: { orgId: string }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const certs = useCertificates(props.orgId);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  async function decide(c: Certificate, action: 'verify' | 'reject') {
    setBusy(`${c.certId}|${action}`);
    setError(null);
    try {
      await api.post(`/v1/orgs/${props.orgId}/certificates/${c.certId}/${action}`);
      await queryClient.invalidateQueries({ queryKey: keys.certificates(props.orgId) });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  }
  return (
    <Stack gap="xs">
      {error ? <ProblemAlert error={error} /> : null}
      <QueryState
        query={certs}
        isEmpty={(c) => c.length === 0}
        empty={
          <Text size="sm" c="dimmed">
            {t('certificate.none')}
          </Text>
        }
      >
        {(list) => (
          <CertificatesTable
            certificates={list}
            actions={(c) =>
              c.status === 'claimed' ? (
                <Group gap={4} wrap="nowrap">
                  <Button
                    size="compact-xs"
                    loading={busy === `${c.certId}|verify`}
                    onClick={() => void decide(c, 'verify')}
                  >
                    {t('certificate.verify')}
                  </Button>
                  <Button
                    size="compact-xs"
                    variant="default"
                    loading={busy === `${c.certId}|reject`}
                    onClick={() => void decide(c, 'reject')}
                  >
                    {t('action.reject')}
                  </Button>
                </Group>
              ) : null
            }
          />
        )}
      </QueryState>
    </Stack>
  );
}

function MembershipRow(props: { parkId: string; m: Membership }) {
  const { t, lang, fmt } = useI18n();
  const queryClient = useQueryClient();
  const org = useOrg(props.m.orgId);
  const [certsOpen, { toggle: toggleCerts }] = useDisclosure(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const { m } = props;
  async function decide(action: 'approve' | 'reject' | 'suspend' | 'reinstate') {
    setBusy(action);
    setError(null);
    try {
      await api.post(
        `/v1/parks/${props.parkId}/memberships/${m.orgId}/${action}`,
        reason.trim() ? { reason: reason.trim() } : undefined,
      );
      setReason('');
      await queryClient.invalidateQueries({ queryKey: ['memberships', props.parkId] });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  }
  const name = org.data ? localName(org.data.name, org.data.names, lang) : m.orgId;
  return (
    <>
      <Table.Tr data-testid={`membership-${m.orgId}`}>
        <Table.Td>
          <Text size="sm" fw={600}>
            {name}
          </Text>
          <Text size="xs" c="dimmed">
            {org.data?.city ?? ''} {org.data?.country ?? ''}
          </Text>
        </Table.Td>
        <Table.Td>{m.as.map((r) => t(`role.${r}`)).join(' · ')}</Table.Td>
        <Table.Td>
          <Group gap={4}>
            <StatusBadge status={m.status} />
            {m.suspended && <StatusBadge status="suspended" />}
          </Group>
        </Table.Td>
        <Table.Td>{fmt.dateTime(m.appliedAt)}</Table.Td>
        <Table.Td>
          <Stack gap={4}>
            {(m.status === 'pending' || m.status === 'approved') && (
              <TextInput
                size="xs"
                aria-label={t('membership.reasonFor', { name })}
                placeholder={t('membership.reason')}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
              />
            )}
            <Group gap={4} wrap="nowrap">
              {m.status === 'pending' && (
                <Button size="compact-xs" loading={busy === 'approve'} onClick={() => void decide('approve')}>
                  {t('action.approve')}
                </Button>
              )}
              {(m.status === 'pending' || m.status === 'approved') && (
                <Button
                  size="compact-xs"
                  variant="default"
                  loading={busy === 'reject'}
                  onClick={() => void decide('reject')}
                >
                  {t('action.reject')}
                </Button>
              )}
              {m.status === 'approved' && !m.suspended && (
                <Button
                  size="compact-xs"
                  variant="default"
                  loading={busy === 'suspend'}
                  disabled={!reason.trim()}
                  onClick={() => void decide('suspend')}
                >
                  {t('membership.suspend')}
                </Button>
              )}
              {m.status === 'approved' && m.suspended && (
                <Button
                  size="compact-xs"
                  variant="default"
                  loading={busy === 'reinstate'}
                  onClick={() => void decide('reinstate')}
                >
                  {t('membership.reinstate')}
                </Button>
              )}
              <Button size="compact-xs" variant="subtle" onClick={toggleCerts} aria-expanded={certsOpen}>
                {t('certificate.title')}
              </Button>
            </Group>
          </Stack>
        </Table.Td>
      </Table.Tr>
      {(error || certsOpen) && (
        <Table.Tr>
          <Table.Td colSpan={5}>
            {error ? <ProblemAlert error={error} /> : null}
            <Collapse expanded={certsOpen}>
              <Paper p="xs" withBorder>
                {certsOpen && <OrgCertificates orgId={m.orgId} />}
              </Paper>
            </Collapse>
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}

/** Tenancy applications and members of one park, with decisions and certificate checks. */
export function MembershipsPanel(props: { parkId: string }) {
  const { t } = useI18n();
  const [filter, setFilter] = useState<(typeof FILTERS)[number]>('pending');
  const list = useQuery({
    queryKey: keys.parkMemberships(props.parkId, filter),
    queryFn: () =>
      allPages<Membership>(`/v1/parks/${props.parkId}/memberships`, {
        status: filter === 'all' ? undefined : filter,
      }),
  });
  return (
    <Stack>
      <SegmentedControl
        aria-label={t('membership.filter')}
        value={filter}
        onChange={(v) => setFilter(v as (typeof FILTERS)[number])}
        data={FILTERS.map((f) => ({ value: f, label: f === 'all' ? t('common.all') : t(`status.${f}`) }))}
        w="fit-content"
      />
      <QueryState
        query={list}
        isEmpty={(l) => l.length === 0}
        empty={<Empty title={t('membership.noneInPark')} />}
      >
        {(items) => (
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="sm" data-testid="park-memberships">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('membership.firm')}</Table.Th>
                  <Table.Th>{t('membership.as')}</Table.Th>
                  <Table.Th>{t('common.status')}</Table.Th>
                  <Table.Th>{t('membership.appliedAt')}</Table.Th>
                  <Table.Th>{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((m) => (
                  <MembershipRow key={m.orgId} parkId={props.parkId} m={m} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
    </Stack>
  );
}
