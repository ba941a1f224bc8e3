import { Alert, Anchor, Button, Container, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import type { Unsubscription } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages/en';

/**
 * Where an email's unsubscribe link leads, without a login: it asks once, in the person's own
 * language (the link says whose it is), then turns that kind of email off. Opening the page
 * changes nothing, so a mail scanner that follows links unsubscribes no one.
 */
export default function UnsubscribePage() {
  const { t, lang, setLang } = useI18n();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [link, setLink] = useState<Unsubscription | null>(null);
  const [invalid, setInvalid] = useState(!token);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    document.title = `${t('unsubscribe.title')} · ${t('app.name')}`;
  }, [t]);

  // The person's language is set once, from the link; changing it afterwards is theirs.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per link, not per language
  useEffect(() => {
    if (!token) return;
    let live = true;
    api
      .get<Unsubscription>('/v1/email/unsubscribe', { token })
      .then((u) => {
        if (!live) return;
        setLink(u);
        if (u.language !== lang) void setLang(u.language);
      })
      .catch(() => live && setInvalid(true));
    return () => {
      live = false;
    };
  }, [token]);

  async function confirm() {
    setPending(true);
    try {
      setLink(await api.post<Unsubscription>(`/v1/email/unsubscribe?token=${encodeURIComponent(token)}`));
    } catch {
      setInvalid(true);
    } finally {
      setPending(false);
    }
  }

  const what = link && link.scope !== 'digest' ? t(`kind.${link.scope}` as MessageKey) : '';
  return (
    <Container size="xs" py="xl">
      <Paper withBorder p="lg">
        <Stack gap="md">
          <Text fw={800} c="teal.9" size="lg">
            {t('app.name')}
          </Text>
          <Title order={1} size="h3">
            {t('unsubscribe.title')}
          </Title>
          {invalid ? (
            <Alert color="red" role="alert" data-testid="unsubscribe-invalid">
              {t('unsubscribe.invalid')}
            </Alert>
          ) : !link ? null : link.off ? (
            <Stack gap="xs" data-testid="unsubscribe-done">
              <Text role="status">
                {link.scope === 'digest' ? t('unsubscribe.doneDigest') : t('unsubscribe.done', { what })}
              </Text>
              <Text size="sm" c="dimmed">
                {t('unsubscribe.inApp')}
              </Text>
            </Stack>
          ) : (
            <Stack gap="sm">
              <Text>
                {link.scope === 'digest' ? t('unsubscribe.askDigest') : t('unsubscribe.ask', { what })}
              </Text>
              <Button onClick={() => void confirm()} loading={pending} data-testid="unsubscribe-confirm">
                {t('unsubscribe.confirm')}
              </Button>
            </Stack>
          )}
          <Anchor component={Link} to="/settings" size="sm">
            {t('unsubscribe.settings')}
          </Anchor>
        </Stack>
      </Paper>
    </Container>
  );
}
