import { Group, Stack, Title } from '@mantine/core';
import { type ReactNode, useEffect } from 'react';
import { useI18n } from '../i18n/i18n';

/** The page's one h1, which also names the browser tab. */
export function Page(props: { title: string; actions?: ReactNode; children: ReactNode }) {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${props.title} · ${t('app.name')}`;
  }, [props.title, t]);
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={1} size="h2">
          {/* Titles are often user text (a need's, a deal's): isolated from the UI's direction. */}
          <bdi>{props.title}</bdi>
        </Title>
        {props.actions && <Group gap="sm">{props.actions}</Group>}
      </Group>
      {props.children}
    </Stack>
  );
}
