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
import { ConfirmButton } from '../../components/confirm';
import { useOrgName } from '../../components/org-name';
import { ProblemAlert } from '../../components/problem';
import { Empty, QueryState } from '../../components/query-state';
import { StatusBadge } from '../../components/status-badge';
import { isolate, UserText } from '../../components/user-text';
import { useI18n } from '../../i18n/i18n';
import { CertificatesTable } from '../common/org.page';

const FILTERS = ['pending', 'approved', 'rejected', 'all'] as const;
type Decision = 'approve' | 'reject' | 'suspend' | 'reinstate';

function OrgCertificates(props: { orgId: string }) {
  const { t, tMaybe } = useI18n();
  const firm = useOrgName(props.orgId);
  const queryClient = useQueryClient();
  const certs = useCertificates(props.orgId);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  async function decide(c: Certificate, action: 'verify' | 'reject'): Promise<boolean> {
    setBusy(`${c.certId}|${action}`);
    setError(null);
    try {
      await api.post(`/v1/orgs/${props.orgId}/certificates/${c.certId}/${action}`);
      await queryClient.invalidateQueries({ queryKey: keys.certificates(props.orgId) });
      return true;
    } catch (err) {
      setError(err);
      return false;
    } finally {
      setBusy(null);
    }
  }
  const what = (c: Certificate) => ({
    kind: tMaybe(`certificate.kind.${c.kind}`) ?? c.kind,
    number: isolate(c.number),
    name: isolate(firm),
  });
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
                  <ConfirmButton
                    label={t('certificate.verify')}
                    button={{ size: 'compact-xs' }}
                    title={t('confirm.certVerify.title')}
                    message={t('confirm.certVerify.body', what(c))}
                    confirmLabel={t('certificate.verify')}
                    pending={busy === `${c.certId}|verify`}
                    error={error}
                    onConfirm={() => decide(c, 'verify')}
                  />
                  <ConfirmButton
                    label={t('action.reject')}
                    button={{ size: 'compact-xs', variant: 'default' }}
                    title={t('confirm.certReject.title')}
                    message={t('confirm.certReject.body', what(c))}
                    confirmLabel={t('action.reject')}
                    danger
                    pending={busy === `${c.certId}|reject`}
                    error={error}
                    onConfirm={() => decide(c, 'reject')}
                  />
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
  const { t, fmt } = useI18n();
  const queryClient = useQueryClient();
  const org = useOrg(props.m.orgId);
  const [certsOpen, { toggle: toggleCerts }] = useDisclosure(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const { m } = props;
  async function decide(action: Decision): Promise<boolean> {
    setBusy(action);
    setError(null);
    try {
      await api.post(
        `/v1/parks/${props.parkId}/memberships/${m.orgId}/${action}`,
        reason.trim() ? { reason: reason.trim() } : undefined,
      );
      setReason('');
      await queryClient.invalidateQueries({ queryKey: ['memberships', props.parkId] });
      return true;
    } catch (err) {
      setError(err);
      return false;
    } finally {
      setBusy(null);
    }
  }
  const name = useOrgName(m.orgId);
  const roles = m.as.map((r) => t(`role.${r}`)).join(' · ');
  /** One decision, asked once, naming the firm, its roles and the reason given. */
  const decision = (action: Decision, label: string, opts: { danger?: boolean; disabled?: boolean } = {}) => (
    <ConfirmButton
      label={label}
      button={{
        size: 'compact-xs',
        variant: action === 'approve' ? 'filled' : 'default',
        disabled: opts.disabled,
        'data-testid': `membership-${action}`,
      }}
      title={t(`confirm.membership.${action}.title`)}
      message={t(`confirm.membership.${action}.body`, {
        name: isolate(name),
        roles,
        reason: reason.trim() ? isolate(reason.trim()) : t('confirm.noReason'),
      })}
      confirmLabel={label}
      danger={opts.danger}
      pending={busy === action}
      error={error}
      onConfirm={() => decide(action)}
    />
  );
  return (
    <>
      <Table.Tr data-testid={`membership-${m.orgId}`}>
        <Table.Td>
          <Text size="sm" fw={600}>
            <UserText>{name}</UserText>
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
              {m.status === 'pending' && decision('approve', t('action.approve'))}
              {/* An approved member is suspended (with a reason), not rejected after the fact. */}
              {m.status === 'pending' && decision('reject', t('action.reject'), { danger: true })}
              {m.status === 'approved' &&
                !m.suspended &&
                decision('suspend', t('membership.suspend'), { danger: true, disabled: !reason.trim() })}
              {m.status === 'approved' && m.suspended && decision('reinstate', t('membership.reinstate'))}
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
