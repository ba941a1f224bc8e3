import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api/client';
import { keys, useMyInvitations } from '../../api/queries';
import type { Invitation, Member } from '../../api/types';
import { useConfig } from '../../app/config-context';
import { homePath } from '../../app/home';
import { renewSession } from '../../auth/login';
import { getSession } from '../../auth/session';
import { ProblemAlert } from '../../components/problem';
import { useSubmit } from '../../components/use-submit';
import { useI18n } from '../../i18n/i18n';

/**
 * Accepts an invitation (with the link's secret when it came by the link) and goes to the new
 * organisation's home page with a session renewed for it.
 */
export function useAcceptInvitation(invitationId: string, secret?: string) {
  const config = useConfig();
  const navigate = useNavigate();
  return useSubmit(
    () => api.post<Member>(`/v1/invitations/${invitationId}/accept`, secret ? { token: secret } : undefined),
    {
      invalidate: [keys.myInvitations],
      onSuccess: async () => {
        // The next token carries the organisation and the role.
        await renewSession(config);
        navigate(homePath(getSession()), { replace: true });
      },
    },
  );
}

function InvitationCard(props: { invitation: Invitation; inOrganisation: boolean }) {
  const { t, fmt } = useI18n();
  const inv = props.invitation;
  const s = useAcceptInvitation(inv.invitationId);
  return (
    <Paper withBorder p="md" data-testid="my-invitation" data-invitation-id={inv.invitationId}>
      <Stack gap="xs">
        <Text fw={600}>{t('people.invitedTo', { org: inv.orgName, role: t(`person.${inv.role}`) })}</Text>
        <Text size="sm" c="dimmed">
          {t('people.invitedBy', { name: inv.invitedByName || '—', until: fmt.dateTime(inv.expiresAt) })}
        </Text>
        {props.inOrganisation ? (
          <Text size="sm">{t('people.leaveFirst')}</Text>
        ) : (
          <Group>
            <Button onClick={() => void s.submit()} loading={s.pending} data-testid="accept-invitation">
              {t('people.accept')}
            </Button>
          </Group>
        )}
        {s.error ? <ProblemAlert error={s.error} /> : null}
      </Stack>
    </Paper>
  );
}

/** Invitations to the signed-in person's address: accepting one joins that organisation. */
export function MyInvitations(props: { inOrganisation: boolean; hideWhenNone?: boolean }) {
  const { t } = useI18n();
  const mine = useMyInvitations();
  const items = mine.data ?? [];
  if (props.hideWhenNone && !items.length) return null;
  return (
    <Stack gap="sm" data-testid="my-invitations">
      <Title order={2} size="h4">
        {t('people.forYou')}
      </Title>
      {mine.error ? <ProblemAlert error={mine.error} /> : null}
      {!items.length && !mine.isPending ? (
        <Alert color="gray" variant="light">
          {t('people.forYouNone')}
        </Alert>
      ) : null}
      {items.map((inv) => (
        <InvitationCard key={inv.invitationId} invitation={inv} inOrganisation={props.inOrganisation} />
      ))}
    </Stack>
  );
}
