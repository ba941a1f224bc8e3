import { Button, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useMyInvitations } from '../../api/queries';
import { useConfig } from '../../app/config-context';
import { LanguagePicker } from '../../app/shell';
import { startCognitoLogin, startCognitoSignUp } from '../../auth/login';
import { useSession } from '../../auth/session';
import { ProblemAlert } from '../../components/problem';
import { useI18n } from '../../i18n/i18n';
import { useAcceptInvitation } from '../common/my-invitations';

/**
 * The link of an invitation's email: whoever has no account signs up (in AWS through Cognito's
 * hosted sign-up, with the invited address) and comes back here to accept; the link's secret goes
 * with the acceptance, which only the invited address can make.
 */
export default function InvitationPage() {
  const { invitationId = '' } = useParams();
  const [params] = useSearchParams();
  const secret = params.get('token') ?? undefined;
  const { t, fmt } = useI18n();
  const config = useConfig();
  const session = useSession();
  const here = `/invitations/${invitationId}${secret ? `?token=${encodeURIComponent(secret)}` : ''}`;
  const mine = useMyInvitations();
  const invitation = session ? mine.data?.find((i) => i.invitationId === invitationId) : undefined;
  const s = useAcceptInvitation(invitationId, secret);
  useEffect(() => {
    document.title = `${t('people.invitationTitle')} · ${t('app.name')}`;
  }, [t]);

  return (
    <Container size="sm" py="xl">
      <Stack gap="lg">
        <Group justify="space-between">
          <Text fw={800} c="teal.9" size="xl">
            {t('app.name')}
          </Text>
          <LanguagePicker />
        </Group>
        <main>
          <Paper withBorder p="lg">
            <Stack gap="md">
              <Title order={1} size="h2">
                {t('people.invitationTitle')}
              </Title>
              {invitation ? (
                <Text>
                  {t('people.invitedTo', { org: invitation.orgName, role: t(`person.${invitation.role}`) })} ·{' '}
                  {t('people.invitedBy', {
                    name: invitation.invitedByName || '—',
                    until: fmt.dateTime(invitation.expiresAt),
                  })}
                </Text>
              ) : (
                <Text c="dimmed">{t('people.invitationIntro')}</Text>
              )}
              {!session ? (
                <Group>
                  {config.cognito ? (
                    <>
                      <Button
                        onClick={() => void startCognitoSignUp(config.cognito!, here)}
                        data-testid="sign-up"
                      >
                        {t('people.signUp')}
                      </Button>
                      <Button variant="default" onClick={() => void startCognitoLogin(config.cognito!, here)}>
                        {t('people.signIn')}
                      </Button>
                    </>
                  ) : (
                    <Button
                      component={Link}
                      to={`/login?next=${encodeURIComponent(here)}`}
                      data-testid="sign-in"
                    >
                      {t('people.signIn')}
                    </Button>
                  )}
                </Group>
              ) : session.orgId ? (
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
        </main>
      </Stack>
    </Container>
  );
}
