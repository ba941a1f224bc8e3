import {
  Alert,
  Button,
  Divider,
  Group,
  NativeSelect,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { api } from '../../api/client';
import { keys } from '../../api/queries';
import type { EmailMode, Me } from '../../api/types';
import { Page } from '../../components/page';
import { ProblemAlert } from '../../components/problem';
import { Loading } from '../../components/query-state';
import { useI18n } from '../../i18n/i18n';
import { LANGS, LANGUAGES } from '../../i18n/languages';
import type { MessageKey } from '../../i18n/messages/en';

/** The notification kinds, grouped as a person thinks of them. */
const GROUPS: { title: MessageKey; prefixes: string[] }[] = [
  { title: 'settings.group.needs', prefixes: ['need.', 'question.'] },
  { title: 'settings.group.bids', prefixes: ['bid.'] },
  { title: 'settings.group.deals', prefixes: ['deal.', 'award.'] },
  { title: 'settings.group.bookings', prefixes: ['booking.'] },
  { title: 'settings.group.offerings', prefixes: ['offering.'] },
  { title: 'settings.group.account', prefixes: ['email.'] },
];
const MODES: EmailMode[] = ['instant', 'daily', 'off'];

// Every IANA zone the browser knows; the server checks the same list.
const ZONES = (() => {
  try {
    return ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')];
  } catch {
    return ['UTC'];
  }
})();

export default function SettingsPage() {
  const { t, fmt, lang, setLang } = useI18n();
  const queryClient = useQueryClient();
  const me = useQuery({ queryKey: keys.me, queryFn: () => api.get<Me>('/v1/me') });
  const [draft, setDraft] = useState<Me | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (me.data) setDraft(me.data);
  }, [me.data]);
  const zones = useMemo(
    () => (draft && !ZONES.includes(draft.timeZone) ? [draft.timeZone, ...ZONES] : ZONES),
    [draft],
  );

  if (me.error) return <ProblemAlert error={me.error} onRetry={() => me.refetch()} />;
  if (!me.data || !draft) return <Loading />;
  const current = me.data;

  async function save() {
    if (!draft) return;
    setSaving(true);
    setSaved(false);
    setError(null);
    try {
      const changedModes = Object.fromEntries(
        Object.entries(draft.email).filter(([k, v]) => current.email[k] !== v),
      );
      const next = await api.patch<Me>(
        '/v1/me',
        {
          ...(draft.name !== current.name ? { name: draft.name } : {}),
          language: draft.language,
          timeZone: draft.timeZone,
          ...(Object.keys(changedModes).length ? { email: changedModes } : {}),
        },
        { ifMatch: `"v${current.version}"` },
      );
      queryClient.setQueryData(keys.me, next);
      setSaved(true);
      // The app speaks the language the emails do, once chosen here.
      if (next.language !== lang) await setLang(next.language);
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  }

  const set = (patch: Partial<Me>) => {
    setSaved(false);
    setDraft({ ...draft, ...patch });
  };

  return (
    <Page title={t('settings.title')}>
      {current.emailSuppressed && (
        <Alert color="red" role="alert" data-testid="email-suppressed">
          {t('settings.suppressed', {
            address: current.emailAddress,
            reason: t(`settings.reason.${current.emailSuppressed.reason}`),
            at: fmt.dateTime(current.emailSuppressed.at),
          })}
        </Alert>
      )}
      {error ? <ProblemAlert error={error} /> : null}
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('settings.profile')}
          </Title>
          <TextInput
            label={t('settings.name')}
            value={draft.name}
            maxLength={120}
            onChange={(e) => set({ name: e.currentTarget.value })}
            data-testid="settings-name"
          />
          <TextInput label={t('settings.emailAddress')} value={current.emailAddress} readOnly dir="ltr" />
          <Group grow align="flex-start" wrap="wrap">
            <NativeSelect
              label={t('settings.language')}
              value={draft.language}
              onChange={(e) => set({ language: e.currentTarget.value as Me['language'] })}
              data={LANGS.map((l) => ({ value: l, label: LANGUAGES[l].autonym }))}
              data-testid="settings-language"
            />
            <NativeSelect
              label={t('settings.timeZone')}
              description={t('settings.timeZoneHint')}
              value={draft.timeZone}
              onChange={(e) => set({ timeZone: e.currentTarget.value })}
              data={zones}
              dir="ltr"
              data-testid="settings-timezone"
            />
          </Group>
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('settings.email')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('settings.emailHint')}
          </Text>
          {GROUPS.map((group) => {
            const kinds = Object.keys(draft.email).filter((k) => group.prefixes.some((p) => k.startsWith(p)));
            if (!kinds.length) return null;
            return (
              <Stack
                key={group.title}
                gap={6}
                component="fieldset"
                style={{ border: 0, padding: 0, margin: 0 }}
              >
                <Divider
                  label={
                    <Text component="legend" size="sm" fw={600}>
                      {t(group.title)}
                    </Text>
                  }
                  labelPosition="left"
                />
                {kinds.map((kind) => (
                  <Group key={kind} justify="space-between" wrap="wrap" gap="xs">
                    <Text size="sm" id={`kind-${kind}`} style={{ flex: '1 1 14rem' }}>
                      {t(`kind.${kind}` as MessageKey)}
                    </Text>
                    <SegmentedControl
                      size="xs"
                      aria-labelledby={`kind-${kind}`}
                      value={draft.email[kind] ?? 'daily'}
                      onChange={(v) => set({ email: { ...draft.email, [kind]: v as EmailMode } })}
                      data={MODES.map((m) => ({ value: m, label: t(`settings.mode.${m}`) }))}
                      data-testid={`mode-${kind}`}
                    />
                  </Group>
                ))}
              </Stack>
            );
          })}
        </Stack>
      </Paper>
      <Group>
        <Button onClick={() => void save()} loading={saving} data-testid="settings-save">
          {t('settings.save')}
        </Button>
        {saved && (
          <Text size="sm" c="teal.8" role="status">
            {t('settings.saved')}
          </Text>
        )}
      </Group>
    </Page>
  );
}
