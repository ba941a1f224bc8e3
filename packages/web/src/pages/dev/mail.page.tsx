import { Badge, Container, Group, Paper, Stack, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import type { ReceivedMail } from '../../api/types';
import { getSession } from '../../auth/session';
import { ProblemAlert } from '../../components/problem';
import { useI18n } from '../../i18n/i18n';

/**
 * Local only: the mail the local SMTP server received, as its recipient would read it. The HTML
 * part shows in a sandboxed frame (no script runs) whose links open in this tab, as they would
 * from a mail client.
 */
export default function DevMailPage() {
  const { t, fmt } = useI18n();
  const [params, setParams] = useSearchParams();
  const to = params.get('to') ?? getSession()?.email ?? '';
  const [selected, setSelected] = useState(0);
  const mail = useQuery({
    queryKey: ['dev-mail', to],
    queryFn: () => api.get<{ items: ReceivedMail[] }>('/v1/dev/mail', { to: to || undefined, limit: 50 }),
    refetchInterval: 2000,
  });
  useEffect(() => {
    document.title = `${t('devmail.title')} · ${t('app.name')}`;
  }, [t]);
  const items = mail.data?.items ?? [];
  const open = items[selected];

  return (
    <Container size="xl" py="md">
      <Stack gap="md">
        <Group justify="space-between" align="flex-end">
          <div>
            <Title order={1} size="h2">
              {t('devmail.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('devmail.hint')}
            </Text>
          </div>
          <TextInput
            label={t('devmail.to')}
            dir="ltr"
            defaultValue={to}
            data-testid="devmail-to"
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                setSelected(0);
                setParams({ to: e.currentTarget.value.trim() });
              }
            }}
          />
        </Group>
        {mail.error ? <ProblemAlert error={mail.error} onRetry={() => mail.refetch()} /> : null}
        {!items.length ? (
          <Text c="dimmed">{t('devmail.none')}</Text>
        ) : (
          <Group align="flex-start" wrap="wrap" gap="md">
            <Stack
              gap={4}
              component="ul"
              style={{ listStyle: 'none', padding: 0, margin: 0, flex: '1 1 18rem' }}
            >
              {items.map((m, i) => (
                <li key={m.headers['message-id'] ?? `${m.at} ${m.subject}`}>
                  <UnstyledButton
                    onClick={() => setSelected(i)}
                    data-testid="devmail-item"
                    aria-current={i === selected}
                    style={{ display: 'block', width: '100%' }}
                  >
                    <Paper withBorder p="xs" bg={i === selected ? 'teal.0' : undefined}>
                      <Text size="sm" fw={600} lineClamp={2}>
                        {m.subject}
                      </Text>
                      <Group gap={6}>
                        <Badge size="xs" variant="light">
                          {m.headers['content-language'] ?? '?'}
                        </Badge>
                        <Text size="xs" c="dimmed" dir="ltr">
                          {m.to}
                        </Text>
                      </Group>
                      <Text size="xs" c="dimmed">
                        {t('devmail.received', { at: fmt.dateTime(m.at) })}
                      </Text>
                    </Paper>
                  </UnstyledButton>
                </li>
              ))}
            </Stack>
            {open && (
              <Stack gap="xs" style={{ flex: '3 1 30rem', minWidth: 0 }}>
                <Text size="xs" c="dimmed" dir="ltr" style={{ wordBreak: 'break-all' }}>
                  List-Unsubscribe: {open.headers['list-unsubscribe'] ?? '—'}
                </Text>
                <iframe
                  title={open.subject}
                  data-testid="devmail-frame"
                  sandbox="allow-top-navigation-by-user-activation allow-popups"
                  srcDoc={withTopLinks(open.html)}
                  style={{ width: '100%', height: '70vh', border: '1px solid #dee2e6', borderRadius: 6 }}
                />
              </Stack>
            )}
          </Group>
        )}
      </Stack>
    </Container>
  );
}

/** Links in the email open in this tab (as a mail client hands them to the browser). */
const withTopLinks = (html: string) =>
  html.includes('<head>')
    ? html.replace('<head>', '<head><base target="_top">')
    : `<base target="_top">${html}`;
