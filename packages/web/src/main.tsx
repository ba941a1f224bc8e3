import '@mantine/core/styles.css';
import './app/app.css';
import { createRoot } from 'react-dom/client';
import { configureApi } from './api/client';
import { App } from './app/app';
import { loadConfig } from './auth/config';
import { applyDocumentLanguage, loadMessages } from './i18n/i18n';
import { initialLang } from './i18n/languages';

async function boot() {
  const lang = initialLang();
  applyDocumentLanguage(lang);
  const [messages, config] = await Promise.all([loadMessages(lang), loadConfig()]);
  configureApi(config, () => {
    if (!location.pathname.startsWith('/login')) {
      location.assign(`/login?next=${encodeURIComponent(location.pathname + location.search)}`);
    }
  });
  createRoot(document.getElementById('root') as HTMLElement).render(
    <App lang={lang} messages={messages} config={config} />,
  );
}

void boot();
