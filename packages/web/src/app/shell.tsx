import {
  AppShell,
  Badge,
  Box,
  Burger,
  Button,
  Group,
  NativeSelect,
  NavLink,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense, useEffect, useState } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useCurrencies, useOrg, useUnreadCount } from '../api/queries';
import { actsAs } from '../auth/abilities';
import { logout } from '../auth/login';
import { hasRole, type PersonRole, type Role, useSession } from '../auth/session';
import { localName } from '../components/park';
import { Loading } from '../components/query-state';
import { UserText } from '../components/user-text';
import { useI18n } from '../i18n/i18n';
import { isLang, LANGS, LANGUAGES } from '../i18n/languages';
import type { MessageKey } from '../i18n/messages/en';
import { useConfig } from './config-context';

interface NavItem {
  to: string;
  label: MessageKey;
  roles?: Role[];
  testId: string;
}

/**
 * Sections by the organisation's kinds and the person's role: a firm's buyers see its buying, its
 * sellers its selling; admins and viewers (who read everything) see both.
 */
const NAV: { title: MessageKey; roles?: Role[]; people?: PersonRole[]; items: NavItem[] }[] = [
  {
    title: 'nav.section.tenant',
    roles: ['tenant'],
    people: ['buyer', 'viewer'],
    items: [
      { to: '/needs', label: 'nav.needs', testId: 'nav-needs' },
      { to: '/chains', label: 'nav.chains', testId: 'nav-chains' },
    ],
  },
  {
    title: 'nav.section.supplier',
    roles: ['supplier'],
    people: ['seller', 'viewer'],
    items: [
      { to: '/inbox', label: 'nav.inbox', testId: 'nav-inbox' },
      { to: '/listings', label: 'nav.listings', testId: 'nav-listings' },
    ],
  },
  {
    title: 'nav.section.operator',
    roles: ['operator'],
    items: [
      { to: '/parks', label: 'nav.parks', testId: 'nav-parks' },
      { to: '/audit', label: 'nav.audit', testId: 'nav-audit' },
    ],
  },
  {
    title: 'nav.section.everyone',
    items: [
      { to: '/suppliers', label: 'nav.suppliers', testId: 'nav-suppliers' },
      { to: '/explore', label: 'nav.explore', testId: 'nav-explore' },
      { to: '/deals', label: 'nav.deals', roles: ['tenant', 'supplier'], testId: 'nav-deals' },
      { to: '/expos', label: 'nav.expos', testId: 'nav-expos' },
      { to: '/offerings', label: 'nav.offerings', testId: 'nav-offerings' },
      { to: '/bookings', label: 'nav.bookings', roles: ['tenant', 'supplier'], testId: 'nav-bookings' },
      { to: '/notifications', label: 'nav.notifications', testId: 'nav-notifications' },
      { to: '/people', label: 'nav.people', testId: 'nav-people' },
      { to: '/org', label: 'nav.org', testId: 'nav-org' },
      { to: '/settings', label: 'nav.settings', testId: 'nav-settings' },
    ],
  },
];

const allowed = (roles: Role[] | undefined, mine: Role[]) => !roles || roles.some((r) => mine.includes(r));

/** The header's one search box: needs, listings and suppliers (the results page groups them). */
function HeaderSearch(props: { testId: string; onDone?: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const current =
    location.pathname === '/search' ? (new URLSearchParams(location.search).get('q') ?? '') : '';
  const [q, setQ] = useState(current);
  useEffect(() => setQ(current), [current]);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (q.trim()) navigate(`/search?q=${encodeURIComponent(q.trim())}`);
        props.onDone?.();
      }}
    >
      <TextInput
        size="xs"
        type="search"
        aria-label={t('search.label')}
        placeholder={t('search.placeholder')}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        data-testid={props.testId}
      />
    </form>
  );
}

