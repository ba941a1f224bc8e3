import { Button, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../api/client';
import { keys, useInvitations, useMembers, useOrg } from '../../api/queries';
import type { Invitation, Member } from '../../api/types';
import { useConfig } from '../../app/config-context';
import { useAbilities } from '../../auth/abilities';
import { renewSession } from '../../auth/login';
import { type PersonRole, useSession } from '../../auth/session';
import { Page } from '../../components/page';
import { ProblemAlert } from '../../components/problem';
import { Empty, QueryState } from '../../components/query-state';
import { StatusBadge } from '../../components/status-badge';
import { useSubmit } from '../../components/use-submit';
import { useI18n } from '../../i18n/i18n';
import { AwardApprovalPanel } from './award-approval-panel';
import { MyInvitations } from './my-invitations';

const FIRM_ROLES: readonly PersonRole[] = ['admin', 'buyer', 'seller', 'viewer'];
const OPERATOR_ROLES: readonly PersonRole[] = ['admin', 'staff'];

function RoleSelect(props: { member: Member; roles: readonly PersonRole[]; orgId: string }) {
  const { t } = useI18n();
  const m = props.member;
  const [role, setRole] = useState<PersonRole>(m.role);
  const s = useSubmit(
    () =>
      api.patch<Member>(
        `/v1/orgs/${props.orgId}/members/${m.userId}`,
        { role },
        { ifMatch: `"v${m.version}"` },
      ),
    { invalidate: [keys.members(props.orgId)] },
  );
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="nowrap">
        <NativeSelect
          aria-label={t('people.roleOf', { name: m.name || m.email })}
          size="xs"
          value={role}
          onChange={(e) => setRole(e.currentTarget.value as PersonRole)}
          data={props.roles.map((r) => ({ value: r, label: t(`person.${r}`) }))}
          data-testid={`role-${m.email}`}
        />
        <Button
          size="compact-xs"
          variant="light"
          disabled={role === m.role}
          loading={s.pending}
          onClick={() => void s.submit()}
          data-testid={`save-role-${m.email}`}
        >
          {t('people.saveRole')}
        </Button>
      </Group>
      {s.error ? <ProblemAlert error={s.error} /> : null}
    </Stack>
  );
}

/** Removing someone (an admin) or leaving (oneself): says what it does and asks once. */
function RemoveButton(props: { member: Member; orgId: string; self: boolean }) {
  const { t } = useI18n();
  const config = useConfig();
  const [asking, setAsking] = useState(false);
  const m = props.member;
  const s = useSubmit(() => api.delete(`/v1/orgs/${props.orgId}/members/${m.userId}`), {
    invalidate: [keys.members(props.orgId)],
    onSuccess: async () => {
      setAsking(false);
      // Leaving: the next token has no organisation.
      if (props.self) await renewSession(config);
    },
  });
  const label = props.self ? t('people.leave') : t('people.remove');
  if (!asking) {
    return (
      <Button
        size="compact-xs"
        variant="subtle"
        color="red"
        onClick={() => setAsking(true)}
        data-testid={`remove-${m.email}`}
      >
        {label}
      </Button>
    );
  }
  return (
    <Stack gap={4}>
      <Text size="xs">
        {props.self
          ? t('people.leaveConfirmText')
          : t('people.removeConfirmText', { name: m.name || m.email })}
      </Text>
      <Group gap="xs">
        <Button size="compact-xs" variant="default" onClick={() => setAsking(false)}>
          {t('people.keep')}
        </Button>
        <Button
          size="compact-xs"
          color="red"
          loading={s.pending}
          onClick={() => void s.submit()}
          data-testid={`confirm-remove-${m.email}`}
        >
          {label}
        </Button>
      </Group>
      {s.error ? <ProblemAlert error={s.error} /> : null}
    </Stack>
  );
}

function InviteForm(props: { orgId: string; roles: readonly PersonRole[] }) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<PersonRole>(props.roles[1] ?? 'admin');
  const s = useSubmit(
    (key) =>
      api.post<Invitation>(`/v1/orgs/${props.orgId}/invitations`, { email, role }, { idempotencyKey: key }),
    { invalidate: [keys.invitations(props.orgId)], onSuccess: () => setEmail('') },
  );
  return (
    <form onSubmit={s.onSubmit} data-testid="invite-form">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('people.invite')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('people.inviteHint')}
        </Text>
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={t('people.email')}
            type="email"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={s.fieldError('email')}
            miw={260}
            data-testid="invite-email"
          />
          <NativeSelect
            label={t('people.role')}
            value={role}
            onChange={(e) => setRole(e.currentTarget.value as PersonRole)}
            data={props.roles.map((r) => ({ value: r, label: t(`person.${r}`) }))}
            error={s.fieldError('role')}
            data-testid="invite-role"
          />
          <Button type="submit" loading={s.pending} data-testid="invite-send">
            {t('people.inviteSend')}
          </Button>
        </Group>
        {s.error ? <ProblemAlert error={s.error} unclaimed={s.unclaimed()} /> : null}
      </Stack>
    </form>
  );
}

