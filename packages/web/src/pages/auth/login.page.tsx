import {
  Anchor,
  Badge,
  Button,
  Card,
  Center,
  Container,
  Group,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { DEMO_LOGINS } from '../../../../seed/src/demo-data';
import { useConfig } from '../../app/config-context';
import { homePath } from '../../app/home';
import { LanguagePicker } from '../../app/shell';
import { devLogin, startCognitoLogin } from '../../auth/login';
import { getSession } from '../../auth/session';
import { ProblemAlert } from '../../components/problem';
import { useI18n } from '../../i18n/i18n';

/** Where to go after signing in: only a path of this app, never another site. */
const safeNext = (next: string | null) => (next?.startsWith('/') && !next.startsWith('//') ? next : null);

export default function LoginPage() {
  const { t } = useI18n();
  const config = useConfig();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [email, setEmail] = useState('');
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    document.title = `${t('auth.title')} · ${t('app.name')}`;
  }, [t]);

  async function signIn(address: string) {
    setPending(address);
    setError(null);
    try {
      await devLogin(address);
      // An invitation's link works without an organisation: it is how one gets one.
      const usable = next && (getSession()?.orgId || next.startsWith('/invitations/'));
      navigate(usable ? next : homePath(getSession()), { replace: true });
    } catch (err) {
      setError(err);
    } finally {
      setPending(null);
    }
  }

  return (
    <Container size="md" py="xl">
      <Stack gap="lg">
        <Group justify="space-between">
          <Text fw={800} c="teal.9" size="xl">
            {t('app.name')}
          </Text>
          <LanguagePicker />
        </Group>
        <main>
          <Stack gap="lg">
            <Title order={1}>{t('auth.title')}</Title>
            <Text c="dimmed">{t('app.tagline')}</Text>
            <Anchor component={Link} to="/explore" underline="always" data-testid="explore-parks">
              {t('public.explore')}
            </Anchor>
            {config.cognito ? (
              <Center py="xl">
                <Button size="md" onClick={() => startCognitoLogin(config.cognito!, next ?? '/')}>
                  {t('auth.signInHosted')}
                </Button>
              </Center>
            ) : (
              <>
                {error ? <ProblemAlert error={error} /> : null}
                <form
                  onSubmit={(e) => {
                    e.preventDefault();
                    if (email.trim()) void signIn(email.trim());
                  }}
                >
                  <Group align="flex-end">
                    <TextInput
                      label={t('auth.email')}
                      description={t('auth.emailHint')}
                      type="email"
                      required
                      value={email}
                      onChange={(e) => setEmail(e.currentTarget.value)}
                      style={{ flex: 1 }}
                      data-testid="login-email"
                    />
                    <Button type="submit" loading={pending === email.trim()} data-testid="login-submit">
                      {t('auth.signIn')}
                    </Button>
                  </Group>
                </form>
                <Title order={2} size="h4">
                  {t('auth.demoUsers')}
                </Title>
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  {DEMO_LOGINS.map((l) => (
                    <Card key={l.email} withBorder padding="sm">
                      <Group justify="space-between" wrap="nowrap" align="flex-start">
                        <Stack gap={2}>
                          <Text size="sm" fw={600}>
                            {l.org}
                          </Text>
                          <Text size="xs" c="dimmed" ff="monospace">
                            {l.email}
                          </Text>
                          <Group gap={4}>
                            {l.role.split('+').map((r) => (
                              <Badge key={r} size="xs" variant="outline" color="gray">
                                {t(`role.${r as 'tenant' | 'supplier' | 'operator'}`)}
                              </Badge>
                            ))}
                            <Badge size="xs" variant="light" color="teal">
                              {t('person.admin')}
                            </Badge>
                          </Group>
                          <Group gap={4} mt={4}>
                            {l.people.map((p) => (
                              <Button
                                key={p.email}
                                size="compact-xs"
                                variant="subtle"
                                loading={pending === p.email}
                                onClick={() => void signIn(p.email)}
                                aria-label={t('auth.signInAs', { email: p.email })}
                                title={p.email}
                              >
                                {t(`person.${p.role}`)}
                              </Button>
                            ))}
                          </Group>
                        </Stack>
                        <Button
                          size="xs"
                          variant="light"
                          loading={pending === l.email}
                          onClick={() => void signIn(l.email)}
                          aria-label={t('auth.signInAs', { email: l.email })}
                        >
                          {t('auth.signIn')}
                        </Button>
                      </Group>
                    </Card>
                  ))}
                </SimpleGrid>
              </>
            )}
          </Stack>
        </main>
      </Stack>
    </Container>
  );
}
