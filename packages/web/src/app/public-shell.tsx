import { Anchor, Box, Button, Container, Group, Text, UnstyledButton } from '@mantine/core';
import { Suspense } from 'react';
import { Link, Outlet } from 'react-router-dom';
import { useSession } from '../auth/session';
import { Loading } from '../components/query-state';
import { useI18n } from '../i18n/i18n';
import { LanguagePicker } from './shell';

/** The pages anyone may read without signing in: the park directory and each park's page. */
export function PublicShell() {
  const { t } = useI18n();
  const session = useSession();
  return (
    <Box>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <Box component="header" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="lg" py="sm">
          <Group justify="space-between" wrap="nowrap">
            <UnstyledButton component={Link} to="/explore" aria-label={t('public.parks.title')}>
              <Text fw={800} c="teal.9" size="lg">
                {t('app.name')}
              </Text>
            </UnstyledButton>
            <Group gap="sm" wrap="nowrap">
              <LanguagePicker />
              <Button component={Link} to={session ? '/' : '/login'} size="xs" variant="default">
                {session ? t('public.open') : t('auth.signIn')}
              </Button>
            </Group>
          </Group>
        </Container>
      </Box>
      <Container size="lg" py="lg" component="main" id="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </Container>
      <Container size="lg" pb="xl" component="footer">
        <Text size="xs" c="dimmed">
          {t('app.tagline')}{' '}
          <Anchor component={Link} to="/explore" size="xs" underline="always">
            {t('public.parks.title')}
          </Anchor>
        </Text>
      </Container>
    </Box>
  );
}