function RevokeButton(props: { orgId: string; invitation: Invitation }) {
  const { t } = useI18n();
  const s = useSubmit(
    () => api.delete(`/v1/orgs/${props.orgId}/invitations/${props.invitation.invitationId}`),
    {
      invalidate: [keys.invitations(props.orgId)],
    },
  );
  return (
    <Stack gap={4}>
      <Button
        size="compact-xs"
        variant="subtle"
        color="red"
        loading={s.pending}
        onClick={() => void s.submit()}
        data-testid={`revoke-${props.invitation.email}`}
      >
        {t('people.revoke')}
      </Button>
      {s.error ? <ProblemAlert error={s.error} /> : null}
    </Stack>
  );
}

function InvitationsTable(props: { orgId: string }) {
  const { t, fmt } = useI18n();
  const invitations = useInvitations(props.orgId, true);
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t('people.invitations')}
      </Title>
      <QueryState
        query={invitations}
        isEmpty={(d) => !d.length}
        empty={<Empty title={t('people.invitationsNone')} />}
      >
        {(items) => (
          <Table.ScrollContainer minWidth={640}>
            <Table striped data-testid="invitations">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('people.email')}</Table.Th>
                  <Table.Th>{t('people.role')}</Table.Th>
                  <Table.Th>{t('common.status')}</Table.Th>
                  <Table.Th>{t('people.expires')}</Table.Th>
                  <Table.Th>{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((inv) => (
                  <Table.Tr key={inv.invitationId} data-testid="invitation-row">
                    <Table.Td>
                      <bdi>{inv.email}</bdi>
                    </Table.Td>
                    <Table.Td>{t(`person.${inv.role}`)}</Table.Td>
                    <Table.Td>
                      <StatusBadge status={inv.status} />
                    </Table.Td>
                    <Table.Td>{fmt.dateTime(inv.expiresAt)}</Table.Td>
                    <Table.Td>
                      {inv.status === 'pending' ? (
                        <RevokeButton orgId={props.orgId} invitation={inv} />
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
    </Stack>
  );
}

/** The organisation's people and their roles; its admins invite, change roles and remove. */
export default function PeoplePage() {
  const { t, fmt } = useI18n();
  const session = useSession();
  const can = useAbilities();
  const orgId = session?.orgId ?? null;
  const org = useOrg(orgId);
  const members = useMembers(orgId);
  const roles = org.data?.kinds.includes('operator') ? OPERATOR_ROLES : FIRM_ROLES;
  if (!orgId) return null;
  return (
    <Page title={t('people.title')}>
      <Text c="dimmed">{t(can.manage ? 'people.introAdmin' : 'people.intro')}</Text>
      <QueryState query={members}>
        {(items) => (
          <Table.ScrollContainer minWidth={720}>
            <Table striped verticalSpacing="sm" data-testid="members">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('people.name')}</Table.Th>
                  <Table.Th>{t('people.email')}</Table.Th>
                  <Table.Th>{t('people.role')}</Table.Th>
                  <Table.Th>{t('people.joined')}</Table.Th>
                  <Table.Th>{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((m) => {
                  const self = m.userId === session?.userId;
                  return (
                    <Table.Tr key={m.userId} data-testid="member-row" data-email={m.email}>
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {m.name || '—'}
                          {self ? ` (${t('people.you')})` : ''}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <bdi>{m.email}</bdi>
                      </Table.Td>
                      <Table.Td data-testid="member-role">
                        {can.manage && !self ? (
                          <RoleSelect member={m} roles={roles} orgId={orgId} />
                        ) : (
                          t(`person.${m.role}`)
                        )}
                      </Table.Td>
                      <Table.Td>{fmt.date(m.joinedAt)}</Table.Td>
                      <Table.Td>
                        {self || can.manage ? <RemoveButton member={m} orgId={orgId} self={self} /> : null}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
      {can.manage ? (
        <>
          <Paper withBorder p="lg">
            <InviteForm orgId={orgId} roles={roles} />
          </Paper>
          <InvitationsTable orgId={orgId} />
          {org.data && !org.data.kinds.includes('operator') && org.data.kinds.includes('tenant') ? (
            <AwardApprovalPanel org={org.data} />
          ) : null}
        </>
      ) : null}
      <MyInvitations inOrganisation hideWhenNone />
    </Page>
  );
}
