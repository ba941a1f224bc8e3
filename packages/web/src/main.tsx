import '@mantine/core/styles.css';
import './app/app.css';
import { createRoot } from 'react-dom/client';
import { configureApi } from './api/client';
import { App } from './app/app';
import { loadConfig } from './auth/config';
import { finishCognitoLogin, isCognitoReturn, renewSession } from './auth/login';
import { applyDocumentLanguage, loadMessages } from './i18n/i18n';
import { initialLang } from './i18n/languages';

async function boot() {
  const lang = initialLang();
  applyDocumentLanguage(lang);
  const [messages, config] = await Promise.all([loadMessages(lang), loadConfig()]);
  configureApi(config, {
    unauthenticated: () => {
      if (!location.pathname.startsWith('/login')) {
        location.assign(`/login?next=${encodeURIComponent(location.pathname + location.search)}`);
      }
    },
    renew: () => renewSession(config),
  });
  // Cognito returns to the app's root with a code: finish the sign-in before the router starts.
  const params = new URLSearchParams(location.search);
  if (config.cognito && isCognitoReturn(params)) {
    try {
      history.replaceState(null, '', await finishCognitoLogin(config.cognito, params));
    } catch {
      history.replaceState(null, '', '/login');
    }
  }
  createRoot(document.getElementById('root') as HTMLElement).render(
    <App lang={lang} messages={messages} config={config} />,
  );
}

void boot();