function LanguagePicker() {
  const { t, lang, setLang } = useI18n();
  return (
    <NativeSelect
      aria-label={t('language.label')}
      data-testid="language"
      size="xs"
      value={lang}
      onChange={(e) => {
        const v = e.currentTarget.value;
        if (isLang(v)) void setLang(v);
      }}
      data={LANGS.map((l) => ({ value: l, label: LANGUAGES[l].autonym }))}
    />
  );
}

export { LanguagePicker };

export function Shell() {
  const session = useSession();
  const { t, lang } = useI18n();
  const config = useConfig();
  const location = useLocation();
  const navigate = useNavigate();
  const [opened, { toggle, close }] = useDisclosure();
  const signOut = () => {
    logout(config);
    if (!config.cognito) navigate('/login');
  };
  const org = useOrg(session?.orgId);
  // Every amount is read and shown with the exponent the API states: nothing renders before it.
  const currencies = useCurrencies(!!session);
  const unread = useUnreadCount(!!session?.orgId);

  if (!session)
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (!session.orgId && location.pathname !== '/onboarding') return <Navigate to="/onboarding" replace />;

  const sections = NAV.filter(
    (s) => allowed(s.roles, session.roles) && (!s.people || actsAs(session, ...s.people)),
  )
    .map((s) => ({ ...s, items: s.items.filter((i) => allowed(i.roles, session.roles)) }))
    .filter((s) => s.items.length && session.orgId);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
            <UnstyledButton component={Link} to="/" aria-label={t('nav.home')}>
              <Text fw={800} c="teal.9" size="lg">
                {t('app.name')}
              </Text>
            </UnstyledButton>
          </Group>
          <Group gap="sm" wrap="nowrap">
            {session.orgId ? (
              <Box visibleFrom="sm" w={220}>
                <HeaderSearch testId="header-search" />
              </Box>
            ) : null}
            <LanguagePicker />
            <Button
              component={Link}
              to="/notifications"
              variant="subtle"
              size="xs"
              data-testid="header-notifications"
              style={{ flexShrink: 0 }}
              rightSection={
                unread.data ? (
                  <Badge size="sm" color="red" circle aria-hidden>
                    {unread.data}
                  </Badge>
                ) : undefined
              }
              aria-label={t('nav.notificationsUnread', { count: unread.data ?? 0 })}
            >
              {t('nav.notifications')}
            </Button>
            <Text size="sm" visibleFrom="md" c="dimmed" data-testid="whoami">
              <UserText>{org.data ? localName(org.data.name, org.data.names, lang) : session.email}</UserText>
            </Text>
            {/* On a phone there is no room beside the notifications: sign-out moves into the menu. */}
            <Button variant="default" size="xs" visibleFrom="sm" onClick={signOut}>
              {t('auth.logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('nav.main')} data-testid="main-nav">
        {session.orgId ? (
          <Box hiddenFrom="sm" px="sm" pt="sm">
            <HeaderSearch testId="nav-search" onDone={close} />
          </Box>
        ) : null}
        <AppShell.Section grow style={{ overflowY: 'auto' }}>
          {sections.map((s) => (
            <div key={s.title}>
              <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="md" pb={4}>
                {t(s.title)}
              </Text>
              {s.items.map((item) => (
                <NavLink
                  key={item.to}
                  component={Link}
                  to={item.to}
                  label={t(item.label)}
                  data-testid={item.testId}
                  active={location.pathname === item.to || location.pathname.startsWith(`${item.to}/`)}
                  onClick={close}
                />
              ))}
            </div>
          ))}
        </AppShell.Section>
        <Button
          variant="default"
          size="xs"
          m="xs"
          hiddenFrom="sm"
          onClick={signOut}
          data-testid="menu-logout"
        >
          {t('auth.logout')}
        </Button>
        {session.orgId ? (
          <Text size="xs" c="dimmed" px="sm" py="xs" data-testid="my-role">
            {[
              ...(session.personRole ? [t(`person.${session.personRole}`)] : []),
              ...(hasRole(session, 'operator') ? [] : session.roles.map((r) => t(`role.${r}`))),
            ].join(' · ')}
          </Text>
        ) : null}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>{currencies.isSuccess ? <Outlet /> : <Loading />}</Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
