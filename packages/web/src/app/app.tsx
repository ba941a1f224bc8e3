import { DirectionProvider, MantineProvider, useDirection } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect } from 'react';
import { RouterProvider } from 'react-router-dom';
import type { AppConfig } from '../auth/config';
import { I18nProvider, useI18n } from '../i18n/i18n';
import { LANGUAGES, type Lang } from '../i18n/languages';
import type { Messages } from '../i18n/messages/en';
import { ConfigContext } from './config-context';
import { queryClient } from './query-client';
import { router } from './routes';
import { cssVariablesResolver, theme } from './theme';

/** Mantine's direction follows the language: Persian mirrors the whole layout. */
function DirectionSync() {
  const { dir } = useI18n();
  const { setDirection } = useDirection();
  useEffect(() => setDirection(dir), [dir, setDirection]);
  return null;
}

export function App(props: { lang: Lang; messages: Messages; config: AppConfig }) {
  return (
    <ConfigContext.Provider value={props.config}>
      <I18nProvider lang={props.lang} messages={props.messages}>
        <DirectionProvider initialDirection={LANGUAGES[props.lang].dir} detectDirection={false}>
          <DirectionSync />
          <MantineProvider
            theme={theme}
            cssVariablesResolver={cssVariablesResolver}
            defaultColorScheme="light"
          >
            <QueryClientProvider client={queryClient}>
              <RouterProvider router={router} />
            </QueryClientProvider>
          </MantineProvider>
        </DirectionProvider>
      </I18nProvider>
    </ConfigContext.Provider>
  );
}
